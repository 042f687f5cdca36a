namespace Instacart.Data.Input;

/// <summary>
/// Reads the bytes around a record the CSV reader rejected, on the error path only, to say where it is and what
/// was found there: a blank line, a stray carriage return, binary data. Every read is bounded, whatever the file
/// holds; nothing here quotes the bytes it looks at.
/// </summary>
internal static class RejectedRecord
{
    /// <summary>What is expected of line breaks (SPEC §1).</summary>
    public const string LineEndings = "LF or CRLF line endings";

    private const int PeekBytes = 4 << 10;

    /// <summary>
    /// What is wrong with the line starting at <paramref name="lineStart"/> as a whole, or <see langword="null"/>: it is
    /// blank, holds a carriage return that is not part of a CRLF (an <c>\r\r\n</c> ending), or holds NUL bytes.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="lineStart">Where the line starts (see <see cref="LineLocator"/>).</param>
    /// <param name="strayReturn">Set when the fault is a stray carriage return, which is about the file's line breaks, not one row.</param>
    public static string? LineFault(string path, long lineStart, out bool strayReturn)
    {
        strayReturn = false;
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var length = RandomAccess.GetLength(handle);
        // Most lines end within a first look; only a longer one is read up to the record limit.
        var buffer = new byte[PeekBytes];
        var read = ReadAt(handle, buffer, lineStart);
        if (read == buffer.Length && buffer.AsSpan().IndexOf((byte)'\n') < 0)
        {
            buffer = new byte[StrictCsvReader.MaxRecordBytes + 2];
            read = ReadAt(handle, buffer, lineStart);
        }

        var span = buffer.AsSpan(0, read);
        var end = span.IndexOf((byte)'\n');
        var line = end >= 0 ? span[..end] : span;
        var content = line.EndsWith((byte)'\r') ? line[..^1] : line;
        var cr = content.IndexOf((byte)'\r');
        if (cr >= 0)
        {
            strayReturn = true;
            return end >= 0 && cr == content.Length - 1
                ? @"a stray carriage return (a \r\r\n line ending)"
                : "a carriage return inside the line";
        }

        if (content.Contains((byte)0))
        {
            return "NUL bytes (binary data, such as the unwritten end of an unfinished download)";
        }

        if (content.IsEmpty)
        {
            var after = end >= 0 ? lineStart + end + 1 : length;
            return OnlyLineBreaksFrom(handle, after, length)
                ? "a blank line at the end of the file (remove the trailing blank lines)"
                : "a blank line";
        }

        return null;
    }

    /// <summary>What a record longer than <see cref="StrictCsvReader.MaxRecordBytes"/> starting at <paramref name="byteOffset"/> looks like.</summary>
    public static string TooLong(string path, long byteOffset)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var buffer = new byte[PeekBytes];
        var head = buffer.AsSpan(0, ReadAt(handle, buffer, byteOffset));
        return head.Contains((byte)0) ? "NUL bytes and no line break for over 1 MiB (binary data, such as the unwritten end of an unfinished download)"
            : head.Contains((byte)'"') ? "a record over 1 MiB long (a quoted field that is never closed, or binary data)"
            : "a line over 1 MiB long (no line break, or binary data)";
    }

    private static bool OnlyLineBreaksFrom(Microsoft.Win32.SafeHandles.SafeFileHandle handle, long from, long length)
    {
        if (length - from > PeekBytes)
        {
            return false;
        }

        var buffer = new byte[PeekBytes];
        var rest = buffer.AsSpan(0, ReadAt(handle, buffer, from));
        return rest.IndexOfAnyExcept((byte)'\r', (byte)'\n') < 0;
    }

    private static int ReadAt(Microsoft.Win32.SafeHandles.SafeFileHandle handle, byte[] buffer, long offset)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = RandomAccess.Read(handle, buffer.AsSpan(total), offset + total);
            if (read <= 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
