using System.Buffers.Text;
using System.Text;
using System.Text.Unicode;
using CsvHelper;

namespace Instacart.Data.Input;

/// <summary>
/// CsvHelper's reader set up to reject bad input rather than recover from it, with the file's header
/// checked against a schema and every field read through a typed accessor that reports file, line and column.
/// </summary>
/// <remarks>
/// Line numbers: small files track them as they read; the big integer files do not (it costs a third of the
/// parse), and the line of a bad record is counted from its byte offset only when an error is raised.
/// </remarks>
internal sealed class StrictCsvReader : IDisposable
{
    private const int MaxShownFound = 40;

    private readonly CsvReader reader;
    private readonly string path;
    private readonly bool trackLineNumbers;

    private StrictCsvReader(CsvReader reader, string path, string[] columns, bool trackLineNumbers)
    {
        this.reader = reader;
        this.path = path;
        this.trackLineNumbers = trackLineNumbers;
        Columns = columns;
        FileName = Path.GetFileName(path);
    }

    private Func<int> skippedRecords = () => 0;

    /// <summary>Records the reader itself skipped as malformed (only when bad rows are skipped).</summary>
    public int SkippedRecords => skippedRecords();

    /// <summary>The file's name, for messages.</summary>
    public string FileName { get; }

    /// <summary>The header names, as the schema has them.</summary>
    public string[] Columns { get; }

    /// <summary>The 1-based number of the current data record (the header is not counted).</summary>
    public long RowNumber => reader.RowNumber;

    /// <summary>
    /// Opens <paramref name="path"/> and checks its header row. With <paramref name="expectedHeader"/> null the
    /// header is returned as found, for files whose layout is decided by their header (departments).
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="expectedHeader">The schema's header, or null.</param>
    /// <param name="trackLineNumbers">Count lines while reading (small files) rather than on error only.</param>
    /// <param name="badRows">When it skips bad rows, malformed records and wrong field counts are logged and skipped by the reader.</param>
    public static StrictCsvReader Open(string path, string[]? expectedHeader, bool trackLineNumbers, BadRowLog? badRows = null)
    {
        var options = StrictOptions(trackLineNumbers);
        StrictCsvReader? self = null;
        var skipped = 0;
        if (badRows is { Skips: true })
        {
            options = options with
            {
                MalformedData = CsvMalformedDataHandling.Skip,
                FieldCountMismatch = CsvFieldCountHandling.Skip,
                OnMalformedRecord = record =>
                {
                    skipped++;
                    var line = record.LineNumber > 0 ? record.LineNumber : self?.LineAtByteOffset(record.ByteOffset) ?? 0;
                    var expected = record.Reason == CsvMalformedReason.FieldCountMismatch
                        ? $"{expectedHeader?.Length ?? 0} comma-separated fields"
                        : "RFC 4180 quoting";
                    BadRowLog.SkipOrThrow(badRows, new InputException(Path.GetFileName(path), line, 0, null, expected, $"a malformed record ({record.Reason})"));
                },
            };
        }

        CsvReader reader;
        try
        {
            reader = CsvReader.FromFile(path, options);
        }
        catch (IOException e)
        {
            throw new InputException(Path.GetFileName(path), 0, 0, null, "a readable file", e.Message);
        }

        var strict = new StrictCsvReader(reader, path, [], trackLineNumbers);
        self = strict;
        string[] header;
        try
        {
            header = reader.Headers.ToArray();
        }
        catch (CsvFormatException e)
        {
            reader.Dispose();
            throw strict.FromFormatException(e);
        }

        if (header.Length == 0 || (header.Length == 1 && header[0].Length == 0))
        {
            reader.Dispose();
            var what = expectedHeader is null ? "a header row" : $"the header row {string.Join(',', expectedHeader)}";
            throw new InputException(strict.FileName, 1, 0, null, what, "an empty file");
        }

        if (expectedHeader is not null)
        {
            CheckHeader(strict.FileName, expectedHeader, header, reader);
        }

        var opened = new StrictCsvReader(reader, path, expectedHeader ?? header, trackLineNumbers) { skippedRecords = () => skipped };
        self = opened;
        return opened;
    }

    /// <summary>The reader options that reject bad input rather than recover from it (a header row expected).</summary>
    internal static CsvReaderOptions StrictOptions(bool trackLineNumbers) => CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = true,
        TrackLineNumbers = trackLineNumbers,
        SkipEmptyLines = false,
        MalformedData = CsvMalformedDataHandling.Throw,
        FieldCountMismatch = CsvFieldCountHandling.Throw,
        MissingField = CsvMissingFieldHandling.Throw,
        IncludeValuesInExceptions = false,
    };

    private static void CheckHeader(string fileName, string[] expected, string[] found, CsvReader reader)
    {
        for (var i = 0; i < Math.Max(expected.Length, found.Length); i++)
        {
            var want = i < expected.Length ? expected[i] : null;
            var got = i < found.Length ? found[i] : null;
            if (string.Equals(want, got, StringComparison.Ordinal))
            {
                continue;
            }

            reader.Dispose();
            var expectedText = want is null
                ? $"{expected.Length} columns ({string.Join(',', expected)})"
                : $"column '{want}' (header {string.Join(',', expected)})";
            var foundText = got is null ? $"{found.Length} columns" : Quote(Encoding.UTF8.GetBytes(got));
            throw new InputException(fileName, 1, i + 1, want, expectedText, foundText);
        }
    }

    /// <summary>Advances to the next data record; malformed CSV and wrong field counts are <see cref="InputException"/>s.</summary>
    public bool Read()
    {
        try
        {
            return reader.Read();
        }
        catch (CsvFormatException e)
        {
            throw FromFormatException(e);
        }
    }

    /// <summary>The 1-based line of the file where the current record starts.</summary>
    public long Line => trackLineNumbers ? reader.LineNumber : LineAtByteOffset(reader.ByteOffset);

    /// <summary>The raw UTF-8 bytes of field <paramref name="index"/> (quotes removed).</summary>
    public ReadOnlySpan<byte> Span(int index) => reader.GetSpan(index);

    /// <summary>Reads a required integer in <c>[min, max]</c>.</summary>
    public int Int(int index, int min = 0, int max = int.MaxValue)
    {
        var span = reader.GetSpan(index);
        if (TryParseInt(span, out var value) && value >= min && value <= max)
        {
            return value;
        }

        throw Error(index, max == int.MaxValue ? $"an integer ≥ {min}" : $"an integer from {min} to {max}", Quote(span));
    }

    /// <summary>Reads an optional non-negative decimal (empty means missing, returned as NaN).</summary>
    public double OptionalDecimal(int index, double max = double.MaxValue)
    {
        var span = reader.GetSpan(index);
        if (span.IsEmpty)
        {
            return double.NaN;
        }

        if (Utf8Parser.TryParse(span, out double value, out var consumed) && consumed == span.Length
            && double.IsFinite(value) && value >= 0 && value <= max && IsPlainDecimal(span))
        {
            return value;
        }

        var range = max == double.MaxValue ? "a non-negative decimal number" : $"a decimal number from 0 to {max}";
        throw Error(index, $"{range} or nothing", Quote(span));
    }

    /// <summary>Reads a text field: valid UTF-8 with no control character but tab.</summary>
    /// <param name="index">The field.</param>
    /// <param name="personal">When true a bad value is never echoed (SPEC §2: say "invalid text").</param>
    public string Text(int index, bool personal = false)
    {
        var span = reader.GetSpan(index);
        ValidateText(index, span, personal);
        return Encoding.UTF8.GetString(span);
    }

    /// <summary>Validates a text field that is then dropped (personal data), without keeping it.</summary>
    public void ValidatePersonalText(int index) => ValidateText(index, reader.GetSpan(index), personal: true);

    /// <summary>An error about field <paramref name="index"/> of the current record.</summary>
    public InputException Error(int index, string expected, string found) =>
        new(FileName, Line, index + 1, index < Columns.Length ? Columns[index] : null, expected, found);

    /// <summary>An error about the current record as a whole.</summary>
    public InputException RecordError(string expected, string found) => new(FileName, Line, 0, null, expected, found);

    /// <summary>The current value of field <paramref name="index"/>, quoted and shortened for a message.</summary>
    public string Found(int index) => Quote(reader.GetSpan(index));

    private void ValidateText(int index, ReadOnlySpan<byte> span, bool personal)
    {
        if (!Utf8.IsValid(span))
        {
            throw Error(index, "UTF-8 text", personal ? "invalid text" : "bytes that are not UTF-8");
        }

        foreach (var b in span)
        {
            if ((b < 0x20 && b != (byte)'\t') || b == 0x7F)
            {
                throw Error(index, "text without control characters", personal ? "invalid text" : $"the control character 0x{b:X2}");
            }
        }
    }

    private static bool IsPlainDecimal(ReadOnlySpan<byte> span)
    {
        // Utf8Parser accepts exponents and signs; the files hold plain decimals like 15.0.
        foreach (var b in span)
        {
            if (b is not ((>= (byte)'0' and <= (byte)'9') or (byte)'.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Parses a plain non-negative decimal integer (digits only: no sign, space, or separator).</summary>
    internal static bool TryParseInt(ReadOnlySpan<byte> span, out int value)
    {
        value = 0;
        if (span.IsEmpty || span.Length > 10)
        {
            return false;
        }

        long acc = 0;
        foreach (var b in span)
        {
            var digit = b - (byte)'0';
            if ((uint)digit > 9)
            {
                return false;
            }

            acc = (acc * 10) + digit;
        }

        if (acc > int.MaxValue)
        {
            return false;
        }

        value = (int)acc;
        return true;
    }

    /// <summary>A value as it may appear in a one-line message: quoted, at most 40 characters, invisible bytes spelled out.</summary>
    internal static string Quote(ReadOnlySpan<byte> span)
    {
        if (span.IsEmpty)
        {
            return "nothing (an empty field)";
        }

        var text = Utf8.IsValid(span) ? Encoding.UTF8.GetString(span) : Encoding.Latin1.GetString(span);
        var shown = new StringBuilder("'");
        var count = 0;
        foreach (var c in text)
        {
            if (++count > MaxShownFound)
            {
                shown.Append('…');
                break;
            }

            shown.Append(char.IsControl(c) || c == '\uFFFD' ? $"\\x{(int)c:X2}" : c.ToString());
        }

        return shown.Append('\'').ToString();
    }

    private InputException FromFormatException(CsvFormatException e)
    {
        var line = e.LineNumber > 0 ? e.LineNumber : LineAtByteOffset(e.ByteOffset);
        var message = e.Message;
        if (message.Contains("fields but", StringComparison.Ordinal))
        {
            var found = message[(message.IndexOf("has ", StringComparison.Ordinal) + 4)..message.IndexOf(" fields", StringComparison.Ordinal)];
            return new InputException(FileName, line, 0, null, $"{Columns.Length} comma-separated fields", $"{found} fields");
        }

        if (message.Contains("never closed", StringComparison.Ordinal))
        {
            return new InputException(FileName, line, 0, null, "a closing quote", "a quoted field that is never closed");
        }

        if (message.Contains("quote", StringComparison.Ordinal))
        {
            return new InputException(FileName, line, 0, null, "RFC 4180 quoting", "a stray quote");
        }

        return new InputException(FileName, line, 0, null, "a well-formed CSV record", "a record CsvHelper rejects");
    }

    internal long LineAtByteOffset(long byteOffset)
    {
        // Only on the error path: count the line breaks before the record's first byte.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var buffer = new byte[1 << 16];
        long line = 1, position = 0;
        while (position < byteOffset)
        {
            var read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, byteOffset - position));
            if (read == 0)
            {
                break;
            }

            line += buffer.AsSpan(0, read).Count((byte)'\n');
            position += read;
        }

        return line;
    }

    /// <inheritdoc />
    public void Dispose() => reader.Dispose();
}
