using System.Globalization;
using System.Text;

namespace Instacart.Data.Input;

/// <summary>
/// Reads <c>customers.csv</c>. Every field is validated, the personal ones too, but <c>First Name</c> and
/// <c>Surnam</c> are never kept, and no value of the file is ever echoed in an error or a skipped row's example:
/// a row of the wrong shape may hold a name in any column (SPEC §2.4).
/// </summary>
internal static class CustomersLoader
{
    /// <summary>The header, in order, as the course file has it.</summary>
    public static readonly string[] Header =
        ["user_id", "First Name", "Surnam", "Gender", "STATE", "Age", "date_joined", "n_dependants", "fam_status", "income"];

    /// <summary>The shortest row, <c>1,,,,,0,1/1/2000,0,,0</c> and its line break: more line breaks than that allows are not rows.</summary>
    private const int MinRowBytes = 22;

    /// <summary>Reads every row without its personal columns; a repeated <c>user_id</c> is bad input.</summary>
    /// <param name="path">The file.</param>
    /// <param name="badRows">Where skipped rows are logged; null or failing: the first bad row throws.</param>
    public static CustomersTable Load(string path, BadRowLog? badRows = null)
    {
        TextSniff.Check(path);
        return TryLoadPlain(path, badRows?.Skips == true ? new SkippedRows() : null) ?? LoadStrict(path, badRows);
    }

    /// <summary>The table when every row is plain (<see cref="CustomerRowParser"/>), else null; <paramref name="skipped"/> is handed on (none were).</summary>
    internal static CustomersTable? TryLoadPlain(string path, SkippedRows? skipped = null)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.None);
        var length = RandomAccess.GetLength(handle);
        if (LineBreaks.DataRows(handle, length, LineBreaks.Count(handle, length), MinRowBytes) is not { } count)
        {
            return null;
        }

        var parser = new CustomerRowParser
        {
            UserId = new int[count],
            Gender = new string[count],
            State = new string[count],
            Age = new int[count],
            DateJoined = new string[count],
            Dependants = new int[count],
            FamilyStatus = new string[count],
            Income = new int[count],
            Texts = new Utf8TextPool(),
            Dates = new Utf8TextPool(),
        };
        return PlainRowReader.Read(handle, 0, length, Header, ref parser) == PlainRows.Done && parser.Row == count
            ? new CustomersTable(parser.UserId, parser.Gender, parser.State, parser.Age, parser.DateJoined, parser.Dependants, parser.FamilyStatus, parser.Income, skipped)
            : null;
    }

    /// <summary>The plain path: the strict CsvHelper reader, every field through its typed accessor, no value of the file ever quoted.</summary>
    internal static CustomersTable LoadStrict(string path, BadRowLog? badRows = null)
    {
        // Opened as personal data: no error about this file quotes any of its values, names or otherwise (SPEC §2).
        using var csv = StrictCsvReader.Open(path, Header, trackLineNumbers: true, badRows, personalData: true);
        var skipped = new SkippedRows();
        var malformed = 0;
        var capacity = ColumnBuilder<int>.CapacityFor(path, 40);
        var userId = new ColumnBuilder<int>(capacity);
        var gender = new ColumnBuilder<string>(capacity);
        var state = new ColumnBuilder<string>(capacity);
        var age = new ColumnBuilder<int>(capacity);
        var joined = new ColumnBuilder<string>(capacity);
        var dependants = new ColumnBuilder<int>(capacity);
        var family = new ColumnBuilder<string>(capacity);
        var income = new ColumnBuilder<int>(capacity);
        var strings = new Utf8TextPool();
        var dates = new Utf8TextPool();
        while (csv.Read())
        {
            SkippedRows.NoteMalformed(csv, skipped, userId.Count, ref malformed);

            // Every field is parsed before any column grows, so a skipped row leaves the columns aligned.
            int id, years, children, pay;
            string sex, place, since, status;
            try
            {
                id = csv.Int(0);
                csv.ValidatePersonalText(1);
                csv.ValidatePersonalText(2);
                sex = Text(csv, 3, strings);
                place = Text(csv, 4, strings);
                years = csv.Int(5, 0, 150);
                since = dates.TryGet(csv.Span(6), out var date) ? date : dates.Add(csv.Span(6), ReadDate(csv, 6));
                children = csv.Int(7, 0, 100);
                status = Text(csv, 8, strings);
                pay = csv.Int(9);
            }
            catch (InputException error)
            {
                BadRowLog.SkipOrThrow(badRows, error);
                skipped.Add(userId.Count);
                continue;
            }

            userId.Add(id);
            gender.Add(sex);
            state.Add(place);
            age.Add(years);
            joined.Add(since);
            dependants.Add(children);
            family.Add(status);
            income.Add(pay);
        }

        SkippedRows.NoteMalformed(csv, skipped, userId.Count, ref malformed);
        return new CustomersTable(userId.ToArray(), gender.ToArray(), state.ToArray(), age.ToArray(), joined.ToArray(), dependants.ToArray(), family.ToArray(), income.ToArray(), badRows?.Skips == true ? skipped : null);
    }

    private static string ReadDate(StrictCsvReader csv, int index)
    {
        var text = Encoding.UTF8.GetString(csv.Span(index));
        return DateOnly.TryParseExact(text, "M/d/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? text
            : throw csv.Error(index, "a date M/d/yyyy", csv.Found(index));
    }

    /// <summary>
    /// A text field of few distinct values (a few dozen states, genders and statuses): checked and decoded the first
    /// time its bytes are seen, one string each after that, none per row.
    /// </summary>
    private static string Text(StrictCsvReader csv, int index, Utf8TextPool pool) =>
        pool.TryGet(csv.Span(index), out var text) ? text : pool.Add(csv.Span(index), csv.Text(index));
}
