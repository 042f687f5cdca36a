using System.Numerics;
using Instacart.Analysis.Cleaning;
using Instacart.Analysis.Derivation;
using Instacart.Analysis.Model;

namespace Instacart.Analysis.Questions;

/// <summary>What a question needs beyond line, price and order counts.</summary>
[Flags]
internal enum GroupNeeds
{
    None = 0,
    Customers = 1,
    MedianDays = 2,
    Departments = 4,

    /// <summary>Distinct orders of product groups (order and customer groups always have them).</summary>
    Orders = 8,
}

/// <summary>
/// The totals of every group of a question: lines, known-price lines, revenue, reorders, distinct orders and
/// customers, per-department lines, and the median of <c>days_since_prior_order</c> over each group's orders.
/// Orders, customers or products whose group is -1 are outside the population.
/// </summary>
/// <remarks>
/// Two paths give the same numbers. The totals path adds up the per-order, per-product and per-customer totals of
/// <see cref="LineTotals"/> (made once per load), so a question costs a pass over the orders, not the lines. The line
/// path passes over the merged lines; it is the reference, and it serves what the totals cannot (departments of
/// order groups, customers or medians of product groups, orders of product groups that do not follow departments).
/// Revenue is an exact sum of price units in both, so neither depends on the order of additions.
/// </remarks>
internal sealed class GroupStats
{
    private static readonly AsyncLocal<bool> LinesOnly = new();

    private GroupStats(int groups, int departments, long priceScale)
    {
        Lines = new long[groups];
        KnownPriceLines = new long[groups];
        Reordered = new long[groups];
        RevenueUnits = new Int128[groups];
        Revenue = new double[groups];
        Orders = new long[groups];
        Customers = new long[groups];
        MedianDays = new double[groups];
        Array.Fill(MedianDays, double.NaN);
        DepartmentLines = new long[groups, departments];
        PriceScale = priceScale;
    }

    public long[] Lines { get; }

    public long[] KnownPriceLines { get; }

    public long[] Reordered { get; }

    /// <summary>Revenue as the nearest double of the exact sum.</summary>
    public double[] Revenue { get; }

    /// <summary>Distinct orders; -1 for product groups when <see cref="GroupNeeds.Orders"/> was not asked.</summary>
    public long[] Orders { get; }

    public long[] Customers { get; }

    public double[] MedianDays { get; }

    /// <summary>Lines per group and department id.</summary>
    public long[,] DepartmentLines { get; }

    public int Count => Lines.Length;

    /// <summary>Revenue in exact price units of 1 / <see cref="PriceScale"/>.</summary>
    private Int128[] RevenueUnits { get; }

    private long PriceScale { get; }

    /// <summary>Revenue / lines with a known price, or null.</summary>
    public double? MeanItemPrice(int g) => KnownPriceLines[g] == 0 ? null : Revenue[g] / KnownPriceLines[g];

    /// <summary>Revenue / orders, or null.</summary>
    public double? MeanOrderValue(int g) => Orders[g] <= 0 ? null : Revenue[g] / Orders[g];

    /// <summary>The median days, or null.</summary>
    public double? Median(int g) => double.IsNaN(MedianDays[g]) ? null : MedianDays[g];

    /// <summary>The department id with most lines in the group (ties: lower id), or -1.</summary>
    public int TopDepartment(int g)
    {
        int best = -1;
        long bestLines = 0;
        for (var d = 0; d < DepartmentLines.GetLength(1); d++)
        {
            if (DepartmentLines[g, d] > bestLines)
            {
                best = d;
                bestLines = DepartmentLines[g, d];
            }
        }

        return best;
    }

    /// <summary>Makes every group-by of the current flow take the line path, until disposed (tests compare the two).</summary>
    public static IDisposable UseLinePath()
    {
        var previous = LinesOnly.Value;
        LinesOnly.Value = true;
        return new Restore(() => LinesOnly.Value = previous);
    }

    /// <summary>Groups lines by their order's group (<paramref name="groupOfOrder"/>, by orders-table row).</summary>
    public static GroupStats ByOrder(InstacartData data, int groups, int[] groupOfOrder, GroupNeeds needs) =>
        LinesOnly.Value || (needs & GroupNeeds.Departments) != 0
            ? FromLines(data, groups, new OrderKey(data.Lines.Order, groupOfOrder), needs)
            : FromOrders(data, groups, new OrderGroup(groupOfOrder), needs, groupOfCustomer: null);

    /// <summary>Groups lines by their product's group (<paramref name="groupOfProduct"/>, by catalog row).</summary>
    public static GroupStats ByProduct(InstacartData data, int groups, int[] groupOfProduct, GroupNeeds needs)
    {
        var departmentOfGroup = (needs & GroupNeeds.Orders) != 0 ? DepartmentsOfGroups(data, groups, groupOfProduct) : [];
        return LinesOnly.Value || (needs & (GroupNeeds.Customers | GroupNeeds.MedianDays)) != 0 || departmentOfGroup is null
            ? FromLines(data, groups, new ProductKey(data.Lines.Product, groupOfProduct), needs | GroupNeeds.Orders)
            : FromProducts(data, groups, groupOfProduct, needs, departmentOfGroup);
    }

    /// <summary>Groups lines by their customer's group (<paramref name="groupOfCustomer"/>, by customers-table row).</summary>
    public static GroupStats ByCustomer(InstacartData data, int groups, int[] groupOfCustomer, GroupNeeds needs)
    {
        if (LinesOnly.Value || ((needs & GroupNeeds.Departments) != 0 && data.Totals.CustomerDepartmentLines is null))
        {
            return FromLines(data, groups, new CustomerKey(data.Lines.Order, data.Merge.OrderCustomer, groupOfCustomer), needs);
        }

        // A median over the groups' orders needs the orders; everything else is in the per-customer totals.
        return (needs & GroupNeeds.MedianDays) != 0
            ? FromOrders(data, groups, new CustomerGroup(data.Merge.OrderCustomer, groupOfCustomer), needs, groupOfCustomer)
            : FromCustomers(data, groups, groupOfCustomer, needs);
    }

    /// <summary>
    /// Groups lines by a function of their order's day of week (0–6) and hour (0–23): the orders' totals are added up
    /// once per data into the 168 day × hour cells, which every such question then groups.
    /// </summary>
    public static GroupStats ByDayAndHour(InstacartData data, int groups, Func<int, int, int> groupOf)
    {
        if (LinesOnly.Value)
        {
            var (dow, hour) = (data.Orders.DayOfWeek, data.Orders.HourOfDay);
            return ByOrder(data, groups, Population.OrderGroups(data, o => groupOf(dow[o], hour[o])), GroupNeeds.None);
        }

        var cells = data.Derived(typeof(DayHourCells), () => DayHourCells.Compute(data));
        var stats = new GroupStats(groups, 0, data.Totals.PriceScale);
        for (var day = 0; day < DayHourCells.Days; day++)
        {
            for (var hour = 0; hour < DayHourCells.Hours; hour++)
            {
                var g = groupOf(day, hour);
                var cell = (day * DayHourCells.Hours) + hour;
                if (g < 0)
                {
                    continue;
                }

                stats.Lines[g] += cells.Stats.Lines[cell];
                stats.Reordered[g] += cells.Stats.Reordered[cell];
                stats.KnownPriceLines[g] += cells.Stats.KnownPriceLines[cell];
                stats.RevenueUnits[g] += cells.Stats.RevenueUnits[cell];
                stats.Orders[g] += cells.Stats.Orders[cell];
            }
        }

        return stats.Finish();
    }

    /// <summary>The totals path for customer groups without medians: one pass over the per-customer totals.</summary>
    private static GroupStats FromCustomers(InstacartData data, int groups, int[] groupOfCustomer, GroupNeeds needs)
    {
        var totals = data.Totals;
        var wantDepartments = (needs & GroupNeeds.Departments) != 0;
        var stats = new GroupStats(groups, wantDepartments ? totals.Departments : 0, totals.PriceScale);
        for (var c = 0; c < groupOfCustomer.Length; c++)
        {
            var g = groupOfCustomer[c];
            var n = totals.CustomerLines[c];
            if (g < 0 || n == 0)
            {
                continue;
            }

            stats.Lines[g] += n;
            stats.Reordered[g] += totals.CustomerReordered[c];
            stats.KnownPriceLines[g] += totals.CustomerKnownPriceLines[c];
            stats.RevenueUnits[g] += totals.CustomerRevenueUnits[c];
            stats.Orders[g] += totals.CustomerOrders[c];
        }

        CustomerTotals(data, groupOfCustomer, stats, needs);
        return stats.Finish();
    }

    /// <summary>The totals path for order and customer groups: one pass over the orders' totals.</summary>
    private static GroupStats FromOrders<TKey>(InstacartData data, int groups, TKey key, GroupNeeds needs, int[]? groupOfCustomer)
        where TKey : struct, IOrderKey
    {
        var totals = data.Totals;
        var wantDepartments = (needs & GroupNeeds.Departments) != 0;
        var stats = new GroupStats(groups, wantDepartments ? totals.Departments : 0, totals.PriceScale);
        var wantMedian = (needs & GroupNeeds.MedianDays) != 0;
        // Whole days (as in the files) are counted per group and day; any other value needs the orders' bit sets.
        var days = data.Orders.DaysSincePrior;
        var countDays = wantMedian && data.Derived(typeof(WholeDays), () => new WholeDays(days)).All;
        var wantOrderBits = wantMedian && !countDays;
        // Distinct customers of customer groups are counted per customer below; of order groups, with bit sets.
        var customerBitsNeeded = (needs & GroupNeeds.Customers) != 0 && groupOfCustomer is null;
        var orderCustomer = data.Merge.OrderCustomer;
        var ranges = RangesOf(data.Orders.Count);
        var workers = Math.Max(1, Math.Min(Model.Parallelism.Degree, ranges.Length));
        var partials = new OrderPartial[workers];
        var next = -1;
        Model.Parallelism.For(workers, w =>
        {
            var partial = new OrderPartial(groups, wantOrderBits ? data.Orders.Count : 0, customerBitsNeeded ? data.Customers.Count : 0, countDays ? HistogramDays : 0);
            int r;
            while ((r = Interlocked.Increment(ref next)) < ranges.Length)
            {
                var (start, end) = ranges[r];
                for (var o = start; o < end; o++)
                {
                    var n = totals.OrderLines[o];
                    if (n == 0)
                    {
                        continue;
                    }

                    var g = key.GroupOf(o);
                    if (g < 0)
                    {
                        continue;
                    }

                    partial.Lines[g] += n;
                    partial.Reordered[g] += totals.OrderReordered[o];
                    partial.KnownPriceLines[g] += totals.OrderKnownPriceLines[o];
                    partial.RevenueUnits[g] += totals.OrderRevenueUnits[o];
                    partial.Orders[g]++;
                    if (countDays)
                    {
                        var day = days[o];
                        if (!float.IsNaN(day))
                        {
                            partial.DayCounts[(g * HistogramDays) + (int)day]++;
                        }
                    }
                    else if (wantOrderBits)
                    {
                        partial.OrderBits[g][o >> 6] |= 1UL << o;
                    }

                    if (customerBitsNeeded)
                    {
                        var c = orderCustomer[o];
                        partial.CustomerBits[g][c >> 6] |= 1UL << c;
                    }
                }
            }

            partials[w] = partial;
        });

        var first = partials[0];
        foreach (var partial in partials)
        {
            for (var g = 0; g < groups; g++)
            {
                stats.Lines[g] += partial.Lines[g];
                stats.Reordered[g] += partial.Reordered[g];
                stats.KnownPriceLines[g] += partial.KnownPriceLines[g];
                stats.RevenueUnits[g] += partial.RevenueUnits[g];
                stats.Orders[g] += partial.Orders[g];
                if (!ReferenceEquals(partial, first))
                {
                    Or(first.OrderBits[g], partial.OrderBits[g]);
                    Or(first.CustomerBits[g], partial.CustomerBits[g]);
                }
            }

            if (!ReferenceEquals(partial, first))
            {
                for (var i = 0; i < partial.DayCounts.Length; i++)
                {
                    first.DayCounts[i] += partial.DayCounts[i];
                }
            }
        }

        if (customerBitsNeeded)
        {
            for (var g = 0; g < groups; g++)
            {
                stats.Customers[g] = PopCount(first.CustomerBits[g]);
            }
        }
        else if (groupOfCustomer is not null)
        {
            CustomerTotals(data, groupOfCustomer, stats, needs);
        }

        if (countDays)
        {
            for (var g = 0; g < groups; g++)
            {
                stats.MedianDays[g] = MedianOfCounts(first.DayCounts.AsSpan(g * HistogramDays, HistogramDays));
            }
        }
        else if (wantOrderBits)
        {
            Model.Parallelism.For(groups, g => stats.MedianDays[g] = MedianOver(first.OrderBits[g], days));
        }

        return stats.Finish();
    }

    /// <summary>Customers with lines, and department lines, of customer groups, from the per-customer totals.</summary>
    private static void CustomerTotals(InstacartData data, int[] groupOfCustomer, GroupStats stats, GroupNeeds needs)
    {
        var customerLines = data.Customers.Lines;
        var cells = (needs & GroupNeeds.Departments) != 0 ? data.Totals.CustomerDepartmentLines : null;
        var departments = data.Totals.Departments;
        for (var c = 0; c < groupOfCustomer.Length; c++)
        {
            var g = groupOfCustomer[c];
            if (g < 0 || customerLines[c] == 0)
            {
                continue;
            }

            stats.Customers[g]++;
            if (cells is not null)
            {
                var at = c * departments;
                for (var d = 0; d < departments; d++)
                {
                    stats.DepartmentLines[g, d] += cells[at + d];
                }
            }
        }
    }

    /// <summary>The totals path for product groups: the per-product totals, and distinct orders from each order's departments.</summary>
    private static GroupStats FromProducts(InstacartData data, int groups, int[] groupOfProduct, GroupNeeds needs, int[] groupOfDepartment)
    {
        var totals = data.Totals;
        var wantDepartments = (needs & GroupNeeds.Departments) != 0;
        var stats = new GroupStats(groups, wantDepartments ? totals.Departments : 0, totals.PriceScale);
        var units = data.Products.PriceUnits;
        var departmentOf = data.Products.DepartmentId;
        for (var p = 0; p < groupOfProduct.Length; p++)
        {
            var g = groupOfProduct[p];
            var n = totals.ProductLines[p];
            if (g < 0 || n == 0)
            {
                continue;
            }

            stats.Lines[g] += n;
            stats.Reordered[g] += totals.ProductReordered[p];
            if (units[p] >= 0)
            {
                stats.KnownPriceLines[g] += n;
                stats.RevenueUnits[g] += (Int128)n * units[p];
            }

            if (wantDepartments)
            {
                stats.DepartmentLines[g, departmentOf[p]] += n;
            }
        }

        if ((needs & GroupNeeds.Orders) == 0)
        {
            Array.Fill(stats.Orders, -1);
            return stats.Finish();
        }

        // An order counts once for each group among its departments' groups.
        var masks = totals.OrderDepartments!;
        var ranges = RangesOf(data.Orders.Count);
        var counts = new long[ranges.Length][];
        Model.Parallelism.For(ranges.Length, r =>
        {
            var orders = new long[groups];
            var seen = new int[groups];
            var (start, end) = ranges[r];
            for (var o = start; o < end; o++)
            {
                var mask = masks[o];
                while (mask != 0)
                {
                    var d = BitOperations.TrailingZeroCount(mask);
                    mask &= mask - 1;
                    var g = groupOfDepartment[d];
                    if (g >= 0 && seen[g] != o + 1)
                    {
                        seen[g] = o + 1;
                        orders[g]++;
                    }
                }
            }

            counts[r] = orders;
        });
        foreach (var orders in counts)
        {
            for (var g = 0; g < groups; g++)
            {
                stats.Orders[g] += orders[g];
            }
        }

        return stats.Finish();
    }

    /// <summary>
    /// The group of each department id when every product with lines has its department's one group (so an order's
    /// groups follow from its departments), else null; also null when orders keep no department sets.
    /// </summary>
    private static int[]? DepartmentsOfGroups(InstacartData data, int groups, int[] groupOfProduct)
    {
        if (data.Totals.OrderDepartments is null)
        {
            return null;
        }

        const int Unseen = int.MinValue;
        var groupOf = new int[data.Totals.Departments];
        Array.Fill(groupOf, Unseen);
        var departmentOf = data.Products.DepartmentId;
        for (var p = 0; p < groupOfProduct.Length; p++)
        {
            if (data.Totals.ProductLines[p] == 0)
            {
                continue;
            }

            var d = departmentOf[p];
            var g = groupOfProduct[p] < 0 ? -1 : groupOfProduct[p];
            if (groupOf[d] == Unseen)
            {
                groupOf[d] = g;
            }
            else if (groupOf[d] != g)
            {
                return null;
            }
        }

        for (var d = 0; d < groupOf.Length; d++)
        {
            groupOf[d] = groupOf[d] == Unseen ? -1 : groupOf[d];
        }

        return groups > 0 ? groupOf : null;
    }

    /// <summary>The line path: one pass over the merged lines (parallel ranges, exact merges).</summary>
    private static GroupStats FromLines<TKey>(InstacartData data, int groups, TKey key, GroupNeeds needs)
        where TKey : struct, ILineKey
    {
        var departments = data.Input.Departments.MaxId + 1;
        var wantCustomers = (needs & GroupNeeds.Customers) != 0;
        var wantDepartments = (needs & GroupNeeds.Departments) != 0;
        var stats = new GroupStats(groups, wantDepartments ? departments : 0, data.Products.PriceScale);
        var lines = data.Lines;
        var ranges = Model.Parallelism.Ranges(lines.Count);
        var workers = Math.Max(1, Math.Min(Model.Parallelism.Degree, ranges.Length));
        var partials = new Partial[workers];
        var next = -1;
        Model.Parallelism.For(workers, w =>
        {
            var partial = new Partial(groups, wantDepartments ? departments : 0, data.Orders.Count, wantCustomers ? data.Customers.Count : 0);
            int r;
            while ((r = Interlocked.Increment(ref next)) < ranges.Length)
            {
                Accumulate(data, key, ranges[r].Start, ranges[r].End, partial, wantCustomers, wantDepartments);
            }

            partials[w] = partial;
        });

        var orderBits = partials[0].OrderBits;
        var customerBits = partials[0].CustomerBits;
        foreach (var partial in partials)
        {
            for (var g = 0; g < groups; g++)
            {
                stats.Lines[g] += partial.Lines[g];
                stats.KnownPriceLines[g] += partial.KnownPriceLines[g];
                stats.Reordered[g] += partial.Reordered[g];
                stats.RevenueUnits[g] += partial.RevenueUnits[g];
                for (var d = 0; d < stats.DepartmentLines.GetLength(1); d++)
                {
                    stats.DepartmentLines[g, d] += partial.DepartmentLines[(g * departments) + d];
                }

                if (!ReferenceEquals(partial, partials[0]))
                {
                    Or(orderBits[g], partial.OrderBits[g]);
                    Or(customerBits[g], partial.CustomerBits[g]);
                }
            }
        }

        for (var g = 0; g < groups; g++)
        {
            stats.Orders[g] = PopCount(orderBits[g]);
            stats.Customers[g] = PopCount(customerBits[g]);
        }

        if ((needs & GroupNeeds.MedianDays) != 0)
        {
            var days = data.Orders.DaysSincePrior;
            Model.Parallelism.For(groups, g => stats.MedianDays[g] = MedianOver(orderBits[g], days));
        }

        return stats.Finish();
    }

    /// <summary>Turns the exact revenue sums into doubles.</summary>
    private GroupStats Finish()
    {
        for (var g = 0; g < Count; g++)
        {
            Revenue[g] = ExactPrices.ToDouble(RevenueUnits[g], PriceScale);
        }

        return this;
    }

    /// <summary>Order ranges for the totals path: a few per worker.</summary>
    private static (int Start, int End)[] RangesOf(int orders)
    {
        var count = Math.Clamp(orders / (1 << 16), 1, Math.Max(1, Model.Parallelism.Degree * 4));
        var result = new (int, int)[count];
        for (var r = 0; r < count; r++)
        {
            result[r] = ((int)((long)orders * r / count), (int)((long)orders * (r + 1) / count));
        }

        return result;
    }

    private static void Accumulate<TKey>(InstacartData data, TKey key, int start, int end, Partial partial, bool wantCustomers, bool wantDepartments)
        where TKey : struct, ILineKey
    {
        var lineOrder = data.Lines.Order;
        var lineProduct = data.Lines.Product;
        var lineReordered = data.Lines.Reordered;
        var units = data.Products.PriceUnits;
        var departmentOf = data.Products.DepartmentId;
        var orderCustomer = data.Merge.OrderCustomer;
        var departments = partial.Departments;
        var lines = partial.Lines;
        var reordered = partial.Reordered;
        var knownPriceLines = partial.KnownPriceLines;
        var revenue = partial.RevenueUnits;
        var departmentLines = partial.DepartmentLines;
        var orderBits = partial.OrderBits;
        var customerBits = partial.CustomerBits;
        var lastOrder = -1;
        var lastGroup = -1;
        for (var i = start; i < end; i++)
        {
            var o = lineOrder[i];
            int g;
            if (key.PerOrder && o == lastOrder)
            {
                // Lines of one order sit together in the file: the group and the distinct-order bit are known.
                g = lastGroup;
                if (g < 0)
                {
                    continue;
                }
            }
            else
            {
                g = key.GroupOf(i);
                lastOrder = o;
                lastGroup = g;
                if (g < 0)
                {
                    continue;
                }

                orderBits[g][o >> 6] |= 1UL << o;
                if (wantCustomers)
                {
                    var c = orderCustomer[o];
                    customerBits[g][c >> 6] |= 1UL << c;
                }
            }

            var p = lineProduct[i];
            lines[g]++;
            reordered[g] += lineReordered[i];
            var known = units[p];
            if (known >= 0)
            {
                knownPriceLines[g]++;
                revenue[g] += known;
            }

            if (wantDepartments)
            {
                departmentLines[(g * departments) + departmentOf[p]]++;
            }
        }
    }

    /// <summary>Largest whole day counted by the histogram median; other values take the sorting path.</summary>
    private const int HistogramDays = 1024;

    /// <summary>
    /// The median of the non-missing days of the orders in <paramref name="bits"/>, equal to
    /// <see cref="Rules.Median"/> of those values. Days are whole numbers in the data (<c>15.0</c>), so they are
    /// counted per day and the middle values are read from the counts; any other value falls back to the sort.
    /// </summary>
    internal static double MedianOver(ulong[] bits, float[] days)
    {
        Span<long> counts = stackalloc long[HistogramDays];
        counts.Clear();
        for (var w = 0; w < bits.Length; w++)
        {
            var word = bits[w];
            while (word != 0)
            {
                var o = (w << 6) + BitOperations.TrailingZeroCount(word);
                word &= word - 1;
                var d = days[o];
                if (float.IsNaN(d))
                {
                    continue;
                }

                var whole = (int)d;
                if (whole != d || whole < 0 || whole >= HistogramDays || (whole == 0 && float.IsNegative(d)))
                {
                    return MedianBySort(bits, days);
                }

                counts[whole]++;
            }
        }

        return MedianOfCounts(counts);
    }

    /// <summary>The median of whole-day values given as counts per day (index = day); NaN when there are none.</summary>
    private static double MedianOfCounts(ReadOnlySpan<long> counts)
    {
        long n = 0;
        foreach (var count in counts)
        {
            n += count;
        }

        if (n == 0)
        {
            return double.NaN;
        }

        // The k-th smallest (0-based) value, as the sorted array would hold it.
        static float At(ReadOnlySpan<long> histogram, long k)
        {
            for (var v = 0; v < histogram.Length; v++)
            {
                if (k < histogram[v])
                {
                    return v;
                }

                k -= histogram[v];
            }

            throw new InvalidOperationException("median index beyond the count");
        }

        var mid = n / 2;
        return n % 2 == 1 ? At(counts, mid) : (At(counts, mid - 1) + (double)At(counts, mid)) / 2;
    }

    private static double MedianBySort(ulong[] bits, float[] days)
    {
        var buffer = new List<float>();
        for (var w = 0; w < bits.Length; w++)
        {
            var word = bits[w];
            while (word != 0)
            {
                var o = (w << 6) + BitOperations.TrailingZeroCount(word);
                word &= word - 1;
                if (!float.IsNaN(days[o]))
                {
                    buffer.Add(days[o]);
                }
            }
        }

        return Rules.Median(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(buffer));
    }

    private static void Or(ulong[] into, ulong[] from)
    {
        for (var w = 0; w < from.Length; w++)
        {
            into[w] |= from[w];
        }
    }

    private static long PopCount(ulong[] bits)
    {
        long count = 0;
        foreach (var word in bits)
        {
            count += BitOperations.PopCount(word);
        }

        return count;
    }

    private interface ILineKey
    {
        /// <summary>Whether the group is a function of the line's order (so consecutive lines of one order share it).</summary>
        bool PerOrder { get; }

        int GroupOf(int line);
    }

    /// <summary>One line-path worker's totals, merged exactly.</summary>
    private sealed class Partial
    {
        public Partial(int groups, int departments, int orders, int customers)
        {
            Departments = departments;
            Lines = new long[groups];
            KnownPriceLines = new long[groups];
            Reordered = new long[groups];
            RevenueUnits = new Int128[groups];
            DepartmentLines = new long[groups * departments];
            OrderBits = new ulong[groups][];
            CustomerBits = new ulong[groups][];
            for (var g = 0; g < groups; g++)
            {
                OrderBits[g] = new ulong[(orders + 63) / 64];
                CustomerBits[g] = new ulong[(customers + 63) / 64];
            }
        }

        public int Departments { get; }

        public long[] Lines { get; }

        public long[] KnownPriceLines { get; }

        public long[] Reordered { get; }

        public Int128[] RevenueUnits { get; }

        public long[] DepartmentLines { get; }

        public ulong[][] OrderBits { get; }

        public ulong[][] CustomerBits { get; }
    }

    private readonly struct OrderKey(int[] lineOrder, int[] groupOfOrder) : ILineKey
    {
        public bool PerOrder => true;

        public int GroupOf(int line) => groupOfOrder[lineOrder[line]];
    }

    private readonly struct ProductKey(int[] lineProduct, int[] groupOfProduct) : ILineKey
    {
        public bool PerOrder => false;

        public int GroupOf(int line) => groupOfProduct[lineProduct[line]];
    }

    private readonly struct CustomerKey(int[] lineOrder, int[] orderCustomer, int[] groupOfCustomer) : ILineKey
    {
        public bool PerOrder => true;

        public int GroupOf(int line) => groupOfCustomer[orderCustomer[lineOrder[line]]];
    }

    private interface IOrderKey
    {
        int GroupOf(int order);
    }

    private readonly struct OrderGroup(int[] groupOfOrder) : IOrderKey
    {
        public int GroupOf(int order) => groupOfOrder[order];
    }

    private readonly struct CustomerGroup(int[] orderCustomer, int[] groupOfCustomer) : IOrderKey
    {
        public int GroupOf(int order) => groupOfCustomer[orderCustomer[order]];
    }

    /// <summary>One range of orders' totals; bit sets only when a median or the customers of order groups need them.</summary>
    private sealed class OrderPartial
    {
        public OrderPartial(int groups, int orders, int customers, int days)
        {
            DayCounts = new long[groups * days];
            Lines = new long[groups];
            Reordered = new long[groups];
            KnownPriceLines = new long[groups];
            RevenueUnits = new Int128[groups];
            Orders = new long[groups];
            OrderBits = new ulong[groups][];
            CustomerBits = new ulong[groups][];
            for (var g = 0; g < groups; g++)
            {
                OrderBits[g] = new ulong[(orders + 63) / 64];
                CustomerBits[g] = new ulong[(customers + 63) / 64];
            }
        }

        public long[] Lines { get; }

        public long[] Reordered { get; }

        public long[] KnownPriceLines { get; }

        public Int128[] RevenueUnits { get; }

        public long[] Orders { get; }

        public ulong[][] OrderBits { get; }

        public ulong[][] CustomerBits { get; }

        /// <summary>Orders per group and whole day, at <c>group * HistogramDays + day</c>.</summary>
        public long[] DayCounts { get; }
    }

    /// <summary>Whether every <c>days_since_prior_order</c> is missing or a whole day the histogram counts.</summary>
    private sealed class WholeDays(float[] days)
    {
        public bool All { get; } = days.All(d => float.IsNaN(d) || (d >= 0 && d < HistogramDays && d == (int)d && !(d == 0 && float.IsNegative(d))));
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }

    /// <summary>The orders' totals per day of week and hour of day (the lines population), made once per data.</summary>
    private sealed class DayHourCells
    {
        public const int Days = 7;
        public const int Hours = 24;

        private DayHourCells(GroupStats stats) => Stats = stats;

        /// <summary>Cell <c>day * 24 + hour</c>.</summary>
        public GroupStats Stats { get; }

        public static DayHourCells Compute(InstacartData data)
        {
            var (dow, hour) = (data.Orders.DayOfWeek, data.Orders.HourOfDay);
            var cellOfOrder = Population.OrderGroups(data, o => dow[o] < Days && hour[o] < Hours ? (dow[o] * Hours) + hour[o] : throw new InvalidOperationException($"order row {o}: day {dow[o]}, hour {hour[o]}"));
            return new DayHourCells(ByOrder(data, Days * Hours, cellOfOrder, GroupNeeds.None));
        }
    }
}
