using Instacart.Data.Lines;

namespace Instacart.Data.Input;

/// <summary>The check of <see cref="UniqueLinePairs"/> for lines not kept together by order: grouped by order first.</summary>
internal static partial class UniqueLinePairs
{
    /// <summary>
    /// Whether the lines come in runs of one order at least two lines long on average (files sorted or grouped by
    /// order: about ten); a shuffled file's runs are about one line each.
    /// </summary>
    private static bool MostlyInRuns(int[] orderId, (int Start, int End)[] ranges, Parallelism parallelism)
    {
        var runs = new long[ranges.Length];
        parallelism.For(ranges.Length, r =>
        {
            var (start, end) = ranges[r];
            long count = start < end ? 1 : 0;
            for (var i = start + 1; i < end; i++)
            {
                count += orderId[i] != orderId[i - 1] ? 1 : 0;
            }

            runs[r] = count;
        });
        return runs.Sum() * 2 <= orderId.Length;
    }

    /// <summary>Whether some order's lines come in more than one run (<paramref name="runOrders"/>: each range's runs' order ids).</summary>
    private static bool AnySplitOrder(IEnumerable<int[]> runOrders)
    {
        int min = int.MaxValue, max = int.MinValue;
        long runs = 0;
        foreach (var orders in runOrders)
        {
            runs += orders.Length;
            foreach (var order in orders)
            {
                min = Math.Min(min, order);
                max = Math.Max(max, order);
            }
        }

        if (runs <= 1)
        {
            return false;
        }

        // Ids are usually dense and small (real: 3.4M orders, ids up to 3.4M): one bit per id, while the bitmap is no
        // bigger than the runs' ids themselves; larger ids are sorted instead.
        var span = (long)max - min;
        if (span < Math.Max(1L << 20, runs * 32))
        {
            var seen = new ulong[(span >> 6) + 1];
            foreach (var orders in runOrders)
            {
                foreach (var order in orders)
                {
                    var at = (long)order - min;
                    ref var word = ref seen[at >> 6];
                    var bit = 1UL << (int)(at & 63);
                    if ((word & bit) != 0)
                    {
                        return true;
                    }

                    word |= bit;
                }
            }

            return false;
        }

        var all = runOrders.SelectMany(orders => orders).ToArray();
        Array.Sort(all);
        for (var i = 1; i < all.Length; i++)
        {
            if (all[i] == all[i - 1])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The repeats (all, or only the first in file order) found by checking every order whole: the lines grouped
    /// by order (each order's lines in file order), the orders checked in ranges on every core.
    /// </summary>
    private static List<Repeat> FindInGroups(int[] orderId, int[] productId, CartOrderColumn cartOrder, byte[]? reordered, bool all, Parallelism parallelism, out RowGroups? byOrder)
    {
        if (NoRepeatInPackedGroups(orderId, productId, cartOrder, reordered, parallelism, out byOrder))
        {
            return [];
        }

        var groups = RowGroups.ByKey(orderId, parallelism);

        var ranges = groups.Ranges(parallelism);
        var checks = parallelism.ForRanges(ranges, () => new GroupCheck(productId, cartOrder.Wide), (check, start, end) => check.Scan(groups, start, end, all));

        var repeats = checks.SelectMany(check => check.Repeats).ToArray();
        Array.Sort(repeats.Select(repeat => repeat.Row).ToArray(), repeats);
        return all || repeats.Length <= 1 ? [.. repeats] : [repeats[0]];
    }

    /// <summary>
    /// The common case first, reading no line twice at random: when a line's product, cart position and reordered flag
    /// share an int (<see cref="GroupedLineValue"/>; real ones do), the lines are grouped by order keeping that int
    /// instead of the line's number, and each order's values checked straight through. True when no order holds a
    /// product or cart position twice; false (look again with the lines' numbers, which name the lines) when one may,
    /// or the values do not fit.
    /// </summary>
    /// <remarks>
    /// When no order holds a pair twice and the file has the <c>reordered</c> column, <paramref name="byOrder"/> is the
    /// grouping itself, for the merge (else null): one array of the line count, placed once, serves both.
    /// </remarks>
    private static bool NoRepeatInPackedGroups(int[] orderId, int[] productId, CartOrderColumn cartOrder, byte[]? reordered, Parallelism parallelism, out RowGroups? byOrder)
    {
        byOrder = null;
        var ranges = parallelism.Ranges(orderId.Length);
        var fits = new bool[ranges.Length];
        parallelism.For(ranges.Length, r =>
        {
            var (start, end) = ranges[r];
            var ok = true;
            for (var i = start; i < end; i++)
            {
                ok &= GroupedLineValue.Fits(productId[i], cartOrder[i], reordered is null ? (byte)0 : reordered[i]);
            }

            fits[r] = ok;
        });
        if (fits.Contains(false))
        {
            return false;
        }

        var groups = RowGroups.ByKey(orderId, new PackedLine(productId, cartOrder, reordered), parallelism);
        var clean = parallelism.ForRanges(groups.Ranges(parallelism), () => new PackedCheck(), (check, start, end) => check.Scan(groups, start, end)).All(check => !check.Suspect);
        byOrder = clean && reordered is not null ? groups : null;
        return clean;
    }

    /// <summary>A line's <see cref="GroupedLineValue"/>.</summary>
    private readonly struct PackedLine(int[] productId, CartOrderColumn cartOrder, byte[]? reordered) : RowGroups.IRowValue
    {
        public int Of(int row) => GroupedLineValue.Of(productId[row], cartOrder[row], reordered is null ? (byte)0 : reordered[row]);
    }

    /// <summary>One worker's look through ranges of orders whose lines are packed values: marks only, no repeat is named.</summary>
    private sealed class PackedCheck
    {
        private readonly MarkTable products = new();
        private readonly MarkTable carts = new();
        private int mark;

        /// <summary>Whether some order looked at may hold a product or cart position twice.</summary>
        public bool Suspect { get; private set; }

        /// <summary>Looks through the orders (groups) <c>[start, end)</c>.</summary>
        public void Scan(RowGroups groups, int start, int end)
        {
            var packed = groups.Rows;
            var starts = groups.Starts;
            for (var g = start; g < end && !Suspect; g++)
            {
                if (starts[g + 1] - starts[g] < 2)
                {
                    continue;
                }

                if (mark == int.MaxValue)
                {
                    products.Clear();
                    carts.Clear();
                    mark = 0;
                }

                mark++;
                var unmarked = false;
                for (var i = starts[g]; i < starts[g + 1]; i++)
                {
                    var value = packed[i];
                    Suspect |= products.Mark(GroupedLineValue.ProductId(value), mark, ref unmarked) | carts.Mark(GroupedLineValue.Cart(value), mark, ref unmarked);
                }

                Suspect |= unmarked;
            }
        }
    }

    /// <summary>One worker's look through ranges of orders, each order's lines gathered together.</summary>
    private sealed class GroupCheck(int[] productId, int[] cartOrder)
    {
        private readonly MarkTable products = new();
        private readonly MarkTable carts = new();
        private int[] scratch = new int[64];
        private int mark;

        /// <summary>What this worker found: every repeat, or with only the first wanted, each order's first but only the earliest kept.</summary>
        public List<Repeat> Repeats { get; } = [];

        /// <summary>Checks the orders (groups) <c>[start, end)</c>.</summary>
        public void Scan(RowGroups groups, int start, int end, bool all)
        {
            var found = new List<Repeat>();
            for (var g = start; g < end; g++)
            {
                var rows = groups[g];
                if (rows.Length < 2)
                {
                    continue;
                }

                // A product or cart position seen before in this order (its mark is the order's) calls for a
                // closer look; so does a value too large to mark that a sort finds twice.
                mark = NextMark();
                bool seen = false, productsUnmarked = false, cartsUnmarked = false;
                foreach (var row in rows)
                {
                    seen |= products.Mark(productId[row], mark, ref productsUnmarked);
                    seen |= carts.Mark(cartOrder[row], mark, ref cartsUnmarked);
                }

                if (!seen
                    && !(productsUnmarked && HasDuplicate(productId, rows))
                    && !(cartsUnmarked && HasDuplicate(cartOrder, rows)))
                {
                    continue;
                }

                found.Clear();
                FindInOrder(rows, productId, cartOrder, found);
                if (all)
                {
                    Repeats.AddRange(found);
                }
                else if (found.Count > 0 && (Repeats.Count == 0 || found[0].Row < Repeats[0].Row))
                {
                    Repeats.Clear();
                    Repeats.Add(found[0]);
                }
            }
        }

        /// <summary>A mark no value holds yet (the tables are cleared in the rare case the numbers run out).</summary>
        private int NextMark()
        {
            if (mark == int.MaxValue)
            {
                products.Clear();
                carts.Clear();
                mark = 0;
            }

            return mark + 1;
        }

        private bool HasDuplicate(int[] column, ReadOnlySpan<int> rows)
        {
            if (scratch.Length < rows.Length)
            {
                scratch = new int[Math.Max(rows.Length, scratch.Length * 2)];
            }

            var sorted = scratch.AsSpan(0, rows.Length);
            for (var i = 0; i < rows.Length; i++)
            {
                sorted[i] = column[rows[i]];
            }

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

    /// <summary>Values (product ids, cart positions) marked with the number of the last order holding them, in a table by value.</summary>
    private sealed class MarkTable
    {
        /// <summary>Values up to this are marked in the table; a larger one (or a negative one) is left to a sort.</summary>
        private const int MaxMarked = 1 << 22;

        private int[] marks = new int[1 << 10];

        /// <summary>
        /// Marks <paramref name="value"/> with <paramref name="mark"/>; true when it held that mark already. A value
        /// that cannot be marked sets <paramref name="unmarked"/>.
        /// </summary>
        public bool Mark(int value, int mark, ref bool unmarked)
        {
            if ((uint)value >= (uint)marks.Length && !Grow(value))
            {
                unmarked = true;
                return false;
            }

            ref var slot = ref marks[value];
            var seen = slot == mark;
            slot = mark;
            return seen;
        }

        /// <summary>Forgets every mark.</summary>
        public void Clear() => Array.Clear(marks);

        private bool Grow(int value)
        {
            if (value < 0 || value >= MaxMarked)
            {
                return false;
            }

            Array.Resize(ref marks, Math.Max(value + 1, Math.Min(MaxMarked, marks.Length * 2)));
            return true;
        }
    }
}
