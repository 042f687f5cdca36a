using Microsoft.Win32.SafeHandles;

namespace Instacart.Data.Input;

/// <summary>What the fast readers ask of a whole file before they size their columns: its line breaks and its last byte.</summary>
internal static class LineBreaks
{
    /// <summary>The <c>\n</c> bytes in the first <paramref name="length"/> bytes of the file (fewer if it is cut meanwhile).</summary>
    public static long Count(SafeFileHandle handle, long length)
    {
        var buffer = new byte[1 << 20];
        long count = 0;
        for (long at = 0; at < length;)
        {
            var read = RandomAccess.Read(handle, buffer.AsSpan(0, (int)Math.Min(buffer.Length, length - at)), at);
            if (read <= 0)
            {
                break;
            }

            count += buffer.AsSpan(0, read).Count((byte)'\n');
            at += read;
        }

        return count;
    }

    /// <summary>
    /// The data rows of a file with a header line and <paramref name="breaks"/> line breaks (the header's break is no
    /// row's; a last row may have none), or null when the file is empty, when more breaks than rows of at least
    /// <paramref name="minRowBytes"/> bytes fit (garbage asks no room), or when the rows do not fit an array.
    /// </summary>
    public static int? DataRows(SafeFileHandle handle, long length, long breaks, int minRowBytes)
    {
        if (length == 0 || breaks > (length / minRowBytes) + 1)
        {
            return null;
        }

        var rows = breaks - 1 + (LastByte(handle, length) == (byte)'\n' ? 0 : 1);
        return rows is < 0 or > int.MaxValue ? null : (int)rows;
    }

    /// <summary>The file's last byte, or -1 when it is empty (or shorter than <paramref name="length"/> now).</summary>
    public static int LastByte(SafeFileHandle handle, long length)
    {
        if (length == 0)
        {
            return -1;
        }

        Span<byte> one = stackalloc byte[1];
        return RandomAccess.Read(handle, one, length - 1) == 1 ? one[0] : -1;
    }
}
