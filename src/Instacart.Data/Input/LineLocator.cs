namespace Instacart.Data.Input;

/// <summary>
/// The line of a byte offset of one file, counted from the file's bytes when an error needs it (the big files do
/// not count lines while they are read). Offsets asked for in increasing order, as a reader skipping bad rows asks
/// for them, are counted on from the previous one, so that many bad rows cost one pass over the file, not one each.
/// </summary>
internal sealed class LineLocator(string path)
{
    private long offset;
    private long line = 1;
    private long start;

    /// <summary>The 1-based line holding <paramref name="byteOffset"/> and the offset where that line starts, counting LF only.</summary>
    public (long Line, long Start) Locate(long byteOffset)
    {
        if (byteOffset < offset)
        {
            (offset, line, start) = (0, 1, 0);
        }

        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var buffer = new byte[1 << 16];
        while (offset < byteOffset)
        {
            var read = RandomAccess.Read(handle, buffer.AsSpan(0, (int)Math.Min(buffer.Length, byteOffset - offset)), offset);
            if (read <= 0)
            {
                break;
            }

            var span = buffer.AsSpan(0, read);
            var count = span.Count((byte)'\n');
            if (count > 0)
            {
                line += count;
                start = offset + span.LastIndexOf((byte)'\n') + 1;
            }

            offset += read;
        }

        return (line, start);
    }
}
