namespace Instacart.Data.Input;

/// <summary>Reads the long <c>id,name</c> lookups: <c>aisles.csv</c> and the long layout of <c>departments.csv</c>.</summary>
internal static class NamedIdsLoader
{
    /// <summary>The header of <c>aisles.csv</c>.</summary>
    public static readonly string[] AislesHeader = ["aisle_id", "aisle"];

    /// <summary>Reads <c>aisles.csv</c>; a bad row throws, or is logged and skipped when <paramref name="badRows"/> skips.</summary>
    public static NamedIds LoadAisles(string path, BadRowLog? badRows = null)
    {
        using var csv = StrictCsvReader.Open(path, AislesHeader, trackLineNumbers: true, badRows);
        return ReadLong(csv, badRows);
    }

    internal static NamedIds ReadLong(StrictCsvReader csv, BadRowLog? badRows)
    {
        var rows = new List<(int, string)>();
        var firstLine = new Dictionary<int, long>();
        while (csv.Read())
        {
            int id;
            string name;
            try
            {
                id = csv.Int(0);
                name = csv.Text(1);
                if (string.IsNullOrWhiteSpace(name))
                {
                    throw csv.Error(1, $"a {csv.Columns[1]} name", "nothing (an empty field)");
                }
            }
            catch (InputException error)
            {
                BadRowLog.SkipOrThrow(badRows, error);
                continue;
            }

            // A repeated id is a broken key, not a bad row: it always stops the load.
            if (!firstLine.TryAdd(id, csv.Line))
            {
                throw csv.Error(0, $"a unique {csv.Columns[0]}", $"'{id}', already on line {firstLine[id]}");
            }

            rows.Add((id, name));
        }

        return new NamedIds(csv.FileName, rows);
    }
}
