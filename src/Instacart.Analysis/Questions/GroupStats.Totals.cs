using System.Numerics;
using Instacart.Data.Lines;
using Instacart.Data;

namespace Instacart.Analysis.Questions;

/// <summary>The totals path: group-bys over the per-order, per-product and per-customer totals and the day × hour cells.</summary>
internal sealed partial class GroupStats
{
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
        var stats = new GroupStats(groups, wantDepartments ? totals.Departments : 0, totals.PriceScale, (needs & GroupNeeds.MedianDays) != 0);
        var wantMedian = (needs & GroupNeeds.MedianDays) != 0;
        // Whole days (as in the files) are counted per group and day; any other value needs the orders' bit sets.
        var days = data.Orders.DaysSincePrior;
        var countDays = wantMedian && AllWholeDays(days);
        var wantOrderBits = wantMedian && !countDays;
        // Distinct customers of customer groups are counted per customer below; of order groups, with bit sets.
        var customerBitsNeeded = (needs & GroupNeeds.Customers) != 0 && groupOfCustomer is null;
        var ranges = RangesOf(data, data.Orders.Count);
        var first = stats.Merge(data.Parallelism.ForRanges(
            ranges,
            () => new Partial(groups, 0, wantOrderBits ? data.Orders.Count : 0, customerBitsNeeded ? data.Customers.Count : 0, countDays ? HistogramDays : 0),
            (partial, start, end) => AccumulateOrders(data, key, partial, start, end, countDays, wantOrderBits, customerBitsNeeded)));

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
                stats.SetDays(g, DayHistogram.FromWholeDays(first.DayCounts.AsSpan(g * HistogramDays, HistogramDays)));
            }
        }
        else if (wantOrderBits)
        {
            data.Parallelism.For(groups, g => stats.SetDays(g, DayHistogram.Over(first.OrderBits[g], days)));
        }

        return stats.Finish();
    }

    /// <summary>Adds the totals of orders <c>[start, end)</c> to one worker's partial.</summary>
    private static void AccumulateOrders<TKey>(InstacartData data, TKey key, Partial partial, int start, int end, bool countDays, bool wantOrderBits, bool customerBitsNeeded)
        where TKey : struct, IOrderKey
    {
        var totals = data.Totals;
        var days = data.Orders.DaysSincePrior;
        var orderCustomer = data.Merge.OrderCustomer;
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
        var ranges = RangesOf(data, data.Orders.Count);
        var counts = new long[ranges.Length][];
        data.Parallelism.For(ranges.Length, r =>
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

    /// <summary>Order ranges for the totals path: a few per worker.</summary>
    private static (int Start, int End)[] RangesOf(InstacartData data, int orders)
    {
        var count = Math.Clamp(orders / (1 << 16), 1, Math.Max(1, data.Parallelism.Degree * 4));
        var result = new (int, int)[count];
        for (var r = 0; r < count; r++)
        {
            result[r] = ((int)((long)orders * r / count), (int)((long)orders * (r + 1) / count));
        }

        return result;
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

    /// <summary>Whether every <c>days_since_prior_order</c> is missing or a whole day the histogram counts.</summary>
    private static bool AllWholeDays(float[] days)
    {
        foreach (var d in days)
        {
            if (!float.IsNaN(d) && !IsCountedDay(d))
            {
                return false;
            }
        }

        return true;
    }
}
