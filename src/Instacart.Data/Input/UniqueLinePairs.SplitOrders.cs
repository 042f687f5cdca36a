namespace Instacart.Data.Input;

/// <summary>The check of <see cref="UniqueLinePairs"/> for orders whose lines are not all together.</summary>
internal static partial class UniqueLinePairs
{
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
}
