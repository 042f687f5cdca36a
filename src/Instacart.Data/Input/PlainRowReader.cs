using CsvHelper;
using Microsoft.Win32.SafeHandles;

namespace Instacart.Data.Input;

/// <summary>How a fast row reader stopped.</summary>
internal enum PlainRows
{
    /// <summary>Every line was a plain row.</summary>
    Done,

    /// <summary>A line that is not a plain row, or more rows than expected: the plain path reads the file.</summary>
    NotPlain,

    /// <summary>A value too wide for the column's narrow form (a cart position over 255): read again with wide columns.</summary>
    TooWide,
}

/// <summary>A fast reader of one file's plain rows, handed whole lines a buffer at a time.</summary>
internal interface IPlainRowParser
{
    /// <summary>
    /// Reads every line of <paramref name="buffer"/>[0, <paramref name="length"/>); the last byte there is a line
    /// break and <see cref="PlainRowReader.Slack"/> readable bytes follow.
    /// </summary>
    PlainRows Read(byte[] buffer, int length);
}

/// <summary>
/// Feeds the lines of a byte range of a file to a fast row parser a buffer at a time: the header (when the range is
/// the file's start) checked by CsvHelper as the plain path checks it, a last line without a break read as if it had
/// one, and a line longer than the buffer given up on.
/// </summary>
internal static class PlainRowReader
{
    /// <summary>The bytes read at a time (a longer line is no plain row).</summary>
    public const int BufferBytes = 1 << 20;

    /// <summary>Readable bytes kept after the last line handed to a parser (a field is loaded eight bytes at a time).</summary>
    public const int Slack = sizeof(ulong);

    /// <summary>
    /// Reads <c>[start, end)</c> of <paramref name="handle"/> into <paramref name="parser"/>, first checking its first
    /// line against <paramref name="header"/> when given. <see cref="PlainRows.NotPlain"/> too when the file is
    /// shorter than <paramref name="end"/> or its header is not the one expected.
    /// </summary>
    public static PlainRows Read<TParser>(SafeFileHandle handle, long start, long end, string[]? header, ref TParser parser)
        where TParser : struct, IPlainRowParser
    {
        // Room for the line break the last line may lack, and the slack after it.
        var buffer = new byte[BufferBytes + 1 + Slack];
        var position = start;
        var have = 0;
        while (true)
        {
            var want = (int)Math.Min(BufferBytes - have, end - position);
            if (want > 0)
            {
                var read = RandomAccess.Read(handle, buffer.AsSpan(have, want), position);
                if (read <= 0)
                {
                    // Shorter than it was: cut while being read.
                    return PlainRows.NotPlain;
                }

                have += read;
                position += read;
            }

            if (header is not null)
            {
                var line = buffer.AsSpan(0, have).IndexOf((byte)'\n');
                if (line < 0 || !IsHeader(buffer.AsSpan(0, line + 1), header))
                {
                    return PlainRows.NotPlain;
                }

                Consume(buffer, line + 1, ref have);
                header = null;
                continue;
            }

            var atEnd = position == end;
            int lines;
            if (atEnd)
            {
                if (have == 0)
                {
                    return PlainRows.Done;
                }

                if (buffer[have - 1] != (byte)'\n')
                {
                    buffer[have++] = (byte)'\n';
                }

                lines = have;
            }
            else
            {
                lines = buffer.AsSpan(0, have).LastIndexOf((byte)'\n') + 1;
                if (lines == 0)
                {
                    return PlainRows.NotPlain;
                }
            }

            if (parser.Read(buffer, lines) is var outcome and not PlainRows.Done)
            {
                return outcome;
            }

            Consume(buffer, lines, ref have);
            if (atEnd)
            {
                return PlainRows.Done;
            }
        }
    }

    /// <summary>Whether <paramref name="line"/> (a byte-order mark allowed) is <paramref name="header"/> as the strict CsvHelper reader reads it.</summary>
    private static bool IsHeader(ReadOnlySpan<byte> line, string[] header)
    {
        var options = StrictCsvReader.StrictOptions(trackLineNumbers: false);
        try
        {
            using var csv = CsvReader.Create(new MemoryStream(line.ToArray(), writable: false), options, leaveOpen: false);
            return csv.Headers.SequenceEqual(header);
        }
        catch (Exception e) when (e is CsvFormatException or FormatException or InvalidOperationException or IOException or ArgumentException)
        {
            return false;
        }
    }

    private static void Consume(byte[] buffer, int count, ref int have)
    {
        buffer.AsSpan(count, have - count).CopyTo(buffer);
        have -= count;
    }
}
