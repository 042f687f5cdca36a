using Instacart.Analysis.Model;

namespace Instacart.Analysis.Input;

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
/// <para>Cost: real files keep each order's lines together, so the lines are cut into runs of one order and each run
/// (about ten lines) is checked on its own in one pass, in ranges on every core: a product is marked with its run's
/// number in a table by product id, and cart positions are compared with 1, 2, 3, ...; only a run that fails this
/// is searched for its repeats. An order whose lines come in more than one run (seen in a bitmap by order id, or by
/// sorting the runs' ids when the ids are too large for one) is checked again as a whole, its lines gathered order
/// by order with a counting sort. No table keyed by every line is built.</para>
/// </remarks>
internal static class UniqueLinePairs
{
    /// <summary>An order's lines up to this many are searched for repeats pair by pair; more through dictionaries.</summary>
    private const int PairwiseRun = 24;

    /// <summary>
    /// <paramref name="lines"/> when no line repeats a pair; otherwise the <see cref="InputException"/> of the first
    /// repeat, or, when <paramref name="badRows"/> skips, the lines without the repeats, each one logged.
    /// </summary>
    public static OrderLinesTable Check(OrderLinesTable lines, BadRowLog? badRows)
    {
        var skips = badRows is { Skips: true };
        var repeats = Find(lines.OrderId, lines.ProductId, lines.AddToCartOrder, all: skips);
        if (repeats.Count == 0)
        {
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
    internal static List<Repeat> Find(int[] orderId, int[] productId, int[] cartOrder, bool all)
    {
        // One pass over the ranges: each range's runs and the repeats inside its runs (in a range, only the first
        // when that is all that is wanted).
        var ranges = RunAlignedRanges(orderId);
        var scans = Parallelism.ForRanges(ranges, () => new RunCheck(orderId, productId, cartOrder), (check, start, end) => check.Scan(start, end, all, split: null))
            .SelectMany(check => check.Scans).OrderBy(scan => scan.Start).ToList();
        var split = SplitOrders(scans.Select(scan => scan.RunOrders));
        if (split is null)
        {
            var repeats = scans.SelectMany(scan => scan.Repeats).ToList();
            return all || repeats.Count <= 1 ? repeats : [repeats[0]];
        }

        // An order whose lines come in more than one run is checked whole instead of run by run. A range whose
        // first repeat was of such an order, when only its first was kept, is looked through again without them.
        var result = new List<Repeat>();
        var again = new RunCheck(orderId, productId, cartOrder);
        foreach (var scan in scans)
        {
            var kept = scan.Repeats.Where(repeat => !split.ContainsKey(orderId[repeat.Row])).ToList();
            result.AddRange(all || kept.Count > 0 || scan.Repeats.Count == 0 ? kept : again.Scan(scan.Start, scan.End, all, split).Repeats);
        }

        result.AddRange(FindInSplitOrders(orderId, productId, cartOrder, split, all));
        var sorted = result.ToArray();
        Array.Sort(sorted.Select(repeat => repeat.Row).ToArray(), sorted);
        return all || sorted.Length <= 1 ? [.. sorted] : [sorted[0]];
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
    private static (int Start, int End)[] RunAlignedRanges(int[] orderId)
    {
        var ranges = Parallelism.Ranges(orderId.Length);
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

    /// <summary>The end of the run of one order that starts at <paramref name="start"/>, at most <paramref name="end"/>.</summary>
    private static int RunEnd(int[] orderId, int start, int end)
    {
        var order = orderId[start];
        var runEnd = start + 1;
        while (runEnd < end && orderId[runEnd] == order)
        {
            runEnd++;
        }

        return runEnd;
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
    /// of the order kept before it. Only runs with a repeat and split orders come here.
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

    /// <summary>
    /// The orders whose lines come in more than one run (<paramref name="runOrders"/>: each range's runs' order
    /// ids), each with a dense index from 0, or null when every order's lines are together.
    /// </summary>
    private static Dictionary<int, int>? SplitOrders(IEnumerable<int[]> runOrders)
    {
        var max = -1;
        long runs = 0;
        foreach (var orders in runOrders)
        {
            runs += orders.Length;
            foreach (var order in orders)
            {
                max = Math.Max(max, order);
            }
        }

        Dictionary<int, int>? split = null;
        void Split(int order)
        {
            split ??= [];
            split.TryAdd(order, split.Count);
        }

        // Ids are usually dense and small (real: 3.4M orders, ids up to 3.4M): one bit per id, while the bitmap is no
        // bigger than the runs' ids themselves; larger ids are sorted instead.
        if (max < Math.Max(1L << 20, runs * 32))
        {
            var seen = new ulong[(max >> 6) + 1];
            foreach (var orders in runOrders)
            {
                foreach (var order in orders)
                {
                    ref var word = ref seen[order >> 6];
                    var bit = 1UL << (order & 63);
                    if ((word & bit) != 0)
                    {
                        Split(order);
                    }

                    word |= bit;
                }
            }

            return split;
        }

        var all = runOrders.SelectMany(orders => orders).ToArray();
        Array.Sort(all);
        for (var i = 1; i < all.Length; i++)
        {
            if (all[i] == all[i - 1])
            {
                Split(all[i]);
            }
        }

        return split;
    }

    /// <summary>
    /// The repeats of the orders in <paramref name="split"/> (all, or only the first in file order), each order's
    /// lines gathered from all its runs: counted per order, then placed in file order (a counting sort, no sort of
    /// the lines).
    /// </summary>
    private static List<Repeat> FindInSplitOrders(int[] orderId, int[] productId, int[] cartOrder, Dictionary<int, int> split, bool all)
    {
        var starts = new int[split.Count + 1];
        ForEachSplitRun(orderId, split, (index, start, end) => starts[index + 1] += end - start);
        for (var k = 0; k < split.Count; k++)
        {
            starts[k + 1] += starts[k];
        }

        var rows = new int[starts[^1]];
        var next = starts[..^1];
        ForEachSplitRun(orderId, split, (index, start, end) =>
        {
            for (var row = start; row < end; row++)
            {
                rows[next[index]++] = row;
            }
        });

        var repeats = new List<Repeat>();
        var order = new List<Repeat>();
        for (var k = 0; k < split.Count; k++)
        {
            order.Clear();
            FindInOrder(rows.AsSpan(starts[k], starts[k + 1] - starts[k]), productId, cartOrder, order);
            if (all)
            {
                repeats.AddRange(order);
            }
            else if (order.Count > 0 && (repeats.Count == 0 || order[0].Row < repeats[0].Row))
            {
                repeats.Clear();
                repeats.Add(order[0]);
            }
        }

        return repeats;
    }

    /// <summary>Calls <paramref name="body"/>(index, start, end) for each run of a split order, in file order.</summary>
    private static void ForEachSplitRun(int[] orderId, Dictionary<int, int> split, Action<int, int, int> body)
    {
        for (var run = 0; run < orderId.Length;)
        {
            var end = RunEnd(orderId, run, orderId.Length);
            if (split.TryGetValue(orderId[run], out var index))
            {
                body(index, run, end);
            }

            run = end;
        }
    }

    /// <summary>One range's runs (their order ids, in file order) and the repeats found inside them.</summary>
    private sealed record RangeScan(int Start, int End, int[] RunOrders, List<Repeat> Repeats);

    /// <summary>One worker's look through ranges of lines, run by run.</summary>
    private sealed class RunCheck(int[] orderId, int[] productId, int[] cartOrder)
    {
        /// <summary>Product ids up to this are marked in a table by id; a larger one sends its run to a sort.</summary>
        private const int MarkedProducts = 1 << 22;

        // marks[product] is the number of the last run that holds the product: one look per line, no clearing.
        private int[] marks = new int[1 << 16];
        private int run;
        private int[] scratch = new int[64];

        /// <summary>The ranges this worker looked through.</summary>
        public List<RangeScan> Scans { get; } = [];

        /// <summary>
        /// Looks through the runs of <c>[start, end)</c>, leaving out the orders in <paramref name="split"/>, and
        /// adds what it found to <see cref="Scans"/>; with <paramref name="all"/> false it stops looking for repeats
        /// after the first.
        /// </summary>
        public RangeScan Scan(int start, int end, bool all, Dictionary<int, int>? split)
        {
            var orders = new ColumnBuilder<int>(Math.Max(16, (end - start) / 8));
            var repeats = new List<Repeat>();

            // One pass, line by line: a new order id starts a run. Within a run a product seen before (its mark is
            // the run's) or a cart position other than 1, 2, 3, ... calls for a closer look when the run ends.
            int runStart = start, position = 0, mark = 0;
            bool productSeen = false, productsUnmarked = false, cartsOff = false, skipRun = false;
            for (var i = start; i <= end; i++)
            {
                if (i == end || i == start || orderId[i] != orderId[i - 1])
                {
                    if (i > start && !skipRun && (all || repeats.Count == 0)
                        && (productSeen
                            || (productsUnmarked && HasDuplicate(productId.AsSpan(runStart, i - runStart)))
                            || (cartsOff && HasDuplicate(cartOrder.AsSpan(runStart, i - runStart)))))
                    {
                        FindInOrder(Rows(runStart, i), productId, cartOrder, repeats);
                    }

                    if (i == end)
                    {
                        break;
                    }

                    orders.Add(orderId[i]);
                    skipRun = split is not null && split.ContainsKey(orderId[i]);
                    (runStart, position, mark) = (i, 0, NextMark());
                    (productSeen, productsUnmarked, cartsOff) = (false, false, false);
                }

                cartsOff |= cartOrder[i] != ++position;
                var product = productId[i];
                if ((uint)product < (uint)marks.Length || Grow(product))
                {
                    productSeen |= marks[product] == mark;
                    marks[product] = mark;
                }
                else
                {
                    productsUnmarked = true;
                }
            }

            var scan = new RangeScan(start, end, orders.ToArray(), repeats);
            Scans.Add(scan);
            return scan;
        }

        /// <summary>A mark no product holds yet (the table is cleared in the rare case the numbers run out).</summary>
        private int NextMark()
        {
            if (run == int.MaxValue)
            {
                Array.Clear(marks);
                run = 0;
            }

            return ++run;
        }

        /// <summary>Makes room to mark <paramref name="product"/>; false when it is too large to mark.</summary>
        private bool Grow(int product)
        {
            if (product < 0 || product >= MarkedProducts)
            {
                return false;
            }

            Array.Resize(ref marks, Math.Max(product + 1, Math.Min(MarkedProducts, marks.Length * 2)));
            return true;
        }

        private bool HasDuplicate(ReadOnlySpan<int> values)
        {
            if (scratch.Length < values.Length)
            {
                scratch = new int[Math.Max(values.Length, scratch.Length * 2)];
            }

            var sorted = scratch.AsSpan(0, values.Length);
            values.CopyTo(sorted);
            sorted.Sort();
            for (var i = 1; i < sorted.Length; i++)
            {
                if (sorted[i] == sorted[i - 1])
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>A line that repeats a pair of an earlier kept line.</summary>
    /// <param name="Row">The repeating line's row.</param>
    /// <param name="First">The row of the kept line with the same pair.</param>
    /// <param name="Product">Whether the repeated pair is <c>(order_id, product_id)</c> (else <c>(order_id, add_to_cart_order)</c>).</param>
    internal readonly record struct Repeat(int Row, int First, bool Product);
}
