using System.Numerics;
using Instacart.Analysis.Derivation;

namespace Instacart.Analysis.Questions;

/// <summary>What a question needs beyond line, price and order counts.</summary>
[Flags]
internal enum GroupNeeds
{
    None = 0,
    Customers = 1,
    MedianDays = 2,
    Departments = 4,
}

/// <summary>
/// One pass over the merged lines that totals every group of a question: lines, known-price lines, revenue,
/// reorders, distinct orders and customers (bit sets, exact), per-department lines, and the median of
/// <c>days_since_prior_order</c> over each group's orders. Lines whose group is -1 are outside the population.
/// </summary>
internal sealed class GroupStats
{
    private GroupStats(int groups, int departments)
    {
        Lines = new long[groups];
        KnownPriceLines = new long[groups];
        Reordered = new long[groups];
        Revenue = new double[groups];
        Orders = new long[groups];
        Customers = new long[groups];
        MedianDays = new double[groups];
        Array.Fill(MedianDays, double.NaN);
        DepartmentLines = new long[groups, departments];
    }

    public long[] Lines { get; }

    public long[] KnownPriceLines { get; }

    public long[] Reordered { get; }

    public double[] Revenue { get; }

    public long[] Orders { get; }

    public long[] Customers { get; }

    public double[] MedianDays { get; }

    /// <summary>Lines per group and department id.</summary>
    public long[,] DepartmentLines { get; }

    public int Count => Lines.Length;

    /// <summary>Revenue / lines with a known price, or null.</summary>
    public double? MeanItemPrice(int g) => KnownPriceLines[g] == 0 ? null : Revenue[g] / KnownPriceLines[g];

    /// <summary>Revenue / orders, or null.</summary>
    public double? MeanOrderValue(int g) => Orders[g] == 0 ? null : Revenue[g] / Orders[g];

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
    public static GroupStats ByOrder(InstacartData data, int groups, int[] groupOfOrder, GroupNeeds needs) =>
        Compute(data, groups, new OrderKey(data.Lines.Order, groupOfOrder), needs);

    /// <summary>Groups lines by their product's group (<paramref name="groupOfProduct"/>, by catalog row).</summary>
    public static GroupStats ByProduct(InstacartData data, int groups, int[] groupOfProduct, GroupNeeds needs) =>
        Compute(data, groups, new ProductKey(data.Lines.Product, groupOfProduct), needs);

    /// <summary>Groups lines by their customer's group (<paramref name="groupOfCustomer"/>, by customers-table row).</summary>
    public static GroupStats ByCustomer(InstacartData data, int groups, int[] groupOfCustomer, GroupNeeds needs) =>
        Compute(data, groups, new CustomerKey(data.Lines.Order, data.Merge.OrderCustomer, groupOfCustomer), needs);

    private static GroupStats Compute<TKey>(InstacartData data, int groups, TKey key, GroupNeeds needs)
        where TKey : struct, ILineKey
    {
        var departments = data.Input.Departments.MaxId + 1;
        var wantCustomers = (needs & GroupNeeds.Customers) != 0;
        var wantDepartments = (needs & GroupNeeds.Departments) != 0;
        var stats = new GroupStats(groups, wantDepartments ? departments : 0);
        var lines = data.Lines;

        // Line ranges spread over workers; each worker owns its counters and bit sets, which are exact in any
        // order (integers, bit sets). Revenue is not: a double running sum depends on the order of additions (a
        // revenue of exactly x.5 rounded to 6 digits differed between splits), so the workers only record each
        // line's group, and one streaming pass then adds the prices in line order, exactly as the plain loop did.
        var ranges = Model.Parallelism.Ranges(lines.Count);
        var lineGroup = groups < Outside ? System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Max(1, lines.Count)) : null;
        var revenue = new RevenueCursor(data, ranges, lineGroup, stats.Revenue);
        var workers = Math.Max(1, Math.Min(Model.Parallelism.Degree, ranges.Length));
        var partials = new Partial[workers];
        var next = -1;
        Model.Parallelism.For(workers, w =>
        {
            var partial = new Partial(groups, wantDepartments ? departments : 0, data.Orders.Count, wantCustomers ? data.Customers.Count : 0);
            int r;
            while ((r = Interlocked.Increment(ref next)) < ranges.Length)
            {
                Accumulate(data, key, ranges[r].Start, ranges[r].End, partial, lineGroup, wantCustomers, wantDepartments);
                revenue.Done(r);
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

        if (lineGroup is null)
        {
            SumRevenue(data, key, stats.Revenue);
        }
        else
        {
            revenue.Finish();
            System.Buffers.ArrayPool<byte>.Shared.Return(lineGroup);
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

        return stats;
    }

    private static void Accumulate<TKey>(InstacartData data, TKey key, int start, int end, Partial partial, byte[]? lineGroup, bool wantCustomers, bool wantDepartments)
        where TKey : struct, ILineKey
    {
        var lineOrder = data.Lines.Order;
        var lineProduct = data.Lines.Product;
        var lineReordered = data.Lines.Reordered;
        var price = data.Products.Price;
        var departmentOf = data.Products.DepartmentId;
        var orderCustomer = data.Merge.OrderCustomer;
        var departments = partial.Departments;
        var lines = partial.Lines;
        var reordered = partial.Reordered;
        var knownPriceLines = partial.KnownPriceLines;
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
                if (lineGroup is not null)
                {
                    lineGroup[i] = g < 0 ? (byte)Outside : (byte)g;
                }

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
                if (lineGroup is not null)
                {
                    lineGroup[i] = g < 0 ? (byte)Outside : (byte)g;
                }

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
            var known = price[p];
            if (!double.IsNaN(known))
            {
                knownPriceLines[g]++;
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
        long n = 0;
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
                n++;
            }
        }

        if (n == 0)
        {
            return double.NaN;
        }

        // The k-th smallest (0-based) value, as the sorted array would hold it.
        float At(Span<long> histogram, long k)
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

    /// <summary>The line-group mark of a line outside the population (groups are fewer than this).</summary>
    private const int Outside = byte.MaxValue;

    /// <summary>The plain loop's revenue sums, for questions with too many groups to mark lines with a byte.</summary>
    private static void SumRevenue<TKey>(InstacartData data, TKey key, double[] revenue)
        where TKey : struct, ILineKey
    {
        var price = data.Products.Price;
        var lineProduct = data.Lines.Product;
        for (var i = 0; i < lineProduct.Length; i++)
        {
            var g = key.GroupOf(i);
            var known = price[lineProduct[i]];
            if (g >= 0 && !double.IsNaN(known))
            {
                revenue[g] += known;
            }
        }
    }

    /// <summary>
    /// Adds each known price to its line's group strictly in line order (bit for bit the plain loop's sums),
    /// range after range as the workers finish marking them, so the summing overlaps the parallel pass. Only
    /// one thread sums at a time; a worker that finds the gate taken goes back to its ranges.
    /// </summary>
    private sealed class RevenueCursor(InstacartData data, (int Start, int End)[] ranges, byte[]? lineGroup, double[] revenue)
    {
        private readonly int[] done = new int[ranges.Length];
        private readonly Lock gate = new();
        private int cursor;

        public void Done(int range)
        {
            if (lineGroup is null)
            {
                return;
            }

            Volatile.Write(ref done[range], 1);
            if (gate.TryEnter())
            {
                try
                {
                    Advance();
                }
                finally
                {
                    gate.Exit();
                }
            }
        }

        /// <summary>Sums what is left, once every range is marked.</summary>
        public void Finish()
        {
            lock (gate)
            {
                Advance();
                if (cursor != ranges.Length)
                {
                    throw new InvalidOperationException("a line range was never marked");
                }
            }
        }

        private void Advance()
        {
            var price = data.Products.Price;
            var lineProduct = data.Lines.Product;
            var groups = lineGroup!;
            while (cursor < ranges.Length && Volatile.Read(ref done[cursor]) == 1)
            {
                var (start, end) = ranges[cursor];
                for (var i = start; i < end; i++)
                {
                    int g = groups[i];
                    var known = price[lineProduct[i]];
                    if (g != Outside && !double.IsNaN(known))
                    {
                        revenue[g] += known;
                    }
                }

                cursor++;
            }
        }
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

    /// <summary>One worker's totals: counts and bit sets are merged exactly; revenue is kept per range outside.</summary>
    private sealed class Partial
    {
        public Partial(int groups, int departments, int orders, int customers)
        {
            Departments = departments;
            Lines = new long[groups];
            KnownPriceLines = new long[groups];
            Reordered = new long[groups];
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
}
