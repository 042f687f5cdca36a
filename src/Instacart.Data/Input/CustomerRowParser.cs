using System.Globalization;
using System.Text;

namespace Instacart.Data.Input;

/// <summary>
/// The fast reader of <c>customers.csv</c> rows in their plain form: ten unquoted fields, the numbers plain
/// (<see cref="PlainFields"/>) and in the strict reader's ranges, every text valid UTF-8 without control characters,
/// the join date <c>M/d/yyyy</c>. The names are checked and dropped as the strict reader does; the few-valued texts
/// and dates come from <see cref="Utf8TextPool"/>s. Anything else stops it, and the strict reader reads the file,
/// so no error of this reader ever exists to quote a value.
/// </summary>
/// <remarks>Written here for the reason <see cref="LineRowParser"/> is: the general tokenizer is most of the cost.</remarks>
internal struct CustomerRowParser : IPlainRowParser
{
    private const int Fields = 10;

    /// <summary>The <c>user_id</c> column.</summary>
    public int[] UserId;

    /// <summary>The <c>Gender</c> column.</summary>
    public string[] Gender;

    /// <summary>The <c>STATE</c> column.</summary>
    public string[] State;

    /// <summary>The <c>Age</c> column.</summary>
    public int[] Age;

    /// <summary>The <c>date_joined</c> column, as written.</summary>
    public string[] DateJoined;

    /// <summary>The <c>n_dependants</c> column.</summary>
    public int[] Dependants;

    /// <summary>The <c>fam_status</c> column.</summary>
    public string[] FamilyStatus;

    /// <summary>The <c>income</c> column.</summary>
    public int[] Income;

    /// <summary>One string per distinct text value (checked as text).</summary>
    public Utf8TextPool Texts;

    /// <summary>One string per distinct join date (checked as a date: a text seen elsewhere is no date).</summary>
    public Utf8TextPool Dates;

    /// <summary>Where the next row goes.</summary>
    public int Row;

    /// <inheritdoc/>
    public PlainRows Read(byte[] buffer, int length)
    {
        Span<int> starts = stackalloc int[Fields + 1];
        var at = 0;
        while (at < length)
        {
            var end = at + buffer.AsSpan(at, length - at).IndexOf((byte)'\n');
            var line = end > at && buffer[end - 1] == (byte)'\r' ? end - 1 : end;
            if (Row >= UserId.Length || !Split(buffer.AsSpan(at, line - at), at, starts))
            {
                return PlainRows.NotPlain;
            }

            if (!Number(buffer, starts, 0, int.MaxValue, out var id)
                || !StrictCsvReader.IsText(Field(buffer, starts, 1))
                || !StrictCsvReader.IsText(Field(buffer, starts, 2))
                || !Text(buffer, starts, 3, out var gender)
                || !Text(buffer, starts, 4, out var state)
                || !Number(buffer, starts, 5, 150, out var age)
                || !Date(buffer, starts, 6, out var joined)
                || !Number(buffer, starts, 7, 100, out var dependants)
                || !Text(buffer, starts, 8, out var family)
                || !Number(buffer, starts, 9, int.MaxValue, out var income))
            {
                return PlainRows.NotPlain;
            }

            var row = Row;
            UserId[row] = id;
            Gender[row] = gender;
            State[row] = state;
            Age[row] = age;
            DateJoined[row] = joined;
            Dependants[row] = dependants;
            FamilyStatus[row] = family;
            Income[row] = income;
            Row = row + 1;
            at = end + 1;
        }

        return PlainRows.Done;
    }

    /// <summary>The fields' starts (and one past the last's end) of a line at <paramref name="offset"/>: exactly ten, no quote anywhere.</summary>
    private static bool Split(ReadOnlySpan<byte> line, int offset, Span<int> starts)
    {
        if (line.Contains((byte)'"'))
        {
            return false;
        }

        var field = 0;
        starts[0] = offset;
        for (var i = line.IndexOf((byte)','); i >= 0; i = line.IndexOf((byte)','))
        {
            if (++field == Fields)
            {
                return false;
            }

            starts[field] = starts[field - 1] + i + 1;
            line = line[(i + 1)..];
        }

        starts[Fields] = starts[field] + line.Length + 1;
        return field == Fields - 1;
    }

    private static ReadOnlySpan<byte> Field(byte[] buffer, ReadOnlySpan<int> starts, int index) =>
        buffer.AsSpan(starts[index], starts[index + 1] - starts[index] - 1);

    /// <summary>A plain number filling the whole field, at most <paramref name="max"/>.</summary>
    private static bool Number(byte[] buffer, ReadOnlySpan<int> starts, int index, int max, out int value)
    {
        var at = starts[index];
        return PlainFields.Number(buffer, ref at, out value) && at == starts[index + 1] - 1 && value <= max;
    }

    private readonly bool Text(byte[] buffer, ReadOnlySpan<int> starts, int index, out string text)
    {
        var field = Field(buffer, starts, index);
        if (Texts.TryGet(field, out text))
        {
            return true;
        }

        if (!StrictCsvReader.IsText(field))
        {
            return false;
        }

        text = Texts.Add(field, Encoding.UTF8.GetString(field));
        return true;
    }

    private readonly bool Date(byte[] buffer, ReadOnlySpan<int> starts, int index, out string text)
    {
        var field = Field(buffer, starts, index);
        if (Dates.TryGet(field, out text))
        {
            return true;
        }

        var value = Encoding.UTF8.GetString(field);
        if (!DateOnly.TryParseExact(value, "M/d/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return false;
        }

        text = Dates.Add(field, value);
        return true;
    }
}
