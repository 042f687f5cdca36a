using Instacart.Analysis.Writing;
using Instacart.Data.Derivation;
using Instacart.Data;
using Instacart.Analysis.Sessions;

namespace Instacart.Analysis.Questions;

/// <summary>A loyalty group's size and habits.</summary>
/// <param name="Loyalty">New customer, Regular customer or Loyal customer.</param>
/// <param name="Customers">Distinct active customers.</param>
/// <param name="Orders">Distinct orders.</param>
/// <param name="Lines">Order lines.</param>
/// <param name="MeanItemPrice">Revenue / lines with a known price.</param>
/// <param name="MeanOrderValue">Revenue / orders.</param>
/// <param name="MedianDaysBetweenOrders">Median days since the prior order over the group's orders.</param>
public sealed record LoyaltyRow(Loyalty Loyalty, long Customers, long Orders, [property: TableColumn("Order lines")] long Lines, double? MeanItemPrice, double? MeanOrderValue, double? MedianDaysBetweenOrders);

/// <summary>Loyalty distribution and habits (SPEC §5 <c>loyalty</c>).</summary>
public sealed class LoyaltyGroups : QuestionAnswer<LoyaltyRow>
{
    private LoyaltyGroups(IReadOnlyList<LoyaltyRow> rows, AnalysisOptions options)
        : base(rows, options)
    {
    }

    /// <inheritdoc />
    public override string Key => "loyalty";

    /// <inheritdoc />
    public override string Question => "How loyal are customers, and do loyal customers shop differently?";

    /// <summary>Customers, orders, lines, prices and median days per loyalty group of active customers.</summary>
    public static LoyaltyGroups Compute(InstacartData data) => Finish(data.Options, Partial(data));

    /// <summary>
    /// The answer for <paramref name="session"/>: on a partitioned dataset's session the finish of the partial states
    /// merged over every part (exact, every customer), otherwise computed from its data as <see cref="Compute(InstacartData)"/> does.
    /// </summary>
    public static LoyaltyGroups Compute(AnalysisSession session) => AnalysisSession.Cheap(session, Compute);

    /// <summary>The partial state: totals, customers and days between orders per loyalty group.</summary>
    internal static GroupStats Partial(InstacartData data)
    {
        var loyalty = data.Customers.Loyalty;
        return GroupStats.ByCustomer(data, 3, Population.ActiveCustomerGroups(data, c => (int)loyalty[c]), GroupNeeds.Customers | GroupNeeds.MedianDays);
    }

    /// <summary>The rows from the groups' totals.</summary>
    internal static LoyaltyGroups Finish(AnalysisOptions options, GroupStats stats)
    {
        var rows = Enumerable.Range(0, 3)
            .Where(g => stats.Lines[g] > 0)
            .Select(g => new LoyaltyRow((Loyalty)g, stats.Customers[g], stats.Orders[g], stats.Lines[g], stats.MeanItemPrice(g), stats.MeanOrderValue(g), stats.Median(g)))
            .OrderBy(r => Labels.Of(r.Loyalty), StringComparer.Ordinal)
            .ToList();
        return new LoyaltyGroups(rows, options);
    }

    /// <inheritdoc />
    public override string Sentence()
    {
        var customers = Rows.Sum(r => (double)r.Customers);
        if (customers == 0)
        {
            return "There are no active customers to group by loyalty.";
        }

        var largest = Rows.OrderByDescending(r => r.Customers).First();
        var loyal = Rows.FirstOrDefault(r => r.Loyalty == Instacart.Data.Derivation.Loyalty.Loyal);
        var fresh = Rows.FirstOrDefault(r => r.Loyalty == Instacart.Data.Derivation.Loyalty.New);
        var sentence = $"{Labels.Of(largest.Loyalty)}s are the largest group ({Wording.Percent(largest.Customers, customers)} of active customers).";
        if (loyal is not null && fresh is not null)
        {
            sentence += $" Loyal customers order every {Wording.Number(loyal.MedianDaysBetweenOrders)} days (median) against {Wording.Number(fresh.MedianDaysBetweenOrders)} for new ones, "
                + $"with a mean item price of {Wording.Money(loyal.MeanItemPrice)} against {Wording.Money(fresh.MeanItemPrice)}.";
        }

        return sentence;
    }

    /// <summary>The rule: the group with the longest median gap between orders is the loyalty programme's target, the group with the shortest its model.</summary>
    public override Suggestion Suggestion()
    {
        var known = Rows.Where(r => r.MedianDaysBetweenOrders is not null).ToList();
        var customers = Rows.Sum(r => (double)r.Customers);
        if (known.Count < 2 || customers == 0)
        {
            return "No suggestion: there are too few loyalty groups with orders to compare.";
        }

        var slowest = known.OrderByDescending(r => r.MedianDaysBetweenOrders).First();
        var fastest = known.OrderBy(r => r.MedianDaysBetweenOrders).First();
        return $"Point the loyalty programme at {Labels.Of(slowest.Loyalty).ToLowerInvariant()}s ({Wording.Percent(slowest.Customers, customers)} of active customers): they wait {Wording.Number(slowest.MedianDaysBetweenOrders)} days between orders "
            + $"against {Wording.Number(fastest.MedianDaysBetweenOrders)} for {Labels.Of(fastest.Loyalty).ToLowerInvariant()}s, so a reward for the next order has the most room to work "
            + "(rule: the group with the longest median gap between orders is the target).";
    }

    /// <inheritdoc />
    /// <remarks>New, Regular, Loyal, as in the chart.</remarks>
    public override AnswerTable Table() => RowFrames.ToTable(Rows.OrderBy(r => r.Loyalty), Rows.Count, "loyalty groups");

    /// <inheritdoc />
    public override string Method() =>
        $"Population: {Population.ActiveDescription(Options)}. Loyalty by a customer's highest prior order number: Loyal above {Options.LoyalAbove}, Regular above {Options.RegularAbove} up to {Options.LoyalAbove}, New up to {Options.RegularAbove}. "
        + "Median days between orders is over the group's orders (one value per order, first orders without a value left out); even counts average the two middle values.";
}
