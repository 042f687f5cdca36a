using Instacart.Analysis.Writing;
using Instacart.Data.Derivation;
using Instacart.Data;

namespace Instacart.Analysis.Questions;

/// <summary>A region's customers and spending habits.</summary>
/// <param name="Region">Northeast, Midwest, South, West or Unknown.</param>
/// <param name="Customers">Distinct active customers.</param>
/// <param name="Orders">Distinct orders.</param>
/// <param name="Lines">Order lines.</param>
/// <param name="Revenue">Sum of known prices.</param>
/// <param name="MeanItemPrice">Revenue / lines with a known price.</param>
/// <param name="HighSpenderShare">Share of the region's customers flagged High spender.</param>
public sealed record RegionsRow(string Region, long Customers, long Orders, long Lines, double Revenue, double? MeanItemPrice, double HighSpenderShare);

/// <summary>Habits by US region (SPEC §5 <c>regions</c>).</summary>
public sealed class RegionGroups : QuestionAnswer<RegionsRow>
{
    private RegionGroups(IReadOnlyList<RegionsRow> rows, InstacartData data)
        : base(rows, data)
    {
    }

    /// <inheritdoc />
    public override string Key => "regions";

    /// <inheritdoc />
    public override string Question => "Do spending habits differ between US regions?";

    /// <summary>Customers, orders, lines, revenue, mean item price and high-spender share per region of active customers.</summary>
    public static RegionGroups Compute(InstacartData data)
    {
        var facts = data.Customers;
        var groups = Population.ActiveCustomerGroups(data, c => (int)facts.Region[c]);
        var stats = GroupStats.ByCustomer(data, 5, groups, GroupNeeds.Customers);
        var highSpenders = CustomerCounts.HighSpenders(data, groups, 5);
        var rows = Enumerable.Range(0, 5)
            .Where(g => stats.Lines[g] > 0)
            .Select(g => new RegionsRow(Labels.Of((Region)g), stats.Customers[g], stats.Orders[g], stats.Lines[g], stats.Revenue[g], stats.MeanItemPrice(g), (double)highSpenders[g] / stats.Customers[g]))
            .OrderBy(r => r.Region, StringComparer.Ordinal)
            .ToList();
        return new RegionGroups(rows, data);
    }

    /// <inheritdoc />
    public override string Sentence()
    {
        if (Rows.Count == 0)
        {
            return "There are no active customers to group by region.";
        }

        var lines = Rows.Sum(r => (double)r.Lines);
        var largest = Rows.OrderByDescending(r => r.Lines).First();
        var pricey = Rows.Where(r => r.MeanItemPrice is not null).OrderByDescending(r => r.MeanItemPrice).First();
        var cheap = Rows.Where(r => r.MeanItemPrice is not null).OrderBy(r => r.MeanItemPrice).First();
        return $"The {largest.Region} brings the most order lines ({Wording.Percent(largest.Lines, lines)}), but habits barely differ: "
            + $"mean item price runs from {Wording.Money(cheap.MeanItemPrice)} ({cheap.Region}) to {Wording.Money(pricey.MeanItemPrice)} ({pricey.Region}), "
            + $"and the high-spender share from {Wording.Percent(Rows.Min(r => r.HighSpenderShare))} to {Wording.Percent(Rows.Max(r => r.HighSpenderShare))}.";
    }

    /// <inheritdoc />
    public override string Method() =>
        $"Population: {Population.ActiveDescription(Options)}. Region from the customer's state by the US Census regions (a state not listed is Unknown). "
        + $"A customer is a High spender when the mean known price of their merged lines is at least {Options.HighSpenderMin:0} (no known price: Low spender); the share is over the region's customers.";
}
