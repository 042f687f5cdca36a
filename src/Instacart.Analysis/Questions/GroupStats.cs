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
        var stats = new GroupStats(groups, (needs & GroupNeeds.Departments) != 0 ? departments : 0);
        var lines = data.Lines;
        var products = data.Products;
        var orderCustomer = data.Merge.OrderCustomer;
        var orderWords = (data.Orders.Count + 63) / 64;
        var customerWords = (data.Customers.Count + 63) / 64;
        var orderBits = new ulong[groups][];
        var customerBits = new ulong[groups][];
        for (var g = 0; g < groups; g++)
        {
            orderBits[g] = new ulong[orderWords];
            customerBits[g] = (needs & GroupNeeds.Customers) != 0 ? new ulong[customerWords] : [];
        }

        var wantCustomers = (needs & GroupNeeds.Customers) != 0;
        var wantDepartments = (needs & GroupNeeds.Departments) != 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var g = key.GroupOf(i);
            if (g < 0)
            {
                continue;
            }

            var o = lines.Order[i];
            var p = lines.Product[i];
            stats.Lines[g]++;
            stats.Reordered[g] += lines.Reordered[i];
            var price = products.Price[p];
            if (!double.IsNaN(price))
            {
                stats.KnownPriceLines[g]++;
                stats.Revenue[g] += price;
            }

            orderBits[g][o >> 6] |= 1UL << o;
            if (wantCustomers)
            {
                var c = orderCustomer[o];
                customerBits[g][c >> 6] |= 1UL << c;
            }

            if (wantDepartments)
            {
                stats.DepartmentLines[g, products.DepartmentId[p]]++;
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
            var buffer = new List<float>();
            for (var g = 0; g < groups; g++)
            {
                buffer.Clear();
                var bits = orderBits[g];
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

                stats.MedianDays[g] = Rules.Median(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(buffer));
            }
        }

        return stats;
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
        int GroupOf(int line);
    }

    private readonly struct OrderKey(int[] lineOrder, int[] groupOfOrder) : ILineKey
    {
        public int GroupOf(int line) => groupOfOrder[lineOrder[line]];
    }

    private readonly struct ProductKey(int[] lineProduct, int[] groupOfProduct) : ILineKey
    {
        public int GroupOf(int line) => groupOfProduct[lineProduct[line]];
    }

    private readonly struct CustomerKey(int[] lineOrder, int[] orderCustomer, int[] groupOfCustomer) : ILineKey
    {
        public int GroupOf(int line) => groupOfCustomer[orderCustomer[lineOrder[line]]];
    }
}
