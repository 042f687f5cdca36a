using Instacart.Data;
using Instacart.Data.Cleaning;
using Instacart.Data.Derivation;

namespace Instacart.Analysis.Tests.References;

/// <summary>
/// The plain group-by the fast paths of <c>GroupStats</c> (the totals path and the parallel line path) are checked
/// against: one sequential pass over the merged lines, each line looked up where it leads (order, product, customer),
/// distinct orders and customers kept in sets, revenue an exact sum of price units, medians by sorting.
/// </summary>
internal static class ReferenceGroupBy
{
    /// <summary>Lines grouped by their order's group (by orders-table row).</summary>
    public static Group[] ByOrder(InstacartData data, int groups, int[] groupOfOrder) =>
        ByLine(data, groups, line => groupOfOrder[data.Lines.Order[line]]);

    /// <summary>Lines grouped by their product's group (by catalog row).</summary>
    public static Group[] ByProduct(InstacartData data, int groups, int[] groupOfProduct) =>
        ByLine(data, groups, line => groupOfProduct[data.Lines.Product[line]]);

    /// <summary>Lines grouped by their customer's group (by customers-table row).</summary>
    public static Group[] ByCustomer(InstacartData data, int groups, int[] groupOfCustomer) =>
        ByLine(data, groups, line => groupOfCustomer[data.Merge.OrderCustomer[data.Lines.Order[line]]]);

    /// <summary>Lines grouped by a function of their order's day of week and hour.</summary>
    public static Group[] ByDayAndHour(InstacartData data, int groups, Func<int, int, int> groupOf) =>
        ByLine(data, groups, line =>
        {
            var order = data.Lines.Order[line];
            return groupOf(data.Orders.DayOfWeek[order], data.Orders.HourOfDay[order]);
        });

    /// <summary>Every line whose group (<paramref name="groupOfLine"/>) is not -1, added to its group one by one.</summary>
    public static Group[] ByLine(InstacartData data, int groups, Func<int, int> groupOfLine)
    {
        var builders = Enumerable.Range(0, groups).Select(_ => new Builder()).ToArray();
        var lines = data.Lines;
        for (var line = 0; line < lines.Count; line++)
        {
            var g = groupOfLine(line);
            if (g < 0)
            {
                continue;
            }

            var order = lines.Order[line];
            var product = lines.Product[line];
            var group = builders[g];
            group.Lines++;
            group.Reordered += lines.Reordered[line];
            var units = data.Products.PriceUnits[product];
            if (units >= 0)
            {
                group.KnownPriceLines++;
                group.RevenueUnits += units;
            }

            group.Orders.Add(order);
            group.Customers.Add(data.Merge.OrderCustomer[order]);
            var department = data.Products.DepartmentId[product];
            group.DepartmentLines[department] = group.DepartmentLines.GetValueOrDefault(department) + 1;
        }

        var days = data.Orders.DaysSincePrior;
        return [.. builders.Select(b => new Group(
            b.Lines,
            b.KnownPriceLines,
            b.Reordered,
            ExactPrices.ToDouble(b.RevenueUnits, data.Products.PriceScale),
            b.Orders.Count,
            b.Customers.Count,
            Median([.. b.Orders.Select(o => days[o]).Where(d => !float.IsNaN(d))]),
            b.DepartmentLines))];
    }

    private static double Median(float[] values) => values.Length == 0 ? double.NaN : Rules.Median(values);

    /// <summary>One group's totals.</summary>
    /// <param name="Lines">Lines.</param>
    /// <param name="KnownPriceLines">Lines with a known price.</param>
    /// <param name="Reordered">Reordered lines.</param>
    /// <param name="Revenue">The exact sum of the known prices, as the nearest double.</param>
    /// <param name="Orders">Distinct orders.</param>
    /// <param name="Customers">Distinct customers.</param>
    /// <param name="MedianDays">The median of the distinct orders' known days since the prior order; NaN when none.</param>
    /// <param name="DepartmentLines">Lines per department id (ids without lines absent).</param>
    public sealed record Group(long Lines, long KnownPriceLines, long Reordered, double Revenue, long Orders, long Customers, double MedianDays, IReadOnlyDictionary<int, long> DepartmentLines);

    private sealed class Builder
    {
        public long Lines { get; set; }

        public long KnownPriceLines { get; set; }

        public long Reordered { get; set; }

        public Int128 RevenueUnits { get; set; }

        public HashSet<int> Orders { get; } = [];

        public HashSet<int> Customers { get; } = [];

        public Dictionary<int, long> DepartmentLines { get; } = [];
    }
}
