using Instacart.Data.Cleaning;
using Instacart.Data.Input;
using Instacart.Data.Memory;

namespace Instacart.Data.Lines;

/// <summary>
/// The merged lines totalled once, per order, per product, per customer and per customer and department, in one pass. Every
/// question's group-by then adds up orders (3.4M at full scale), products or customers instead of passing over the
/// lines (32M) again; the totals are integers (revenue in exact price units), so any order of addition gives the
/// same answer as the line-by-line loop.
/// </summary>
internal sealed class LineTotals
{
    /// <summary>The most departments an order's department set (<see cref="OrderDepartments"/>) can hold.</summary>
    public const int MaskDepartments = 64;

    /// <summary>The most customer × department cells kept (<see cref="CustomerDepartmentLines"/>); beyond, questions read the lines.</summary>
    public const long MaxCustomerDepartmentCells = 1L << 26;

    private LineTotals(int orders, int products, int customers, int departments, long priceScale)
    {
        OrderLines = new int[orders];
        OrderReordered = new int[orders];
        OrderKnownPriceLines = new int[orders];
        OrderRevenueUnits = new long[orders];
        OrderDepartments = departments <= MaskDepartments ? new ulong[orders] : null;
        ProductLines = new int[products];
        ProductReordered = new int[products];
        Departments = departments;
        var cells = (long)customers * departments <= MaxCustomerDepartmentCells;
        CustomerDepartmentLines = cells ? new int[customers * departments] : null;
        CustomerDepartmentReordered = cells ? new int[customers * departments] : null;
        PriceScale = priceScale;
        CustomerLines = new int[customers];
        CustomerReordered = new int[customers];
        CustomerKnownPriceLines = new int[customers];
        CustomerRevenueUnits = new long[customers];
        CustomerOrders = new int[customers];
    }

    /// <summary>Merged lines of each order (by orders-table row); 0 for an order without any.</summary>
    public int[] OrderLines { get; }

    /// <summary>Reordered lines of each order.</summary>
    public int[] OrderReordered { get; }

    /// <summary>Lines with a known price of each order.</summary>
    public int[] OrderKnownPriceLines { get; }

    /// <summary>The sum of each order's known prices, in units of 1 / <see cref="PriceScale"/>.</summary>
    public long[] OrderRevenueUnits { get; }

    /// <summary>The set of department ids (bit <c>d</c> = department <c>d</c>) of each order's lines; null when ids reach <see cref="MaskDepartments"/>.</summary>
    public ulong[]? OrderDepartments { get; }

    /// <summary>Merged lines of each product (by catalog row).</summary>
    public int[] ProductLines { get; }

    /// <summary>Reordered lines of each product.</summary>
    public int[] ProductReordered { get; }

    /// <summary>The department dimension: the largest department id + 1.</summary>
    public int Departments { get; }

    /// <summary>Lines per customer row and department id at <c>customer * Departments + department</c>; null when too many cells.</summary>
    public int[]? CustomerDepartmentLines { get; }

    /// <summary>Reordered lines per customer row and department id, laid out as <see cref="CustomerDepartmentLines"/>.</summary>
    public int[]? CustomerDepartmentReordered { get; }

    /// <summary>Merged lines of each customer (by customers-table row).</summary>
    public int[] CustomerLines { get; }

    /// <summary>Reordered lines of each customer.</summary>
    public int[] CustomerReordered { get; }

    /// <summary>Lines with a known price of each customer.</summary>
    public int[] CustomerKnownPriceLines { get; }

    /// <summary>The sum of each customer's known prices, in units of 1 / <see cref="PriceScale"/>.</summary>
    public long[] CustomerRevenueUnits { get; }

    /// <summary>Orders with merged lines of each customer.</summary>
    public int[] CustomerOrders { get; }

    /// <summary>Each customer's highest prior order number (<see cref="CustomerOrderFacts.MaxOrder"/>).</summary>
    public int[] CustomerMaxOrder { get; private set; } = [];

    /// <summary>Each customer's median days between orders with lines (<see cref="CustomerOrderFacts.MedianDays"/>).</summary>
    public double[] CustomerMedianDays { get; private set; } = [];

    /// <summary>The price unit of <see cref="OrderRevenueUnits"/> (<see cref="ProductCatalog.PriceScale"/>).</summary>
    public long PriceScale { get; }

    /// <summary>Totals kept earlier (the columnar cache), as arrays of the right lengths.</summary>
    internal static LineTotals FromArrays(
        long priceScale,
        int departments,
        (int[] Lines, int[] Reordered, int[] Known, long[] Revenue, ulong[]? Departments) orders,
        (int[] Lines, int[] Reordered) products,
        (int[] Lines, int[] Reordered, int[] Known, long[] Revenue, int[] Orders, int[] MaxOrder, double[] MedianDays) customers,
        (int[] Lines, int[] Reordered)? cells) =>
        new(priceScale, departments, orders, products, customers, cells);

    private LineTotals(
        long priceScale,
        int departments,
        (int[] Lines, int[] Reordered, int[] Known, long[] Revenue, ulong[]? Departments) orders,
        (int[] Lines, int[] Reordered) products,
        (int[] Lines, int[] Reordered, int[] Known, long[] Revenue, int[] Orders, int[] MaxOrder, double[] MedianDays) customers,
        (int[] Lines, int[] Reordered)? cells)
    {
        PriceScale = priceScale;
        Departments = departments;
        (OrderLines, OrderReordered, OrderKnownPriceLines, OrderRevenueUnits, OrderDepartments) = orders;
        (ProductLines, ProductReordered) = products;
        (CustomerLines, CustomerReordered, CustomerKnownPriceLines, CustomerRevenueUnits, CustomerOrders, CustomerMaxOrder, CustomerMedianDays) = customers;
        (CustomerDepartmentLines, CustomerDepartmentReordered) = cells is { } c ? (c.Lines, c.Reordered) : ((int[]?)null, (int[]?)null);
    }

    /// <summary>Totals the merged lines in one pass on all cores, then per customer.</summary>
    /// <param name="lines">The merged lines.</param>
    /// <param name="orderCustomer">The customer row of each order row.</param>
    /// <param name="products">The clean products (price units, departments).</param>
    /// <param name="ordersTable">The orders table (order numbers and days for the per-customer facts).</param>
    /// <param name="customers">Rows of the customers table.</param>
    /// <param name="departments">The department dimension: the largest department id + 1.</param>
    /// <param name="parallelism">The threads and ranges of the pass.</param>
    public static LineTotals Compute(LineTable lines, int[] orderCustomer, ProductCatalog products, OrdersTable ordersTable, int customers, int departments, Parallelism parallelism)
    {
        var orders = ordersTable.Count;
        var totals = InRowOrder(lines, orderCustomer, products, orders, customers, departments, parallelism)
            ?? InFileOrder(lines, orderCustomer, products, orders, customers, departments, parallelism)
            ?? Grouped(lines, orderCustomer, products, orders, customers, departments, parallelism);

        // Customers from their orders (an order with lines always has a customer).
        for (var o = 0; o < orders; o++)
        {
            var n = totals.OrderLines[o];
            if (n == 0)
            {
                continue;
            }

            var c = orderCustomer[o];
            totals.CustomerLines[c] += n;
            totals.CustomerReordered[c] += totals.OrderReordered[o];
            totals.CustomerKnownPriceLines[c] += totals.OrderKnownPriceLines[o];
            totals.CustomerRevenueUnits[c] += totals.OrderRevenueUnits[o];
            totals.CustomerOrders[c]++;
        }

        totals.CustomerMaxOrder = CustomerOrderFacts.MaxOrder(ordersTable, orderCustomer, customers);
        totals.CustomerMedianDays = CustomerOrderFacts.MedianDays(ordersTable, orderCustomer, totals.OrderLines, customers, parallelism);
        return totals;
    }

    /// <summary>
    /// The pass over the orders in the orders table's row order, for lines in runs of one order that do not come in that
    /// order (the shop's files list lines by <c>order_id</c>) while the orders come grouped by customer (as the shop's
    /// files do): each order's run is found through where it starts (one pass over the lines), so the orders' totals
    /// and the customers' cells are written in sequence rather than each at a place of its own, and each worker, owning
    /// whole customers, counts their cells straight into the totals. The lines are read at each order's place instead,
    /// a read that is asked of memory some orders ahead. Null when the lines' runs are in row order (the file-order pass
    /// reads them in sequence), the orders are not grouped by customer, or some order's lines are in more than one run.
    /// </summary>
    internal static LineTotals? InRowOrder(LineTable lines, int[] orderCustomer, ProductCatalog products, int orders, int customers, int departments, Parallelism parallelism)
    {
        if (!RunsApart(lines.Order) || CustomerOrderFacts.CustomerRuns(orderCustomer, customers) is null || RunsByOrder(lines.Order, orders, parallelism) is not { } runOf)
        {
            return null;
        }

        return Pass(products, orders, customers, departments, KeyAlignedRanges(orderCustomer, parallelism), parallelism, directCells: true, (info, totals, partial, start, end) => AccumulateRows(lines, runOf, orderCustomer, info, totals, partial, start, end), out _);
    }

    /// <summary>Pairs of consecutive runs <see cref="RunsApart"/> looks at.</summary>
    private const int RunSamples = 4_096;

    /// <summary>Whether, in most of <see cref="RunSamples"/> sampled pairs of consecutive runs of one order's lines, the second order's row is not near the first's.</summary>
    private static bool RunsApart(int[] lineOrder)
    {
        int pairs = 0, near = 0;
        for (var k = 0; k < RunSamples && lineOrder.Length > 1; k++)
        {
            var at = (int)((long)k * (lineOrder.Length - 1) / RunSamples);
            var next = at + 1;
            while (next < lineOrder.Length && next - at < 4_096 && lineOrder[next] == lineOrder[at])
            {
                next++;
            }

            if (next < lineOrder.Length && lineOrder[next] != lineOrder[at])
            {
                pairs++;
                near += (uint)(lineOrder[next] - lineOrder[at] + Near) <= 2 * Near ? 1 : 0;
            }
        }

        return near * 2 < pairs;
    }

    /// <summary>
    /// Where each order's run of lines starts (low 32 bits) and its length (high 32 bits; 0: no lines), by order row,
    /// found by the workers over ranges of lines that end where an order ends; null when some order's lines are in
    /// more than one run.
    /// </summary>
    private static long[]? RunsByOrder(int[] lineOrder, int orders, Parallelism parallelism)
    {
        var runOf = new long[orders];
        var ranges = KeyAlignedRanges(lineOrder, parallelism);
        var twice = new bool[ranges.Length];
        parallelism.For(ranges.Length, r =>
        {
            var (i, end) = ranges[r];
            while (i < end)
            {
                var o = lineOrder[i];
                var first = i;
                while (i < end && lineOrder[i] == o)
                {
                    i++;
                }

                if (runOf[o] != 0)
                {
                    twice[r] = true;
                    return;
                }

                runOf[o] = (uint)first | ((long)(i - first) << 32);
            }
        });

        // Two runs of one order in two ranges may be written at once, neither seeing the other: then the runs kept
        // hold fewer lines than there are.
        long kept = 0;
        foreach (var run in runOf)
        {
            kept += run >> 32;
        }

        return twice.Contains(true) || kept != lineOrder.Length ? null : runOf;
    }

    /// <summary>Totals the orders of rows <c>[start, end)</c>, each from its run (<see cref="RunsByOrder"/>); returns the orders with lines.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static long AccumulateRows(LineTable lines, long[] runOf, int[] orderCustomer, ProductInfo[] productInfo, LineTotals totals, WorkerTotals partial, int start, int end)
    {
        var lineProduct = lines.Product;
        var lineReordered = lines.Reordered;
        long runs = 0;
        for (var o = start; o < end; o++)
        {
            // The lines of the order some rows on, at a place of their own, asked of memory now.
            if (o + RowLookAhead < end)
            {
                var ahead = (int)runOf[o + RowLookAhead];
                Prefetch.Element(lineProduct, ahead);
                Prefetch.Element(lineProduct, ahead + 15);
                Prefetch.Element(lineReordered, ahead);
            }

            var run = runOf[o];
            var count = (int)(run >> 32);
            if (count == 0)
            {
                continue;
            }

            var first = (int)run;
            var sum = partial.Sum(totals, orderCustomer[o]);
            for (var i = first; i < first + count; i++)
            {
                sum.Add(productInfo, lineProduct[i], lineReordered[i]);
            }

            sum.WriteTo(totals, o);
            runs++;
        }

        return runs;
    }

    /// <summary>Order rows ahead of the one being added whose lines <see cref="AccumulateRows"/> asks of memory.</summary>
    private const int RowLookAhead = 8;

    /// <summary>
    /// The pass over the lines in file order, when every order's lines are consecutive (as the files from the shop
    /// are): ranges end where an order ends, so each order's lines are totalled by one worker, which writes the
    /// order's cells alone. Null when the lines are not in runs of one order (a shuffled export), or some order's
    /// lines are split (more runs than orders with lines) and more than one range ran.
    /// </summary>
    private static LineTotals? InFileOrder(LineTable lines, int[] orderCustomer, ProductCatalog products, int orders, int customers, int departments, Parallelism parallelism)
    {
        var ranges = KeyAlignedRanges(lines.Order, parallelism);
        if (ranges.Length > 1 && !MostlyInRuns(lines.Order, ranges, parallelism))
        {
            return null;
        }

        var totals = Pass(products, orders, customers, departments, ranges, parallelism, directCells: false, (info, totals, partial, start, end) => Accumulate(lines, orderCustomer, info, totals, partial, start, end), out var runs);
        var ordersWithLines = 0;
        foreach (var n in totals.OrderLines)
        {
            ordersWithLines += n > 0 ? 1 : 0;
        }

        return runs == ordersWithLines || ranges.Length <= 1 ? totals : null;
    }

    /// <summary>
    /// The pass over the lines grouped by order (a counting sort, <see cref="RowGroups"/>): what the file-order pass
    /// does for sorted files, for lines in any order, on every core. The grouping keeps each line's product and
    /// reordered flag, so the pass reads one array straight through; the totals are integers, so the order of
    /// addition changes nothing.
    /// </summary>
    private static LineTotals Grouped(LineTable lines, int[] orderCustomer, ProductCatalog products, int orders, int customers, int departments, Parallelism parallelism)
    {
        var groups = RowGroups.ByKey(lines.Order, orders, new ProductAndReordered(lines.Product, lines.Reordered), parallelism);
        return Pass(products, orders, customers, departments, groups.Ranges(parallelism), parallelism, directCells: false, (info, totals, partial, start, end) => AccumulateGroups(groups, orderCustomer, info, totals, partial, start, end), out _);
    }

    private static bool MostlyInRuns(int[] lineOrder, (int Start, int End)[] ranges, Parallelism parallelism)
    {
        var runs = new long[ranges.Length];
        parallelism.For(ranges.Length, r =>
        {
            var (start, end) = ranges[r];
            long count = start < end ? 1 : 0;
            for (var i = start + 1; i < end; i++)
            {
                count += lineOrder[i] != lineOrder[i - 1] ? 1 : 0;
            }

            runs[r] = count;
        });
        return runs.Sum() * 2 <= lineOrder.Length;
    }

    /// <summary>
    /// Runs <paramref name="accumulate"/> over <paramref name="ranges"/> on the workers, then adds up the workers' product
    /// and cell counts; with <paramref name="directCells"/>, the workers own whole customers and count the cells
    /// straight into the totals. Otherwise the first worker still counts its cells straight into the totals (no other
    /// worker writes them until all are done), and each other worker into cells of its own, added at the end: one
    /// worker's cells fewer to touch fresh and add up.
    /// </summary>
    private static LineTotals Pass(
        ProductCatalog products,
        int orders,
        int customers,
        int departments,
        (int Start, int End)[] ranges,
        Parallelism parallelism,
        bool directCells,
        Func<ProductInfo[], LineTotals, WorkerTotals, int, int, long> accumulate,
        out long runs)
    {
        var totals = new LineTotals(orders, products.Count, customers, departments, products.PriceScale);
        // What a line needs of its product, side by side in one array (one cache line per lookup, not two).
        var productInfo = new ProductInfo[products.Count];
        for (var p = 0; p < productInfo.Length; p++)
        {
            productInfo[p] = new ProductInfo(products.PriceUnits[p], products.DepartmentId[p]);
        }

        var workers = 0;
        var partials = parallelism.ForRanges(
            ranges,
            () => new WorkerTotals(products.Count, totals, direct: directCells || Interlocked.Increment(ref workers) == 1),
            (partial, start, end) => partial.Runs += accumulate(productInfo, totals, partial, start, end));

        runs = 0;
        foreach (var partial in partials)
        {
            runs += partial.Runs;
            AddPairs(totals.ProductLines, totals.ProductReordered, partial.Products);
            if (partial.Cells is { } own && totals.CustomerDepartmentLines is { } cells && totals.CustomerDepartmentReordered is { } cellsReordered)
            {
                AddPairs(cells, cellsReordered, own);
            }
        }

        return totals;
    }

    /// <summary>Totals lines <c>[start, end)</c> in file order; returns the number of runs of one order's consecutive lines.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static long Accumulate(LineTable lines, int[] orderCustomer, ProductInfo[] productInfo, LineTotals totals, WorkerTotals partial, int start, int end)
    {
        var lineOrder = lines.Order;
        var lineProduct = lines.Product;
        var lineReordered = lines.Reordered;
        var hasCells = totals.CustomerDepartmentLines is not null;
        long runs = 0;
        var i = start;
        while (i < end)
        {
            // One run: the consecutive lines of one order, totalled in locals and written once.
            var o = lineOrder[i];
            var customer = orderCustomer[o];

            // The totals of the order some lines on asked of memory now when its row is far from this order's, and the
            // cells of the customer of the one half as far when that customer is far from this order's: where the
            // orders are not in the orders table's row order, or not grouped by customer (shuffled files), each is at a
            // place of its own; in order they are the next ones, already read.
            if (i + LookAhead < end)
            {
                if ((uint)(lineOrder[i + LookAhead] - o + Near) > 2 * Near)
                {
                    PrefetchOrder(totals, orderCustomer, lineOrder[i + LookAhead]);
                }

                if (hasCells && orderCustomer[lineOrder[i + (LookAhead / 2)]] is var aheadCustomer && (uint)(aheadCustomer - customer + NearCustomers) > 2 * NearCustomers)
                {
                    partial.PrefetchCells(totals, aheadCustomer);
                }
            }

            var sum = partial.Sum(totals, customer);
            for (; i < end && lineOrder[i] == o; i++)
            {
                sum.Add(productInfo, lineProduct[i], lineReordered[i]);
            }

            sum.WriteTo(totals, o);
            runs++;
        }

        return runs;
    }

    /// <summary>Lines ahead of the one being added whose order's cells <see cref="Accumulate"/> asks of memory (its customer's at half the distance).</summary>
    private const int LookAhead = 160;

    /// <summary>Order rows this close to the current one are taken as read in sequence (not asked for).</summary>
    private const int Near = 256;

    /// <summary>Customer rows this close to the current one are taken as read in sequence (their cells not asked for).</summary>
    private const int NearCustomers = 8;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static void PrefetchOrder(LineTotals totals, int[] orderCustomer, int o)
    {
        Prefetch.Element(totals.OrderLines, o);
        Prefetch.Element(totals.OrderReordered, o);
        Prefetch.Element(totals.OrderKnownPriceLines, o);
        Prefetch.Element(totals.OrderRevenueUnits, o);
        if (totals.OrderDepartments is { } masks)
        {
            Prefetch.Element(masks, o);
        }

        Prefetch.Element(orderCustomer, o);
    }

    /// <summary>
    /// Asks for one customer's cells, <c>[first, first + count)</c>, a cache line at a time and the last element (the
    /// 168 bytes of 21 departments' interleaved pairs span four cache lines when they start past a line's first quarter).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static void PrefetchCells(int[] cells, int first, int count)
    {
        var last = first + count - 1;
        for (var i = first; i < last; i += 16)
        {
            Prefetch.Element(cells, i);
        }

        Prefetch.Element(cells, last);
    }

    /// <summary>Totals the orders (groups, by order row) <c>[start, end)</c> of <paramref name="groups"/>; returns the orders with lines.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static long AccumulateGroups(RowGroups groups, int[] orderCustomer, ProductInfo[] productInfo, LineTotals totals, WorkerTotals partial, int start, int end)
    {
        var kept = groups.Rows;
        var starts = groups.Starts;
        long runs = 0;
        for (var g = start; g < end; g++)
        {
            if (starts[g] == starts[g + 1])
            {
                continue;
            }

            var o = g;
            var sum = partial.Sum(totals, orderCustomer[o]);
            for (var i = starts[g]; i < starts[g + 1]; i++)
            {
                sum.Add(productInfo, ProductAndReordered.Product(kept[i]), ProductAndReordered.Reordered(kept[i]));
            }

            sum.WriteTo(totals, o);
            runs++;
        }

        return runs;
    }

    /// <summary>
    /// The fixed ranges of <see cref="Parallelism.Ranges"/> over <paramref name="keys"/>, each end moved forward to where
    /// the key changes: lines cut where an order ends, order rows where a customer's orders end.
    /// </summary>
    private static (int Start, int End)[] KeyAlignedRanges(int[] keys, Parallelism parallelism)
    {
        var fixedRanges = parallelism.Ranges(keys.Length);
        var result = new List<(int, int)>(fixedRanges.Length);
        var start = 0;
        foreach (var (_, end) in fixedRanges)
        {
            var cut = Math.Max(end, start);
            while (cut > 0 && cut < keys.Length && keys[cut] == keys[cut - 1])
            {
                cut++;
            }

            if (cut > start)
            {
                result.Add((start, cut));
                start = cut;
            }
        }

        return [.. result];
    }

    /// <summary>Adds interleaved (lines, reordered) pairs into the two arrays.</summary>
    private static void AddPairs(int[] lines, int[] reordered, int[] pairs)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] += pairs[2 * i];
            reordered[i] += pairs[(2 * i) + 1];
        }
    }

    /// <summary>A product's price units (-1: missing) and department id.</summary>
    private readonly record struct ProductInfo(long Units, int Department);

    /// <summary>
    /// One order's totals in locals while its lines are added (the worker's product counts and its interleaved cell
    /// pairs, or the totals' own cells, directly), written to the order once.
    /// </summary>
    private struct OrderSum(int[] productPairs, int[]? cells, int[]? cellLines, int[]? cellReordered, int cellBase)
    {
        private int lines;
        private int reordered;
        private int known;
        private long revenue;
        private ulong mask;

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public void Add(ProductInfo[] productInfo, int p, int again)
        {
            lines++;
            reordered += again;
            productPairs[2 * p]++;
            productPairs[(2 * p) + 1] += again;
            var info = productInfo[p];
            if (info.Units >= 0)
            {
                known++;
                revenue += info.Units;
            }

            var d = info.Department;
            mask |= 1UL << d;
            if (cells is not null)
            {
                var cell = 2 * (cellBase + d);
                cells[cell]++;
                cells[cell + 1] += again;
            }
            else if (cellLines is not null)
            {
                cellLines[cellBase + d]++;
                cellReordered![cellBase + d] += again;
            }
        }

        // Inlined into the passes (compiled optimized at once): called once an order, it would otherwise run unoptimized
        // until the runtime recompiles it, some 100 ms into the pass.
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public readonly void WriteTo(LineTotals totals, int o)
        {
            totals.OrderLines[o] += lines;
            totals.OrderReordered[o] += reordered;
            totals.OrderKnownPriceLines[o] += known;
            totals.OrderRevenueUnits[o] += revenue;
            if (totals.OrderDepartments is { } masks)
            {
                masks[o] |= mask;
            }
        }
    }

    /// <summary>What the grouped pass keeps of a line: its product row and reordered flag in one int.</summary>
    private readonly struct ProductAndReordered(int[] product, byte[] reordered) : RowGroups.IRowValue
    {
        public static int Product(int kept) => kept >> 1;

        public static int Reordered(int kept) => kept & 1;

        public int Of(int row) => (product[row] << 1) | reordered[row];
    }

    /// <summary>
    /// One worker's product counts and where it counts the customer × department cells: straight into the totals
    /// (<paramref name="direct"/>: no other worker writes them meanwhile), or into cells of its own as interleaved
    /// (lines, reordered) pairs, added to the totals at the end. Orders are owned per range, so shared.
    /// </summary>
    private sealed class WorkerTotals(int products, LineTotals totals, bool direct)
    {
        public int[] Products { get; } = new int[2 * products];

        /// <summary>The worker's own interleaved cell pairs; null when it counts straight into the totals (or there are no cells).</summary>
        public int[]? Cells { get; } = direct || totals.CustomerDepartmentLines is not { } cells ? null : new int[2 * cells.Length];

        public long Runs { get; set; }

        /// <summary>A sum of one order of customer row <paramref name="customer"/>, counting its cells where this worker counts them.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public OrderSum Sum(LineTotals totals, int customer) =>
            totals.CustomerDepartmentLines is null ? new OrderSum(Products, null, null, null, 0)
            : Cells is { } own ? new OrderSum(Products, own, null, null, customer * totals.Departments)
            : new OrderSum(Products, null, totals.CustomerDepartmentLines, totals.CustomerDepartmentReordered, customer * totals.Departments);

        /// <summary>Asks memory for customer row <paramref name="customer"/>'s cells where this worker counts them.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public void PrefetchCells(LineTotals totals, int customer)
        {
            var departments = totals.Departments;
            if (Cells is { } own)
            {
                LineTotals.PrefetchCells(own, 2 * customer * departments, 2 * departments);
            }
            else if (totals.CustomerDepartmentLines is { } lines && totals.CustomerDepartmentReordered is { } reordered)
            {
                LineTotals.PrefetchCells(lines, customer * departments, departments);
                LineTotals.PrefetchCells(reordered, customer * departments, departments);
            }
        }
    }
}
