using System.Diagnostics;
using System.Globalization;
using System.Text;
using DuckDB.NET.Data;

namespace Instacart.Benchmarks;

/// <summary>
/// The peer baseline: DuckDB reads the same CSV files with explicit types, applies SPEC §2–§4 and answers the
/// eleven questions of SPEC §5 in SQL (<c>duckdb-questions.sql</c>), in an in-memory database, all cores.
/// </summary>
internal static class DuckDbPeer
{
    /// <summary>Called after each step, for the one-shot runner.</summary>
    public static Action<string>? Progress { get; set; }

    public static IReadOnlyList<(string Step, string Sql)> Steps(string folder)
    {
        using var stream = typeof(DuckDbPeer).Assembly.GetManifestResourceStream("duckdb-questions.sql")!;
        var text = new StreamReader(stream).ReadToEnd().Replace("{DIR}", folder.Replace("'", "''"), StringComparison.Ordinal);
        var steps = new List<(string, string)>();
        foreach (var part in text.Split("-- step: ", StringSplitOptions.None).Skip(1))
        {
            var newline = part.IndexOf('\n', StringComparison.Ordinal);
            steps.Add((part[..newline].Trim(), part[(newline + 1)..].Trim().TrimEnd(';')));
        }

        return steps;
    }

    /// <summary>Runs every step; returns each step's time and a digest of the rows read back.</summary>
    public static List<(string Step, TimeSpan Elapsed, string Rows)> Run(string folder)
    {
        var timings = new List<(string, TimeSpan, string)>();
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        var clock = Stopwatch.StartNew();
        Execute(connection, Departments(Path.Combine(folder, "departments.csv")));
        timings.Add(("load departments", clock.Elapsed, ""));
        foreach (var (step, sql) in Steps(folder))
        {
            clock.Restart();
            var rows = Execute(connection, sql);
            timings.Add((step, clock.Elapsed, rows));
            Progress?.Invoke($"{step}: {clock.Elapsed.TotalSeconds:0.000} s");
        }

        return timings;
    }

    private static string Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var digest = new StringBuilder();
        do
        {
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    digest.Append(i == 0 ? "\n    " : " | ").Append(reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture));
                }
            }
        }
        while (reader.NextResult());
        return digest.ToString();
    }

    /// <summary>The departments table from either layout of <c>departments.csv</c> (21 rows; not worth SQL gymnastics).</summary>
    private static string Departments(string path)
    {
        var rows = File.ReadAllLines(path).Select(l => l.Split(',')).ToList();
        var pairs = rows[0].Length > 2 && rows[0][0] == "department_id"
            ? rows[0].Skip(1).Zip(rows[1].Skip(1))
            : rows.Skip(1).Select(r => (r[0], r[1]));
        var values = string.Join(", ", pairs.Select(p => $"({int.Parse(p.Item1, CultureInfo.InvariantCulture)}, '{p.Item2.Replace("'", "''")}')"));
        return $"CREATE TABLE departments AS SELECT * FROM (VALUES {values}) AS t(department_id, department)";
    }
}
