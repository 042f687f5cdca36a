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
