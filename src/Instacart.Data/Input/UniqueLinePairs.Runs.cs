namespace Instacart.Data.Input;

/// <summary>The run-by-run pass of <see cref="UniqueLinePairs"/>.</summary>
internal static partial class UniqueLinePairs
{
    /// <summary>One range's runs (their order ids, in file order) and the repeats found inside them.</summary>
    private sealed record RangeScan(int Start, int End, int[] RunOrders, List<Repeat> Repeats);

    /// <summary>One worker's look through ranges of lines, run by run.</summary>
    private sealed class RunCheck(int[] orderId, int[] productId, CartOrderColumn cartOrder)
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
        /// Looks through the runs of <c>[start, end)</c> and adds what it found to <see cref="Scans"/>; with
        /// <paramref name="all"/> false it stops looking for repeats after the first.
        /// </summary>
        public RangeScan Scan(int start, int end, bool all)
        {
            var orders = new ColumnBuilder<int>(Math.Max(16, (end - start) / 8));
            var repeats = new List<Repeat>();

            // One pass, line by line: a new order id starts a run. Within a run a product seen before (its mark is
            // the run's) or a cart position other than 1, 2, 3, ... calls for a closer look when the run ends.
            int runStart = start, position = 0, mark = 0;
            bool productSeen = false, productsUnmarked = false, cartsOff = false;
            for (var i = start; i <= end; i++)
            {
                if (i == end || i == start || orderId[i] != orderId[i - 1])
                {
                    if (i > start && (all || repeats.Count == 0)
                        && (productSeen
                            || (productsUnmarked && HasDuplicate(productId.AsSpan(runStart, i - runStart)))
                            || (cartsOff && HasDuplicate(cartOrder.Wide.AsSpan(runStart, i - runStart)))))
                    {
                        FindInOrder(Rows(runStart, i), productId, cartOrder.Wide, repeats);
                    }

                    if (i == end)
                    {
                        break;
                    }

                    orders.Add(orderId[i]);
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
}
