namespace Instacart.Data.Input;

/// <summary>What a load does with a data row that breaks its file's schema.</summary>
public enum BadRowPolicy
{
    /// <summary>Stop with one <see cref="InputException"/> naming file, line and column (the default).</summary>
    Fail,

    /// <summary>
    /// Leave the row out, count it per file and reason, and quote the first few. Only rows that break the schema
    /// (a value that does not parse or is out of range, a malformed record, a wrong number of fields) are
    /// skipped, and with them the order lines of an order that is not there (most often an order row skipped
    /// as bad) and an order line that repeats an earlier line's <c>(order_id, product_id)</c> or
    /// <c>(order_id, add_to_cart_order)</c> (the later line goes, SPEC §3); a broken key of a table the lines
    /// join to (a repeated order or user id, a product of an unknown department) still stops the load, since
    /// dropping one of the rows would change what the joins keep.
    /// </summary>
    Skip,
}

/// <summary>Rows of one file left out for one reason.</summary>
/// <param name="File">The file.</param>
/// <param name="Reason">What the rows broke: the column and what it expects, or the record's fault.</param>
/// <param name="Rows">How many rows.</param>
/// <param name="Examples">The first few, as one-line messages with their line and column.</param>
public sealed record BadRowGroup(string File, string Reason, long Rows, IReadOnlyList<string> Examples);

/// <summary>
/// The rows a load skipped under <see cref="BadRowPolicy.Skip"/>, so that nothing is lost silently. Under
/// <see cref="BadRowPolicy.Fail"/> the first bad row throws instead and the log stays empty. Thread-safe: the
/// two big files are read concurrently.
/// </summary>
public sealed class BadRowLog
{
    private const int ExamplesPerGroup = 3;
    private readonly Lock gate = new();
    private readonly Dictionary<(string File, string Reason), (long Rows, List<string> Examples)> groups = [];

    /// <summary>Creates an empty log for <paramref name="policy"/>.</summary>
    public BadRowLog(BadRowPolicy policy) => Policy = policy;

    /// <summary>The policy the load ran under.</summary>
    public BadRowPolicy Policy { get; }

    /// <summary>Whether bad rows are skipped rather than fatal.</summary>
    public bool Skips => Policy == BadRowPolicy.Skip;

    /// <summary>Rows skipped in all.</summary>
    public long Total
    {
        get
        {
            lock (gate)
            {
                return groups.Values.Sum(g => g.Rows);
            }
        }
    }

    /// <summary>Skipped rows per file and reason, ordered by file then reason.</summary>
    public IReadOnlyList<BadRowGroup> Groups
    {
        get
        {
            lock (gate)
            {
                return groups
                    .OrderBy(g => g.Key.File, StringComparer.Ordinal).ThenBy(g => g.Key.Reason, StringComparer.Ordinal)
                    .Select(g => new BadRowGroup(g.Key.File, g.Key.Reason, g.Value.Rows, g.Value.Examples.ToArray()))
                    .ToList();
            }
        }
    }

    /// <summary>Logs the row <paramref name="error"/> describes when <paramref name="log"/> skips; throws the error otherwise.</summary>
    internal static void SkipOrThrow(BadRowLog? log, InputException error) => SkipOrThrow(log, [error], 1);

    /// <summary>
    /// Logs <paramref name="rows"/> rows of one file and reason when <paramref name="log"/> skips, quoting the first
    /// of <paramref name="first"/> (the errors of the first of those rows, in file order; they give the reason); throws
    /// the first error otherwise. For many rows at once: only the quoted ones need an error made.
    /// </summary>
    internal static void SkipOrThrow(BadRowLog? log, IReadOnlyList<InputException> first, long rows)
    {
        if (log is not { Skips: true })
        {
            throw first[0];
        }

        var error = first[0];
        var reason = error.ColumnName is null ? $"expected {error.Expected}" : $"{error.ColumnName}: expected {error.Expected}";
        lock (log.gate)
        {
            var key = (error.File, reason);
            var group = log.groups.TryGetValue(key, out var existing) ? existing : (0, new List<string>());
            foreach (var example in first)
            {
                if (group.Item2.Count < ExamplesPerGroup)
                {
                    group.Item2.Add(example.Message);
                }
            }

            log.groups[key] = (group.Item1 + rows, group.Item2);
        }
    }

    /// <summary>How many rows of one group are quoted.</summary>
    internal const int Quoted = ExamplesPerGroup;
}

/// <summary>
/// Where the rows a loader skipped were, so that a kept row's file line is still known: without skips, row r
/// of a file whose fields cannot hold a line break is on line r + 2.
/// </summary>
public sealed class SkippedRows
{
    private readonly List<(int KeptBefore, int Lines)> skips = [];

    // Lines skipped up to and including each skip, made on the first LineOf after the last Add (a binary search
    // then finds a row's line, however many rows were skipped).
    private long[]? linesThrough;

    /// <summary>Adds the records the reader skipped as malformed since the last call (they precede the current row).</summary>
    internal static void NoteMalformed(StrictCsvReader csv, SkippedRows skipped, int kept, ref int seen)
    {
        for (; seen < csv.SkippedRecords; seen++)
        {
            skipped.Add(kept);
        }
    }

    /// <summary>
    /// The skips of a table from which the rows whose <paramref name="keep"/> flag is clear are then dropped too
    /// (one line each): a row kept from it is still known by its file line. <paramref name="earlier"/> are the
    /// table's own skips (null: none).
    /// </summary>
    internal static SkippedRows After(SkippedRows? earlier, bool[] keep)
    {
        var result = new SkippedRows();
        var before = earlier?.skips ?? [];
        var next = 0;
        var kept = 0;
        for (var row = 0; row < keep.Length; row++)
        {
            for (; next < before.Count && before[next].KeptBefore <= row; next++)
            {
                result.Add(kept, before[next].Lines);
            }

            if (keep[row])
            {
                kept++;
            }
            else
            {
                result.Add(kept);
            }
        }

        for (; next < before.Count; next++)
        {
            result.Add(kept, before[next].Lines);
        }

        return result;
    }

    /// <summary>Records that a record spanning <paramref name="lines"/> lines was skipped after <paramref name="keptBefore"/> kept rows.</summary>
    internal void Add(int keptBefore, int lines = 1)
    {
        // Skips in a row are one entry: the list grows with the kept rows, not with the garbage between them.
        if (skips.Count > 0 && skips[^1].KeptBefore == keptBefore)
        {
            skips[^1] = (keptBefore, skips[^1].Lines + lines);
            linesThrough = null;
            return;
        }

        skips.Add((keptBefore, lines));
        linesThrough = null;
    }

    /// <summary>The file line of kept row <paramref name="row"/>.</summary>
    public long LineOf(int row)
    {
        var through = linesThrough ??= LinesThrough();

        // The skips before the row are those made after at most row kept rows (skips are added in file order).
        int low = 0, high = skips.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (skips[middle].KeptBefore <= row)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return row + 2L + (low == 0 ? 0 : through[low - 1]);
    }

    private long[] LinesThrough()
    {
        var through = new long[skips.Count];
        long lines = 0;
        for (var k = 0; k < skips.Count; k++)
        {
            lines += skips[k].Lines;
            through[k] = lines;
        }

        return through;
    }
}
