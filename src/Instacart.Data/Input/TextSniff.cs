namespace Instacart.Data.Input;

/// <summary>
/// A look at the first bytes of an input file before any parser sees it: an archive, UTF-16 or UTF-32 text, or
/// binary data (an unfinished download's unwritten zeros) is reported at once, in one line, rather than parsed
/// as CSV. It reads at most <see cref="Bytes"/> bytes, whatever the file's size.
/// </summary>
/// <remarks>
/// One NUL byte inside a field is a bad value, reported (or skipped) with its line and column like any other;
/// <see cref="BinaryNulBytes"/> or more among the first bytes, or nothing but NUL bytes, make the file binary,
/// whatever the policy for bad rows.
/// </remarks>
internal static class TextSniff
{
    /// <summary>How many bytes are looked at.</summary>
    public const int Bytes = 64 << 10;

    /// <summary>NUL bytes among the first <see cref="Bytes"/> that make a file binary data rather than text with a bad value.</summary>
    public const int BinaryNulBytes = 8;

    private const string Expected = "UTF-8 CSV text";

    private static readonly (byte[] Magic, string Found)[] Signatures =
    [
        ([0x50, 0x4B, 0x03, 0x04], "a zip archive: unpack it first"),
        ([0x50, 0x4B, 0x05, 0x06], "an (empty) zip archive: unpack it first"),
        ([0x1F, 0x8B], "a gzip archive: unpack it first"),
        ([0x42, 0x5A, 0x68], "a bzip2 archive: unpack it first"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "an xz archive: unpack it first"),
        ([0x28, 0xB5, 0x2F, 0xFD], "a zstd archive: unpack it first"),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "a 7-Zip archive: unpack it first"),
        ([0xFF, 0xFE, 0x00, 0x00], "UTF-32 text (a UTF-32 byte order mark): save it as UTF-8"),
        ([0x00, 0x00, 0xFE, 0xFF], "UTF-32 text (a UTF-32 byte order mark): save it as UTF-8"),
        ([0xFF, 0xFE], "UTF-16 text (a UTF-16 byte order mark): save it as UTF-8"),
        ([0xFE, 0xFF], "UTF-16 text (a UTF-16 byte order mark): save it as UTF-8"),
    ];

    /// <summary>Throws an <see cref="InputException"/> naming <paramref name="path"/>'s file when its first bytes are not UTF-8 text.</summary>
    public static void Check(string path)
    {
        var head = new byte[Bytes];
        int read;
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            read = 0;
            while (read < head.Length)
            {
                var got = RandomAccess.Read(handle, head.AsSpan(read), read);
                if (got <= 0)
                {
                    break;
                }

                read += got;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(Path.GetFileName(path), 0, 0, null, "a readable file", e.Message);
        }

        Check(Path.GetFileName(path), head.AsSpan(0, read));
    }

    /// <summary>The check of <see cref="Check(string)"/> on a file's first bytes.</summary>
    internal static void Check(string fileName, ReadOnlySpan<byte> head)
    {
        foreach (var (magic, found) in Signatures)
        {
            if (head.StartsWith(magic))
            {
                throw new InputException(fileName, 0, 0, null, Expected, found);
            }
        }

        var nul = head.IndexOf((byte)0);
        var onlyNul = !head.IsEmpty && head.IndexOfAnyExcept((byte)0) < 0;
        if (nul >= 0 && (onlyNul || head.Count((byte)0) >= BinaryNulBytes))
        {
            var line = 1 + head[..nul].Count((byte)'\n');
            // UTF-16 text of ASCII characters has a NUL beside each of them, never two in a row.
            var what = onlyNul ? "NUL bytes from the first byte on (binary data, such as an unfinished download)"
                : head[nul..].IndexOf([(byte)0, (byte)0]) >= 0 ? "NUL bytes (binary data, such as the unwritten end of an unfinished download)"
                : "NUL bytes between the characters (UTF-16 text without a byte order mark?): save it as UTF-8";
            throw new InputException(fileName, line, 0, null, Expected, what);
        }
    }
}
