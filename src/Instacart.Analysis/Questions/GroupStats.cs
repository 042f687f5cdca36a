using Instacart.Data.Cleaning;
using Instacart.Data.Lines;
using Instacart.Data;

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

/// <summary>Which path a group-by takes (<see cref="GroupStats"/>).</summary>
internal enum GroupPath
{
    /// <summary>The totals wherever they serve the needs, else the lines: what the questions use.</summary>
    Fastest,

    /// <summary>The line path whatever the needs (it serves them all), so that it can be checked on any grouping.</summary>
    Lines,
}

/// <summary>
/// The totals of every group of a question: lines, known-price lines, revenue, reorders, distinct orders and
/// customers, per-department lines, and the median of <c>days_since_prior_order</c> over each group's orders.
/// Orders, customers or products whose group is -1 are outside the population.
/// </summary>
/// <remarks>
/// Two paths give the same numbers. The totals path adds up the per-order, per-product and per-customer totals of
/// <see cref="LineTotals"/> (made once per load), so a question costs a pass over the orders, not the lines. The line
/// path passes over the merged lines, for what the totals cannot give (departments of order groups, customers or
/// medians of product groups, orders of product groups that do not follow departments, departments of customer groups
/// when there are too many cells to keep). Revenue is an exact sum of price units in both, so neither depends on the
/// order of additions. Both run on the threads of the data's load (<see cref="InstacartData"/>). The tests check both
/// (the line path forced with <see cref="GroupPath.Lines"/>) against a plain line-by-line reference of their own.
/// </remarks>
internal sealed partial class GroupStats
{
    private GroupStats(int groups, int departments, long priceScale, bool days = false)
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
        Days = days ? new DayHistogram[groups] : null;
        if (Days is not null)
        {
            for (var g = 0; g < groups; g++)
            {
                Days[g] = new DayHistogram();
            }
        }
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

    /// <summary>Each group's days between orders (one value per order), when <see cref="GroupNeeds.MedianDays"/> was asked; else null.</summary>
    public DayHistogram[]? Days { get; private set; }

    /// <summary>Lines per group and department id.</summary>
    public long[,] DepartmentLines { get; }

    public int Count => Lines.Length;

    /// <summary>Revenue in exact price units of 1 / <see cref="PriceScale"/>.</summary>
    public Int128[] RevenueUnits { get; }

    /// <summary>The number of price units in 1.</summary>
    public long PriceScale { get; }

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

    /// <summary>Groups lines by their order's group (<paramref name="groupOfOrder"/>, by orders-table row).</summary>
    public static GroupStats ByOrder(InstacartData data, int groups, int[] groupOfOrder, GroupNeeds needs, GroupPath path = GroupPath.Fastest) =>
        path == GroupPath.Lines || (needs & GroupNeeds.Departments) != 0
            ? FromLines(data, groups, new OrderKey(data.Lines.Order, groupOfOrder), needs)
            : FromOrders(data, groups, new OrderGroup(groupOfOrder), needs, groupOfCustomer: null);

    /// <summary>Groups lines by their product's group (<paramref name="groupOfProduct"/>, by catalog row).</summary>
    public static GroupStats ByProduct(InstacartData data, int groups, int[] groupOfProduct, GroupNeeds needs, GroupPath path = GroupPath.Fastest)
    {
        var departmentOfGroup = (needs & GroupNeeds.Orders) != 0 ? DepartmentsOfGroups(data, groups, groupOfProduct) : [];
        return path == GroupPath.Lines || (needs & (GroupNeeds.Customers | GroupNeeds.MedianDays)) != 0 || departmentOfGroup is null
            ? FromLines(data, groups, new ProductKey(data.Lines.Product, groupOfProduct), needs | GroupNeeds.Orders)
            : FromProducts(data, groups, groupOfProduct, needs, departmentOfGroup);
    }

    /// <summary>Groups lines by their customer's group (<paramref name="groupOfCustomer"/>, by customers-table row).</summary>
    public static GroupStats ByCustomer(InstacartData data, int groups, int[] groupOfCustomer, GroupNeeds needs, GroupPath path = GroupPath.Fastest)
    {
        if (path == GroupPath.Lines || ((needs & GroupNeeds.Departments) != 0 && data.Totals.CustomerDepartmentLines is null))
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
    /// once per load into the 168 day × hour cells (<see cref="DayHourTotals"/>), which every such question then groups.
    /// </summary>
    public static GroupStats ByDayAndHour(InstacartData data, int groups, Func<int, int, int> groupOf, GroupPath path = GroupPath.Fastest)
    {
        if (path == GroupPath.Lines)
        {
            var (dow, hour) = (data.Orders.DayOfWeek, data.Orders.HourOfDay);
            return ByOrder(data, groups, Population.OrderGroups(data, o => groupOf(dow[o], hour[o])), GroupNeeds.None, GroupPath.Lines);
        }

        var cells = data.DayHour;
        var stats = new GroupStats(groups, 0, data.Totals.PriceScale);
        for (var day = 0; day < DayHourTotals.Days; day++)
        {
            for (var hour = 0; hour < DayHourTotals.Hours; hour++)
            {
                var g = groupOf(day, hour);
                var cell = (day * DayHourTotals.Hours) + hour;
                if (g < 0)
                {
                    continue;
                }

                stats.Lines[g] += cells.Lines[cell];
                stats.Reordered[g] += cells.Reordered[cell];
                stats.KnownPriceLines[g] += cells.KnownPriceLines[cell];
                stats.RevenueUnits[g] += cells.RevenueUnits[cell];
                stats.Orders[g] += cells.Orders[cell];
            }
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

    /// <summary>
    /// Adds the workers' partial totals into these totals. Counts are added; the first worker's bit sets and day counts
    /// receive the others' (the caller reads them there). Exact in any order, so the result does not depend on how
    /// the work was split. Returns that first worker's partial.
    /// </summary>
    private Partial Merge(Partial[] partials)
    {
        var first = partials[0];
        foreach (var partial in partials)
        {
            for (var g = 0; g < Count; g++)
            {
                Lines[g] += partial.Lines[g];
                KnownPriceLines[g] += partial.KnownPriceLines[g];
                Reordered[g] += partial.Reordered[g];
                RevenueUnits[g] += partial.RevenueUnits[g];
                Orders[g] += partial.Orders[g];
                for (var d = 0; d < partial.Departments; d++)
                {
                    DepartmentLines[g, d] += partial.DepartmentLines[(g * partial.Departments) + d];
                }

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

        return first;
    }

    /// <summary>One worker's totals on either path; bit sets and day counts only as long as asked for.</summary>
    private sealed class Partial
    {
        public Partial(int groups, int departments, int orders, int customers, int days)
        {
            Departments = departments;
            Lines = new long[groups];
            KnownPriceLines = new long[groups];
            Reordered = new long[groups];
            RevenueUnits = new Int128[groups];
            Orders = new long[groups];
            DepartmentLines = new long[groups * departments];
            DayCounts = new long[groups * days];
            OrderBits = new ulong[groups][];
            CustomerBits = new ulong[groups][];
            for (var g = 0; g < groups; g++)
            {
                OrderBits[g] = new ulong[(orders + 63) / 64];
                CustomerBits[g] = new ulong[(customers + 63) / 64];
            }
        }

        /// <summary>The department dimension of <see cref="DepartmentLines"/> (0: not counted).</summary>
        public int Departments { get; }

        public long[] Lines { get; }

        public long[] KnownPriceLines { get; }

        public long[] Reordered { get; }

        public Int128[] RevenueUnits { get; }

        /// <summary>Orders counted by the totals path (the line path counts them with bit sets).</summary>
        public long[] Orders { get; }

        /// <summary>Lines per group and department id, at <c>group * Departments + department</c>.</summary>
        public long[] DepartmentLines { get; }

        /// <summary>Orders per group and whole day, at <c>group * HistogramDays + day</c>.</summary>
        public long[] DayCounts { get; }

        public ulong[][] OrderBits { get; }

        public ulong[][] CustomerBits { get; }
    }
}
