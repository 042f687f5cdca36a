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
/// Memory is bounded by the valid data, not by garbage: the first bytes are checked to be text
/// (<see cref="TextSniff"/>), and a record (so any field) longer than <see cref="MaxRecordBytes"/> is bad input,
/// so the reader's buffer never grows past about twice that.
/// A file of personal data (<c>customers.csv</c>) is opened with <c>personalData</c>: then no error of the reader,
/// nor any it makes for its caller, quotes a value of the file, whatever the value and whatever went wrong.
/// </remarks>
internal sealed class StrictCsvReader : IDisposable
{
    /// <summary>The longest record (and so field) read, in bytes; a longer one is bad input, not a buffer to grow.</summary>
    internal const int MaxRecordBytes = 1 << 20;

    /// <summary>What is said instead of a value of a file of personal data.</summary>
    internal const string NotShown = "a value not shown (personal data)";

    private const int MaxShownFound = 40;

    private readonly CsvReader reader;
    private readonly string path;
    private readonly bool trackLineNumbers;
    private readonly bool personalData;
    private readonly LineLocator locator;

    private StrictCsvReader(CsvReader reader, string path, string[] columns, bool trackLineNumbers, bool personalData, LineLocator locator)
    {
        this.reader = reader;
        this.path = path;
        this.trackLineNumbers = trackLineNumbers;
        this.personalData = personalData;
        this.locator = locator;
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
    /// <param name="personalData">A file of personal data: no error quotes any of its values, header cells included.</param>
    public static StrictCsvReader Open(string path, string[]? expectedHeader, bool trackLineNumbers, BadRowLog? badRows = null, bool personalData = false)
    {
        TextSniff.Check(path);
        var options = StrictOptions(trackLineNumbers);
        var fileName = Path.GetFileName(path);
        var locator = new LineLocator(path);
        var skipped = 0;
        var fields = expectedHeader?.Length ?? 0;
        if (badRows is { Skips: true })
        {
            options = options with
            {
                MalformedData = CsvMalformedDataHandling.Skip,
                FieldCountMismatch = CsvFieldCountHandling.Skip,
                OnMalformedRecord = record =>
                {
                    skipped++;
                    var (line, start) = record.LineNumber > 0 && record.RawRecord.Length > 0 ? (record.LineNumber, -1) : locator.Locate(record.ByteOffset);
                    var expected = record.Reason == CsvMalformedReason.FieldCountMismatch
                        ? $"{fields} comma-separated fields"
                        : "RFC 4180 quoting";
                    var found = $"a malformed record ({record.Reason})";
                    if (record.RawRecord.Length == 0 && RejectedRecord.LineFault(path, start, out var stray) is { } fault)
                    {
                        // A stray carriage return is about the file's line breaks, not one row: it is never skipped.
                        if (stray)
                        {
                            throw new InputException(fileName, line, 0, null, RejectedRecord.LineEndings, fault);
                        }

                        found = fault;
                    }

                    BadRowLog.SkipOrThrow(badRows, new InputException(fileName, line, 0, null, expected, found));
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

        var strict = new StrictCsvReader(reader, path, [], trackLineNumbers, personalData, locator);
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

        fields = (expectedHeader ?? header).Length;
        if (header.Length == 0 || (header.Length == 1 && header[0].Length == 0))
        {
            reader.Dispose();
            var what = expectedHeader is null ? "a header row" : $"the header row {string.Join(',', expectedHeader)}";
            throw new InputException(strict.FileName, 1, 0, null, what, new FileInfo(path).Length == 0 ? "an empty file" : "a blank first line");
        }

        if (expectedHeader is not null)
        {
            CheckHeader(strict.FileName, expectedHeader, header, reader, personalData);
        }

        return new StrictCsvReader(reader, path, expectedHeader ?? header, trackLineNumbers, personalData, locator) { skippedRecords = () => skipped };
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
        MaxRecordSize = MaxRecordBytes,
    };

    private static void CheckHeader(string fileName, string[] expected, string[] found, CsvReader reader, bool personalData)
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
            // A file of personal data may have lost its header row: its first cell is then a value, a name perhaps.
            var foundText = got is null ? $"{found.Length} columns" : personalData ? "another header cell, not shown (personal data)" : Quote(Encoding.UTF8.GetBytes(got));
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
    public long Line => trackLineNumbers ? reader.LineNumber : locator.Locate(reader.ByteOffset).Line;

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

        throw Error(index, max == int.MaxValue ? $"an integer ≥ {min}" : $"an integer from {min} to {max}", Found(index));
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
        throw Error(index, $"{range} or nothing", Found(index));
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

    /// <summary>
    /// An error about field <paramref name="index"/> of the current record. In a file of personal data
    /// <paramref name="found"/> is not used: the message says only whether the field was empty.
    /// </summary>
    public InputException Error(int index, string expected, string found) =>
        FieldError(index, expected, personalData ? Withheld(index) : found);

    /// <summary>An error about the current record as a whole (in a file of personal data, <paramref name="found"/> is not used).</summary>
    public InputException RecordError(string expected, string found) =>
        new(FileName, Line, 0, null, expected, personalData ? "a record not shown (personal data)" : found);

    /// <summary>The current value of field <paramref name="index"/>, quoted and shortened for a message; in a file of personal data, only whether it is empty.</summary>
    public string Found(int index) => personalData ? Withheld(index) : Quote(reader.GetSpan(index));

    private InputException FieldError(int index, string expected, string found) =>
        new(FileName, Line, index + 1, index < Columns.Length ? Columns[index] : null, expected, found);

    private string Withheld(int index) =>
        index < reader.FieldCount && reader.GetSpan(index).IsEmpty ? "nothing (an empty field)" : NotShown;

    /// <summary>Whether <paramref name="span"/> is a text field <see cref="Text"/> takes: valid UTF-8 with no control character but tab.</summary>
    internal static bool IsText(ReadOnlySpan<byte> span) => Utf8.IsValid(span) && !span.ContainsAny(ControlBytes);

    /// <summary>The bytes a text field may not hold: control characters but tab.</summary>
    private static readonly System.Buffers.SearchValues<byte> ControlBytes = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(b => b != '\t').Select(b => (byte)b), 0x7F]);

    private void ValidateText(int index, ReadOnlySpan<byte> span, bool personal)
    {
        personal |= personalData;
        if (!Utf8.IsValid(span))
        {
            throw FieldError(index, "UTF-8 text", personal ? "invalid text" : "bytes that are not UTF-8");
        }

        foreach (var b in span)
        {
            if ((b < 0x20 && b != (byte)'\t') || b == 0x7F)
            {
                throw FieldError(index, "text without control characters", personal ? "invalid text" : $"the control character 0x{b:X2}");
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
        // CsvHelper counts a lone carriage return as a line break; lines here are counted by LF, as editors and SPEC do.
        var (located, start) = locator.Locate(e.ByteOffset);
        var line = e.LineNumber > 0 ? e.LineNumber : located;
        var message = e.Message;
        if (message.Contains("MaxRecordSize", StringComparison.Ordinal))
        {
            return new InputException(FileName, located, 0, null, "a record of at most 1 MiB", RejectedRecord.TooLong(path, e.ByteOffset));
        }

        if (message.Contains("fields but", StringComparison.Ordinal))
        {
            if (RejectedRecord.LineFault(path, start, out var stray) is { } fault)
            {
                return new InputException(FileName, located, 0, null, stray ? RejectedRecord.LineEndings : $"{Columns.Length} comma-separated fields", fault);
            }

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

    /// <inheritdoc />
    public void Dispose() => reader.Dispose();
}
