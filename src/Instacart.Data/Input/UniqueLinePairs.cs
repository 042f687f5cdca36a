using Instacart.Data.Lines;

namespace Instacart.Data.Input;

/// <summary>
/// SPEC §3: in an order-lines file <c>(order_id, product_id)</c> and <c>(order_id, add_to_cart_order)</c> are
/// unique. A line that repeats either pair of an earlier line is bad input (a file appended to itself would
/// otherwise answer with every count doubled): under <see cref="BadRowPolicy.Fail"/> the first repeat in file
/// order stops the load, naming its line and the line it repeats; under <see cref="BadRowPolicy.Skip"/> each
/// repeat is left out and logged under its own reason, once even when it repeats both pairs.
/// </summary>
/// <remarks>
/// <para>A repeat is judged against the lines kept before it: the first line of a pair stays, every later one goes
/// (a line dropped as a repeat is no one's first). A line repeating both pairs is logged as a repeated product.</para>
/// <para>Reconciliation: a repeat left out under skip is a bad row like a value that does not parse. It never
/// reaches the table, so it is in no count of SPEC §3 (not <c>order_lines_rows</c>, not <c>lines_joined_orders</c>,
/// not <c>lines_merged</c>), the identity still holds exactly, and the bad-row log counts it once; the answers are
/// those of the file without it.</para>
/// <para>Cost: files that keep each order's lines together are cut into runs of one order and each run (about ten
/// lines) is checked on its own in one pass, in ranges on every core: a product is marked with its run's number in a
/// table by product id, and cart positions are compared with 1, 2, 3, ...; only a run that fails this is searched
/// for its repeats. When the lines are not together (runs of a line or two: a shuffled export), or some order's lines
/// come in more than one run (seen in a bitmap by order id, or by sorting the runs' ids when the ids are too large
/// for one), the lines are grouped by order with a counting sort (<see cref="RowGroups"/>) and each order checked
/// whole the same way, on every core, its cart positions marked like its products. No table keyed by every line and
/// no hash map of orders is built.</para>
/// </remarks>
internal static partial class UniqueLinePairs
{
    /// <summary>An order's lines up to this many are searched for repeats pair by pair; more through dictionaries.</summary>
    private const int PairwiseRun = 24;

    /// <summary>
    /// <paramref name="lines"/> when no line repeats a pair; otherwise the <see cref="InputException"/> of the first
    /// repeat, or, when <paramref name="badRows"/> skips, the lines without the repeats, each one counted in the log.
    /// </summary>
    public static OrderLinesTable Check(OrderLinesTable lines, BadRowLog? badRows, Parallelism parallelism)
    {
        var skips = badRows is { Skips: true };
        var repeats = Find(lines.OrderId, lines.ProductId, lines.Cart, lines.Reordered, all: skips, parallelism, out var byOrder);
        if (repeats.Count == 0)
        {
            // Lines the check grouped by order are merged in that grouping, not grouped again.
            if (byOrder is not null)
            {
                lines.KeepByOrder(byOrder);
            }

            return lines;
        }

        if (!skips)
        {
            throw Error(lines, repeats[0]);
        }

        var keep = new bool[lines.Count];
        Array.Fill(keep, true);
        foreach (var repeat in repeats)
        {
            keep[repeat.Row] = false;
        }

        // One log entry per pair, quoting the first few in file order (a doubled file has millions of repeats).
        foreach (var product in new[] { true, false })
        {
            var quoted = new List<InputException>();
            long rows = 0;
            foreach (var repeat in repeats)
            {
                if (repeat.Product == product && rows++ < BadRowLog.Quoted)
                {
                    quoted.Add(Error(lines, repeat));
                }
            }

            if (rows > 0)
            {
                BadRowLog.SkipOrThrow(badRows, quoted, rows);
            }
        }

        return lines.Where(keep, lines.Count - repeats.Count);
    }

    /// <summary>
    /// The lines that repeat a pair of an earlier kept line, in file order: all of them, or with
    /// <paramref name="all"/> false only the first (what a failing load reports).
    /// </summary>
    internal static List<Repeat> Find(int[] orderId, int[] productId, int[] cartOrder, bool all) => Find(orderId, productId, cartOrder, all, Parallelism.Default);

    /// <summary>As <see cref="Find(int[], int[], int[], bool)"/>, on up to <paramref name="parallelism"/>'s threads and its ranges.</summary>
    internal static List<Repeat> Find(int[] orderId, int[] productId, int[] cartOrder, bool all, Parallelism parallelism) =>
        Find(orderId, productId, new CartOrderColumn(cartOrder), reordered: null, all, parallelism, out _);

    /// <summary>
    /// As <see cref="Find(int[], int[], int[], bool, Parallelism)"/>; when no line repeats a pair and the lines had to
    /// be grouped by order, <paramref name="byOrder"/> is that grouping with each line's
    /// <see cref="GroupedLineValue"/> as its rows (given <paramref name="reordered"/>, and when the values fit), else null.
    /// </summary>
    private static List<Repeat> Find(int[] orderId, int[] productId, CartOrderColumn cartOrder, byte[]? reordered, bool all, Parallelism parallelism, out RowGroups? byOrder)
    {
        byOrder = null;
        // Lines not kept together by order (a shuffled export: runs of about one line) are grouped by order first.
        var ranges = RunAlignedRanges(orderId, parallelism);
        if (!MostlyInRuns(orderId, ranges, parallelism))
        {
            return FindInGroups(orderId, productId, cartOrder, reordered, all, parallelism, out byOrder);
        }

        // One pass over the ranges: each range's runs and the repeats inside its runs (in a range, only the first
        // when that is all that is wanted).
        var scans = parallelism.ForRanges(ranges, () => new RunCheck(orderId, productId, cartOrder), (check, start, end) => check.Scan(start, end, all))
            .SelectMany(check => check.Scans).OrderBy(scan => scan.Start).ToList();

        // An order whose lines come in more than one run is not checked whole by the runs: then every order is
        // checked whole, its lines grouped by order.
        if (AnySplitOrder(scans.Select(scan => scan.RunOrders)))
        {
            return FindInGroups(orderId, productId, cartOrder, reordered, all, parallelism, out byOrder);
        }

        var repeats = scans.SelectMany(scan => scan.Repeats).ToList();
        return all || repeats.Count <= 1 ? repeats : [repeats[0]];
    }

    /// <summary>The error (or, under skip, the log entry) for one repeat, with file lines for both lines.</summary>
    private static InputException Error(OrderLinesTable lines, Repeat repeat)
    {
        var order = lines.OrderId[repeat.Row];
        var line = lines.LineOf(repeat.Row);
        var first = lines.LineOf(repeat.First);
        return repeat.Product
            ? new InputException(lines.FileName, line, 2, "product_id", "a unique (order_id, product_id)", $"order_id {order} with product_id {lines.ProductId[repeat.Row]}, already on line {first}")
            : new InputException(lines.FileName, line, 3, "add_to_cart_order", "a unique (order_id, add_to_cart_order)", $"order_id {order} with add_to_cart_order {lines.AddToCartOrder[repeat.Row]}, already on line {first}");
    }

    /// <summary>The lines cut into ranges for the cores, each range starting where an order's run starts.</summary>
    private static (int Start, int End)[] RunAlignedRanges(int[] orderId, Parallelism parallelism)
    {
        var ranges = parallelism.Ranges(orderId.Length);
        var starts = new int[ranges.Length + 1];
        for (var r = 1; r < ranges.Length; r++)
        {
            var start = Math.Max(ranges[r].Start, starts[r - 1]);
            while (start > 0 && start < orderId.Length && orderId[start] == orderId[start - 1])
            {
                start++;
            }

            starts[r] = start;
        }

        starts[^1] = orderId.Length;
        return [.. Enumerable.Range(0, ranges.Length).Select(r => (starts[r], starts[r + 1]))];
    }

    private static int[] Rows(int start, int end)
    {
        var rows = new int[end - start];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = start + i;
        }

        return rows;
    }

    /// <summary>
    /// The repeats among one order's lines <paramref name="rows"/> (in file order), each judged against the lines
    /// of the order kept before it. Only orders whose quick look found a possible repeat come here.
    /// </summary>
    private static void FindInOrder(ReadOnlySpan<int> rows, int[] productId, int[] cartOrder, List<Repeat> into)
    {
        if (rows.Length > PairwiseRun)
        {
            var products = new Dictionary<int, int>(rows.Length);
            var carts = new Dictionary<int, int>(rows.Length);
            foreach (var row in rows)
            {
                if (products.TryGetValue(productId[row], out var first))
                {
                    into.Add(new Repeat(row, first, Product: true));
                }
                else if (carts.TryGetValue(cartOrder[row], out first))
                {
                    into.Add(new Repeat(row, first, Product: false));
                }
                else
                {
                    products.Add(productId[row], row);
                    carts.Add(cartOrder[row], row);
                }
            }

            return;
        }

        Span<int> kept = stackalloc int[PairwiseRun];
        var count = 0;
        foreach (var row in rows)
        {
            var repeat = FirstWith(productId, kept[..count], productId[row]) is var product and >= 0
                ? new Repeat(row, product, Product: true)
                : FirstWith(cartOrder, kept[..count], cartOrder[row]) is var cart and >= 0 ? new Repeat(row, cart, Product: false) : (Repeat?)null;
            if (repeat is { } found)
            {
                into.Add(found);
            }
            else
            {
                kept[count++] = row;
            }
        }
    }

    /// <summary>The first of <paramref name="rows"/> whose value in <paramref name="column"/> is <paramref name="value"/>, or -1.</summary>
    private static int FirstWith(int[] column, ReadOnlySpan<int> rows, int value)
    {
        foreach (var row in rows)
        {
            if (column[row] == value)
            {
                return row;
            }
        }

        return -1;
    }

    /// <summary>A line that repeats a pair of an earlier kept line.</summary>
    /// <param name="Row">The repeating line's row.</param>
    /// <param name="First">The row of the kept line with the same pair.</param>
    /// <param name="Product">Whether the repeated pair is <c>(order_id, product_id)</c> (else <c>(order_id, add_to_cart_order)</c>).</param>
    internal readonly record struct Repeat(int Row, int First, bool Product);
}
