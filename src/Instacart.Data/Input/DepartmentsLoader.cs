namespace Instacart.Data.Input;

/// <summary>
/// Reads <c>departments.csv</c> in either layout: long (<c>department_id,department</c>, a row per department)
/// or the course's wide one (row 1 <c>department_id,1,2,…</c>, row 2 <c>department,frozen,other,…</c>).
/// </summary>
internal static class DepartmentsLoader
{
    /// <summary>Reads the file; an unknown layout, a repeated id or a bad value is an <see cref="InputException"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="badRows">Where skipped rows of the long layout are logged; the wide layout has no rows to skip.</param>
    public static NamedIds Load(string path, BadRowLog? badRows = null)
    {
        using var csv = StrictCsvReader.Open(path, expectedHeader: null, trackLineNumbers: true, badRows);
        var header = csv.Columns;
        if (header.Length == 2 && header[0] == "department_id" && header[1] == "department")
        {
            return NamedIdsLoader.ReadLong(csv, badRows);
        }

        if (header.Length >= 2 && header[0] == "department_id")
        {
            return ReadWide(csv, header);
        }

        throw new InputException(csv.FileName, 1, 1, null, "the header department_id,department or the wide layout department_id,1,2,…", $"'{string.Join(',', header)}'");
    }

    private static NamedIds ReadWide(StrictCsvReader csv, string[] header)
    {
        var ids = new int[header.Length - 1];
        for (var i = 1; i < header.Length; i++)
        {
            if (!StrictCsvReader.TryParseInt(System.Text.Encoding.UTF8.GetBytes(header[i]), out ids[i - 1]))
            {
                throw new InputException(csv.FileName, 1, i + 1, null, "a department id (an integer ≥ 0)", $"'{header[i]}'");
            }
        }

        if (!csv.Read())
        {
            throw new InputException(csv.FileName, 2, 0, null, "a second row department,<name>,<name>,…", "the end of the file");
        }

        if (!csv.Span(0).SequenceEqual("department"u8))
        {
            throw csv.Error(0, "'department'", csv.Found(0));
        }

        var rows = new List<(int, string)>();
        var seen = new HashSet<int>();
        for (var i = 1; i < header.Length; i++)
        {
            if (!seen.Add(ids[i - 1]))
            {
                throw new InputException(csv.FileName, 1, i + 1, null, "a department id not seen before", $"'{ids[i - 1]}' again");
            }

            rows.Add((ids[i - 1], csv.Text(i)));
        }

        if (csv.Read())
        {
            throw csv.RecordError("two rows in the wide layout", "a third row");
        }

        return new NamedIds(csv.FileName, rows);
    }
}
