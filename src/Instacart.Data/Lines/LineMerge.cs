using Instacart.Data.Cleaning;
using Instacart.Data.Input;
using Instacart.Data.Memory;

namespace Instacart.Data.Lines;

/// <summary>The merge of SPEC §3 and the counts each join dropped.</summary>
/// <param name="Lines">The merged lines.</param>
/// <param name="OrderCustomer">For each row of the orders table, the row of its user in the customers table, or -1.</param>
/// <param name="LinesJoinedOrders">Prior lines whose order is a prior order.</param>
/// <param name="LinesWithoutProduct">Of those, lines whose product was not kept.</param>
/// <param name="LinesWithoutCustomer">Of the rest, lines whose user is not a customer.</param>
public sealed record LineMerge(LineTable Lines, int[] OrderCustomer, long LinesJoinedOrders, long LinesWithoutProduct, long LinesWithoutCustomer)
{
    /// <summary>
    /// Inner-joins the prior lines to the prior orders, the clean products and the customers, in that order.
    /// Each right side is checked unique first; a line whose <c>order_id</c> is not in <c>orders.csv</c> at all is bad input.
    /// </summary>
    public static LineMerge Build(OrdersTable orders, OrderLinesTable priorLines, ProductCatalog products, CustomersTable customers, UniqueIndex orderIndex) =>
        Build(orders, priorLines, products, customers, orderIndex, Parallelism.Default);

    /// <summary>As <see cref="Build(OrdersTable, OrderLinesTable, ProductCatalog, CustomersTable, UniqueIndex)"/>, in <paramref name="parallelism"/>'s ranges and threads.</summary>
    /// <remarks>
    /// Given <paramref name="byOrder"/>, the prior lines grouped by <c>order_id</c> as the pair check left them
    /// (<see cref="OrderLinesTable.TakeByOrder"/>), the lines are merged from that grouping, each order's lines
    /// together: in the orders table's row order when the ids are dense (what the totals read in sequence), else in
    /// <c>order_id</c> order. Otherwise they come out in file order.
    /// </remarks>
    internal static LineMerge Build(OrdersTable orders, OrderLinesTable priorLines, ProductCatalog products, CustomersTable customers, UniqueIndex orderIndex, Parallelism parallelism, RowGroups? byOrder = null)
    {
        var orderCustomer = OrderCustomers(orders, customers);
        if (byOrder is not null && Grouped(orders, byOrder, products, orderCustomer, orderIndex, parallelism) is { } grouped)
        {
            return grouped;
        }

        // Fixed line ranges joined concurrently, twice: the first pass counts each range's kept lines, the second
        // writes them straight into columns of the exact length. Joining twice costs less than the scratch columns it
        // replaces (as large as the merged lines, touched fresh and left as garbage), and halves the merge's memory.
        var ranges = parallelism.Ranges(priorLines.Count);
        var join = new FileOrderJoin(orders, priorLines, products, orderCustomer, orderIndex, ranges);
        parallelism.For(ranges.Length, r => join.Run(r, default));
        foreach (var row in join.FirstUnknown)
        {
            if (row >= 0)
            {
                throw UnknownOrder(priorLines, row);
            }
        }

        return join.Finish(parallelism);
    }

    /// <summary>
    /// The merge of lines grouped by <c>order_id</c> (each line's <see cref="GroupedLineValue"/>) on the workers: in
    /// row order for dense ids (<see cref="RowOrderJoin"/>), else in id order; null when some order is not in
    /// <c>orders.csv</c> (the file-order merge names its first line).
    /// </summary>
    private static LineMerge? Grouped(OrdersTable orders, RowGroups byOrder, ProductCatalog products, int[] orderCustomer, UniqueIndex orderIndex, Parallelism parallelism)
    {
        if (byOrder.IsDense)
        {
            var rowJoin = new RowOrderJoin(orders, byOrder, products, orderCustomer, parallelism);
            return rowJoin.Count(orderIndex, parallelism) ? rowJoin.Finish(parallelism) : null;
        }

        var join = new GroupedJoin(orders.EvalSet, byOrder, products, orderCustomer, orderIndex, byOrder.Ranges(parallelism));
        parallelism.For(join.Ranges.Length, r => join.Run(r, default));
        return join.Unknown.Contains(true) ? null : join.Finish(parallelism);
    }

    /// <summary>
    /// What both merges share: per range of workers, the lines kept and the lines each join dropped, counted by a first
    /// pass (<c>Run(r, default)</c>); then the kept lines written by a second pass at each range's place in columns of
    /// the exact length, so that the merged lines come out in the ranges' order.
    /// </summary>
    private abstract class RangeJoin(int[] orderCustomer, int ranges)
    {
        /// <summary>Hints that the eval set and customer of order row <paramref name="row"/> will be read soon.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        internal static void PrefetchRow(EvalSet[] evalSet, int[] orderCustomer, int row)
        {
            Prefetch.Element(evalSet, row);
            Prefetch.Element(orderCustomer, row);
        }

        public int[] Kept { get; } = new int[ranges];

        public long[] Joined { get; } = new long[ranges];

        public long[] WithoutProduct { get; } = new long[ranges];

        public long[] WithoutCustomer { get; } = new long[ranges];

        /// <summary>Joins range <paramref name="r"/>: counts when <paramref name="into"/> has no columns, else writes its kept lines into them from <paramref name="at"/>.</summary>
        public abstract void Run(int r, MergedColumns into, int at = 0);

        /// <summary>Keeps range <paramref name="r"/>'s counts (the same from either pass).</summary>
        protected void Store(int r, RangeTally tally, int at)
        {
            Kept[r] = tally.Write - at;
            Joined[r] = tally.Joined;
            WithoutProduct[r] = tally.WithoutProduct;
            WithoutCustomer[r] = tally.WithoutCustomer;
        }

        public LineMerge Finish(Parallelism parallelism)
        {
            var at = new int[Kept.Length + 1];
            for (var r = 0; r < Kept.Length; r++)
            {
                at[r + 1] = at[r] + Kept[r];
            }

            var columns = new MergedColumns(new int[at[^1]], new int[at[^1]], new byte[at[^1]]);
            parallelism.For(Kept.Length, r => Run(r, columns, at[r]));
            return new LineMerge(new LineTable(columns.Order!, columns.Product!, columns.Reordered!), orderCustomer, Joined.Sum(), WithoutProduct.Sum(), WithoutCustomer.Sum());
        }
    }

    /// <summary>The merged lines' columns being written by the second pass (none in the counting pass).</summary>
    private readonly record struct MergedColumns(int[]? Order, int[]? Product, byte[]? Reordered);

    /// <summary>
    /// One range's join of its lines to the clean products and the customers, the step both merges end with: a line
    /// of a prior order is kept when its product was kept and its order has a customer, else counted as dropped.
    /// </summary>
    private struct RangeTally(int at)
    {
        /// <summary>Where the next kept line goes (from the range's place).</summary>
        public int Write = at;

        public long Joined;

        public long WithoutProduct;

        public long WithoutCustomer;

        /// <summary>Keeps (writes, when <paramref name="into"/> has columns) or counts a line of a prior order; <paramref name="product"/> is its catalog row or -1.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public void Line(MergedColumns into, int order, int product, bool hasCustomer, byte reordered)
        {
            if (product < 0)
            {
                WithoutProduct++;
                return;
            }

            if (!hasCustomer)
            {
                WithoutCustomer++;
                return;
            }

            if (into.Order is { } lineOrder)
            {
                lineOrder[Write] = order;
                into.Product![Write] = product;
                into.Reordered![Write] = reordered;
            }

            Write++;
        }
    }

    /// <summary>The join of the prior lines in file order, in fixed ranges of lines.</summary>
    private sealed class FileOrderJoin(OrdersTable orders, OrderLinesTable priorLines, ProductCatalog products, int[] orderCustomer, UniqueIndex orderIndex, (int Start, int End)[] ranges)
        : RangeJoin(orderCustomer, ranges.Length)
    {
        private readonly EvalSet[] evalSet = orders.EvalSet;
        private readonly int[] orderIdOfRow = orders.OrderId;
        private readonly int[] orderCustomer = orderCustomer;

        /// <summary>Each range's order row of each run of one order's lines, found by the counting pass and read by the writing pass.</summary>
        private readonly List<int>?[] runOrders = new List<int>?[ranges.Length];

        /// <summary>The first line of each range whose order is not in <c>orders.csv</c>, or -1 (set by the counting pass).</summary>
        public int[] FirstUnknown { get; } = new int[ranges.Length];

        public override void Run(int r, MergedColumns into, int at = 0)
        {
            var (start, end) = ranges[r];
            var orderIds = priorLines.OrderId;
            var productIds = priorLines.ProductId;
            var reordered = priorLines.Reordered;
            var evalSet = this.evalSet;
            var orderCustomer = this.orderCustomer;
            var tally = new RangeTally(at);
            FirstUnknown[r] = -1;

            // A file lists an order's lines together: the order is looked up once per run of its lines, by the counting
            // pass, which keeps it for the writing pass (a lookup by id reads all over the index).
            var counting = into.Order is null;
            var runs = counting ? new List<int>(Math.Max(16, (end - start) / 8)) : runOrders[r]!;
            var run = 0;
            int lastId = 0, order = -1;
            bool prior = false, hasCustomer = false, apart = false;
            for (var i = start; i < end; i++)
            {
                var id = orderIds[i];
                if (order < 0 || id != lastId)
                {
                    lastId = id;
                    if (counting)
                    {
                        // Where the orders are not in the table's row order (the shop's files list lines by order_id),
                        // each is looked up in the index and read at a row of its own: the index slot of the order some
                        // lines on, and the row of the one half as far, are asked of memory now.
                        if (apart && i + IndexLookAhead < end)
                        {
                            orderIndex.PrefetchRowOf(orderIds[i + IndexLookAhead]);
                            if (orderIndex.RowOf(orderIds[i + (IndexLookAhead / 2)]) is var ahead and >= 0)
                            {
                                PrefetchRow(evalSet, orderCustomer, ahead);
                            }
                        }

                        (order, apart) = RowOf(id, order, apart);
                        if (order < 0)
                        {
                            FirstUnknown[r] = i;
                            break;
                        }

                        runs.Add(order);
                    }
                    else
                    {
                        if (run + RowLookAhead < runs.Count && runs[run + RowLookAhead] is var ahead && (uint)(ahead - order + RowLookAhead) > 2 * RowLookAhead)
                        {
                            PrefetchRow(evalSet, orderCustomer, ahead);
                        }

                        order = runs[run++];
                    }

                    prior = evalSet[order] == EvalSet.Prior;
                    hasCustomer = orderCustomer[order] >= 0;
                }

                if (prior)
                {
                    tally.Joined++;
                    tally.Line(into, order, products.IndexOf(productIds[i]), hasCustomer, reordered[i]);
                }
            }

            Store(r, tally, at);
            runOrders[r] = counting ? runs : null;
        }

        /// <summary>
        /// The row of order <paramref name="id"/>, and whether it was not one of the two rows after <paramref name="previous"/>'s.
        /// Files that list the orders in the orders table's order are read in sequence: the rows just after the previous
        /// run's are tried first, then the index. Once an order was elsewhere (<paramref name="apart"/>; the shop's files
        /// list lines by <c>order_id</c>), the index is asked first: trying the rows after a row read at random is one more
        /// read at random.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private (int Row, bool Apart) RowOf(int id, int previous, bool apart)
        {
            if (previous >= 0 && !apart)
            {
                for (var next = previous + 1; next <= previous + 2 && next < orderIdOfRow.Length; next++)
                {
                    if (orderIdOfRow[next] == id)
                    {
                        return (next, false);
                    }
                }
            }

            var row = orderIndex.RowOf(id);
            return (row, previous < 0 || row < 0 || (uint)(row - previous - 1) > 1);
        }

        /// <summary>Lines ahead of a new run whose order's index slot the counting pass asks of memory (its row at half the distance).</summary>
        private const int IndexLookAhead = 128;

        /// <summary>Runs ahead whose order row the writing pass asks of memory (unless it is about as many rows on: read in sequence).</summary>
        private const int RowLookAhead = 8;
    }

    /// <summary>The join of the prior lines grouped by <c>order_id</c> when the ids are far apart (no group found by arithmetic), in ranges of orders: each order looked up once.</summary>
    private sealed class GroupedJoin(EvalSet[] evalSet, RowGroups byOrder, ProductCatalog products, int[] orderCustomer, UniqueIndex orderIndex, (int Start, int End)[] ranges)
        : RangeJoin(orderCustomer, ranges.Length)
    {
        private readonly int[] orderCustomer = orderCustomer;

        public (int Start, int End)[] Ranges => ranges;

        /// <summary>Whether a range met an order that is not in <c>orders.csv</c> (set by the counting pass).</summary>
        public bool[] Unknown { get; } = new bool[ranges.Length];

        public override void Run(int r, MergedColumns into, int at = 0)
        {
            var (first, last) = ranges[r];
            var write = new WriteLines(into, byOrder.Rows, products, new RangeTally(at));
            Unknown[r] = !WalkGroups(byOrder, orderIndex, evalSet, orderCustomer, first, last, ref write);
            Store(r, write.Tally, at);
        }
    }

    /// <summary>
    /// The join of the prior lines grouped by <c>order_id</c> (dense ids: each id's group found by arithmetic) whose
    /// merged lines come out in the orders table's row order, whatever order the files listed them in, so that the
    /// totals read them in sequence and write each order's totals in turn. The counting pass reads the groups in
    /// sequence, looking each order up once, and adds each order's kept lines to its range of rows; the writing pass
    /// walks the rows and gathers each order's lines from its group, asked of memory some orders ahead.
    /// </summary>
    private sealed class RowOrderJoin : RangeJoin
    {
        /// <summary>Order rows ahead whose group start is asked of memory; its lines are asked for at half the distance.</summary>
        private const int LookAhead = 16;

        private readonly OrdersTable orders;
        private readonly RowGroups byOrder;
        private readonly ProductCatalog products;
        private readonly int[] orderCustomer;
        private readonly (int Start, int End)[] ranges;

        /// <summary>Rows of each range but the last (ranges of one size, so a row's range is a division).</summary>
        private readonly int rowsPerRange;

        public RowOrderJoin(OrdersTable orders, RowGroups byOrder, ProductCatalog products, int[] orderCustomer, Parallelism parallelism)
            : this(orders, byOrder, products, orderCustomer, RowRanges(orders.Count, parallelism))
        {
        }

        private RowOrderJoin(OrdersTable orders, RowGroups byOrder, ProductCatalog products, int[] orderCustomer, (int Size, (int Start, int End)[] Ranges) rows)
            : base(orderCustomer, rows.Ranges.Length)
        {
            this.orders = orders;
            this.byOrder = byOrder;
            this.products = products;
            this.orderCustomer = orderCustomer;
            ranges = rows.Ranges;
            rowsPerRange = rows.Size;
        }

        /// <summary>
        /// Ranges of order rows of one size (the last shorter), finer than the lines' (an order holds about ten lines)
        /// so that the workers end together.
        /// </summary>
        private static (int Size, (int Start, int End)[] Ranges) RowRanges(int orders, Parallelism parallelism)
        {
            var count = Math.Clamp(orders / Math.Max(1, parallelism.MinPerRange / 16), 1, 64);
            var size = Math.Max(1, (orders + count - 1) / count);
            var ranges = new List<(int, int)>(count);
            for (var start = 0; start < orders; start += size)
            {
                ranges.Add((start, Math.Min(orders, start + size)));
            }

            return (size, [.. ranges]);
        }

        /// <summary>
        /// The counting pass, over the groups in sequence on the workers: each order's kept and dropped lines added to
        /// its range of rows. False when some group's id is not in <c>orders.csv</c> (the file-order merge then names its line).
        /// </summary>
        public bool Count(UniqueIndex orderIndex, Parallelism parallelism)
        {
            var evalSet = orders.EvalSet;
            var rangeCount = ranges.Length;
            var partials = parallelism.ForRanges(byOrder.Ranges(parallelism), () => new RangeCounts(rangeCount, rowsPerRange, byOrder.Rows, products), (counts, first, last) =>
                counts.Unknown = counts.Unknown || !WalkGroups(byOrder, orderIndex, evalSet, orderCustomer, first, last, ref counts.Visit));
            foreach (var counts in partials)
            {
                if (counts.Unknown)
                {
                    return false;
                }

                for (var r = 0; r < rangeCount; r++)
                {
                    Kept[r] += counts.Visit.Kept[r];
                    Joined[r] += counts.Visit.Joined[r];
                    WithoutProduct[r] += counts.Visit.WithoutProduct[r];
                    WithoutCustomer[r] += counts.Visit.WithoutCustomer[r];
                }
            }

            return true;
        }

        /// <summary>The writing pass over rows <paramref name="r"/>: each prior order's kept lines gathered from its group.</summary>
        public override void Run(int r, MergedColumns into, int at = 0)
        {
            var (first, last) = ranges[r];
            var values = byOrder.Rows;
            var starts = byOrder.Starts;
            var orderId = orders.OrderId;
            var evalSet = orders.EvalSet;
            var orderCustomer = this.orderCustomer;
            var write = new WriteLines(into, values, products, new RangeTally(at));
            for (var o = first; o < last; o++)
            {
                if (o + LookAhead < last && byOrder.GroupOf(orderId[o + LookAhead]) is var aheadGroup and >= 0)
                {
                    Prefetch.Element(starts, aheadGroup);
                }

                if (o + (LookAhead / 2) < last && byOrder.GroupOf(orderId[o + (LookAhead / 2)]) is var nearGroup and >= 0)
                {
                    Prefetch.Element(values, starts[nearGroup]);
                    Prefetch.Element(values, starts[nearGroup + 1] - 1);
                }

                if (evalSet[o] != EvalSet.Prior || byOrder.GroupOf(orderId[o]) is not (var g and >= 0))
                {
                    continue;
                }

                write.Order(o, starts[g], starts[g + 1], orderCustomer[o] >= 0);
            }

            // The counting pass kept this range's counts; the lines written must be as many.
            if (write.Tally.Write - at != Kept[r])
            {
                throw new InvalidOperationException($"The merge wrote {write.Tally.Write - at:N0} lines for order rows {first:N0}-{last:N0}, counted {Kept[r]:N0}.");
            }
        }

        /// <summary>One worker's counts per range of order rows.</summary>
        private sealed class RangeCounts(int ranges, int rowsPerRange, int[] values, ProductCatalog products)
        {
            /// <summary>What the walk over the groups does with each prior order: counts its lines into its range of rows.</summary>
            public CountLines Visit = new(new int[ranges], new long[ranges], new long[ranges], new long[ranges], rowsPerRange, values, products);

            public bool Unknown { get; set; }
        }

        /// <summary>Counts a prior order's lines (kept and dropped) into the range of rows its row is in.</summary>
        private readonly struct CountLines(int[] kept, long[] joined, long[] withoutProduct, long[] withoutCustomer, int rowsPerRange, int[] values, ProductCatalog products) : IPriorOrderVisit
        {
            public int[] Kept => kept;

            public long[] Joined => joined;

            public long[] WithoutProduct => withoutProduct;

            public long[] WithoutCustomer => withoutCustomer;

            public void Order(int order, int start, int end, bool hasCustomer)
            {
                var count = new WriteLines(default, values, products, new RangeTally(0));
                count.Order(order, start, end, hasCustomer);
                var tally = count.Tally;
                var r = order / rowsPerRange;
                kept[r] += tally.Write;
                joined[r] += tally.Joined;
                withoutProduct[r] += tally.WithoutProduct;
                withoutCustomer[r] += tally.WithoutCustomer;
            }
        }
    }

    /// <summary>What a walk over lines grouped by order (<see cref="WalkGroups"/>) does with each prior order's lines.</summary>
    private interface IPriorOrderVisit
    {
        /// <summary>Order row <paramref name="order"/>, a prior order, holds the grouped lines <c>[start, end)</c>.</summary>
        void Order(int order, int start, int end, bool hasCustomer);
    }

    /// <summary>Writes (or, without columns, counts) a prior order's kept lines in the tally's columns.</summary>
    private struct WriteLines(MergedColumns into, int[] values, ProductCatalog products, RangeTally tally) : IPriorOrderVisit
    {
        public RangeTally Tally = tally;

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public void Order(int order, int start, int end, bool hasCustomer)
        {
            Tally.Joined += end - start;
            for (var i = start; i < end; i++)
            {
                var value = values[i];
                Tally.Line(into, order, products.IndexOf(GroupedLineValue.ProductId(value)), hasCustomer, GroupedLineValue.Reordered(value));
            }
        }
    }

    /// <summary>How many groups ahead an order's index slot is asked of memory (<see cref="WalkGroups"/>); its row at half the distance.</summary>
    private const int GroupLookAhead = 16;

    /// <summary>
    /// Walks groups <c>[first, last)</c> of lines grouped by <c>order_id</c> in id order, each order looked up once, and
    /// hands <paramref name="visit"/> each prior order's lines; false (and stops) at an id not in <c>orders.csv</c>.
    /// </summary>
    private static bool WalkGroups<TVisit>(RowGroups byOrder, UniqueIndex orderIndex, EvalSet[] evalSet, int[] orderCustomer, int first, int last, ref TVisit visit)
        where TVisit : struct, IPriorOrderVisit
    {
        var starts = byOrder.Starts;
        for (var g = first; g < last; g++)
        {
            // The orders of groups some on asked of memory now: their ids are in sequence, their rows all over.
            if (g + GroupLookAhead < last)
            {
                orderIndex.PrefetchRowOf(byOrder.KeyOf(g + GroupLookAhead));
            }

            if (g + (GroupLookAhead / 2) < last && orderIndex.RowOf(byOrder.KeyOf(g + (GroupLookAhead / 2))) is var ahead and >= 0)
            {
                RangeJoin.PrefetchRow(evalSet, orderCustomer, ahead);
            }

            int start = starts[g], end = starts[g + 1];
            if (start == end)
            {
                continue;
            }

            var order = orderIndex.RowOf(byOrder.KeyOf(g));
            if (order < 0)
            {
                return false;
            }

            if (evalSet[order] == EvalSet.Prior)
            {
                visit.Order(order, start, end, orderCustomer[order] >= 0);
            }
        }

        return true;
    }

    /// <summary>For each row of the orders table, the row of its user in the customers table, or -1.</summary>
    public static int[] OrderCustomers(OrdersTable orders, CustomersTable customers)
    {
        var customerIndex = CustomerIndex(customers);
        var orderCustomer = new int[orders.Count];
        for (var row = 0; row < orders.Count; row++)
        {
            orderCustomer[row] = customerIndex.RowOf(orders.UserId[row]);
        }

        return orderCustomer;
    }

    /// <summary>The unique index of <c>orders.csv</c> by <c>order_id</c>; a repeated id is bad input.</summary>
    public static UniqueIndex OrderIndex(OrdersTable orders) => UniqueIndex.Build(
        orders.OrderId,
        (row, first) => new InputException(InputFiles.Orders, orders.LineOf(row), 1, "order_id", "a unique order_id", $"'{orders.OrderId[row]}', already on line {orders.LineOf(first)}"));

    /// <summary>The unique index of <c>customers.csv</c> by <c>user_id</c>; a repeated id is bad input (named by its lines: no value of the file is quoted).</summary>
    public static UniqueIndex CustomerIndex(CustomersTable customers) => UniqueIndex.Build(
        customers.UserId,
        (row, first) => new InputException(InputFiles.Customers, customers.LineOf(row), 1, "user_id", "a unique user_id", $"the user_id already on line {customers.LineOf(first)}"));

    /// <summary>The error for an order line whose order is not in <c>orders.csv</c>.</summary>
    public static InputException UnknownOrder(OrderLinesTable lines, int row) =>
        new(lines.FileName, lines.LineOf(row), 1, "order_id", $"an order_id of {InputFiles.Orders}", $"'{lines.OrderId[row]}'");
}
