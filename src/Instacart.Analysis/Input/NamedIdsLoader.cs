namespace Instacart.Analysis.Input;

/// <summary>Reads the long <c>id,name</c> lookups: <c>aisles.csv</c> and the long layout of <c>departments.csv</c>.</summary>
public static class NamedIdsLoader
{
    /// <summary>The header of <c>aisles.csv</c>.</summary>
    public static readonly string[] AislesHeader = ["aisle_id", "aisle"];

    /// <summary>Reads <c>aisles.csv</c>.</summary>
    public static NamedIds LoadAisles(string path)
    {
        using var csv = StrictCsvReader.Open(path, AislesHeader, trackLineNumbers: true);
        return ReadLong(csv);
    }

    internal static NamedIds ReadLong(StrictCsvReader csv)
    {
        var rows = new List<(int, string)>();
        var firstLine = new Dictionary<int, long>();
        while (csv.Read())
        {
            var id = csv.Int(0);
            if (!firstLine.TryAdd(id, csv.Line))
            {
                throw csv.Error(0, $"a unique {csv.Columns[0]}", $"'{id}', already on line {firstLine[id]}");
            }

            var name = csv.Text(1);
            if (string.IsNullOrWhiteSpace(name))
            {
                throw csv.Error(1, $"a {csv.Columns[1]} name", "nothing (an empty field)");
            }

            rows.Add((id, name));
        }

        return new NamedIds(csv.FileName, rows);
    }
}
