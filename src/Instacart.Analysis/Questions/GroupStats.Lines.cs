using Instacart.Data.Lines;
using Instacart.Data;

namespace Instacart.Analysis.Questions;

/// <summary>The line path: one pass over the merged lines, for what the totals cannot give.</summary>
internal sealed partial class GroupStats
{
    /// <summary>The line path: one pass over the merged lines (parallel ranges, exact merges).</summary>
    private static GroupStats FromLines<TKey>(InstacartData data, int groups, TKey key, GroupNeeds needs)
        where TKey : struct, ILineKey
    {
        var departments = data.Input.Departments.MaxId + 1;
        var wantCustomers = (needs & GroupNeeds.Customers) != 0;
        var wantDepartments = (needs & GroupNeeds.Departments) != 0;
        var stats = new GroupStats(groups, wantDepartments ? departments : 0, data.Products.PriceScale, (needs & GroupNeeds.MedianDays) != 0);
        var lines = data.Lines;
        var ranges = data.Parallelism.Ranges(lines.Count);
        var first = stats.Merge(data.Parallelism.ForRanges(
            ranges,
            () => new Partial(groups, wantDepartments ? departments : 0, data.Orders.Count, wantCustomers ? data.Customers.Count : 0, 0),
            (partial, start, end) => Accumulate(data, key, start, end, partial, wantCustomers, wantDepartments)));
        var (orderBits, customerBits) = (first.OrderBits, first.CustomerBits);
        for (var g = 0; g < groups; g++)
        {
            stats.Orders[g] = PopCount(orderBits[g]);
            stats.Customers[g] = PopCount(customerBits[g]);
        }

        if ((needs & GroupNeeds.MedianDays) != 0)
        {
            var days = data.Orders.DaysSincePrior;
            data.Parallelism.For(groups, g => stats.SetDays(g, DayHistogram.Over(orderBits[g], days)));
        }

        return stats.Finish();
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

    private interface ILineKey
    {
        /// <summary>Whether the group is a function of the line's order (so consecutive lines of one order share it).</summary>
        bool PerOrder { get; }

        int GroupOf(int line);
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
