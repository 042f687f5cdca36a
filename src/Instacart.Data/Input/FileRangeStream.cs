using Microsoft.Win32.SafeHandles;

namespace Instacart.Data.Input;

/// <summary>
/// A read-only forward stream over the bytes <c>[start, end)</c> of an open file, so that several CsvHelper
/// readers can each parse one range of the same file at once (positional reads; the handle is shared).
/// </summary>
internal sealed class FileRangeStream : Stream
{
    private readonly SafeFileHandle handle;
    private readonly long start;
    private readonly long end;
    private long position;

    public FileRangeStream(SafeFileHandle handle, long start, long end)
    {
        this.handle = handle;
        this.start = start;
        this.end = end;
        position = start;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => end - start;

    public override long Position
    {
        get => position - start;
        set => throw new NotSupportedException();
    }

    public override int Read(Span<byte> buffer)
    {
        var want = (int)Math.Min(buffer.Length, end - position);
        if (want <= 0)
        {
            return 0;
        }

        var read = RandomAccess.Read(handle, buffer[..want], position);
        position += read;
        return read;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
