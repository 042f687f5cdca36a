using Instacart.Data.Derivation;
using Instacart.Analysis.Statistics;
using Instacart.Analysis.Writing;
using Instacart.Data;
using Instacart.Analysis.Sessions;
namespace Instacart.Analysis.Questions;

/// <summary>An hour's spend.</summary>
/// <param name="Hour">The hour, 0–23.</param>
/// <param name="Revenue">Sum of known prices.</param>
/// <param name="MeanItemPrice">Revenue / lines with a known price (null when none).</param>
/// <param name="MeanOrderValue">Revenue / orders (null when no orders).</param>
public sealed record SpendByHourRow(int Hour, double Revenue, double? MeanItemPrice, double? MeanOrderValue);

/// <summary>When people spend the most (SPEC §5 <c>spend_by_hour</c>).</summary>
public sealed class SpendByHour : QuestionAnswer<SpendByHourRow>
{
    private readonly IReadOnlyList<long> orders;

    private SpendByHour(IReadOnlyList<SpendByHourRow> rows, IReadOnlyList<long> orders, AnalysisOptions options)
        : base(rows, options)
    {
        this.orders = orders;
    }

    /// <inheritdoc />
    public override string Key => "spend_by_hour";

    /// <inheritdoc />
    public override string Question => "At what time of day do people spend the most?";

    /// <summary>Revenue, mean item price and mean order value per hour (all 24).</summary>
    public static SpendByHour Compute(InstacartData data) => Finish(data.Options, BusiestHours.Partial(data));

    /// <summary>
    /// The answer for <paramref name="session"/>: on a partitioned dataset's session the finish of the partial states
    /// merged over every part (exact, every customer), otherwise computed from its data as <see cref="Compute(InstacartData)"/> does.
    /// </summary>
    public static SpendByHour Compute(AnalysisSession session) => AnalysisSession.Cheap(session, Compute);

    /// <summary>The rows from the hours' totals (<see cref="BusiestHours.Partial"/>).</summary>
    internal static SpendByHour Finish(AnalysisOptions options, GroupStats stats)
    {
        var rows = Enumerable.Range(0, 24)
            .Select(h => new SpendByHourRow(h, stats.Revenue[h], stats.MeanItemPrice(h), stats.MeanOrderValue(h)))
            .ToList();
        return new SpendByHour(rows, stats.Orders.ToArray(), options);
    }

    /// <inheritdoc />
    public override string Sentence()
    {
        var known = Rows.Where(r => r.MeanOrderValue is not null).ToList();
        if (known.Count == 0)
        {
            return "There are no priced order lines, so spend by hour is unknown.";
        }

        var byRevenue = Rows.OrderByDescending(r => r.Revenue).ThenBy(r => r.Hour).First();
        var busiest = Enumerable.Range(0, orders.Count).OrderByDescending(h => orders[h]).ThenBy(h => h).First();
        var busiestText = busiest == byRevenue.Hour ? "the hour with the most orders too" : $"though most orders come in at {Wording.Hour(busiest)}";
        var richest = known.OrderByDescending(r => r.MeanOrderValue).ThenBy(r => r.Hour).First();
        var poorest = known.OrderBy(r => r.MeanOrderValue).ThenBy(r => r.Hour).First();
        var prices = RelativeGap.Between(Rows.Where(r => r.MeanItemPrice is not null).Select(r => (Wording.Hour(r.Hour), r.MeanItemPrice!.Value)));
        var priceText = prices switch
        {
            null => string.Empty,
            { Steady: true } => $", while the mean item price barely moves ({Wording.Money(prices.Low)} to {Wording.Money(prices.High)}, {RelativeGap.Rule})",
            _ => $", and the mean item price ranges from {Wording.Money(prices.Low)} at {prices.LowGroup} to {Wording.Money(prices.High)} at {prices.HighGroup}, "
                + $"the lowest {Wording.Percent(prices.Fraction)} below the highest (steady would need {RelativeGap.Rule})",
        };
        return $"Most money is spent at {Wording.Hour(byRevenue.Hour)} ({Wording.Percent(byRevenue.Revenue, Rows.Sum(r => r.Revenue))} of revenue), {busiestText}; "
            + $"per order, baskets are worth most at {Wording.Hour(richest.Hour)} ({Wording.Money(richest.MeanOrderValue)}) and least at {Wording.Hour(poorest.Hour)} ({Wording.Money(poorest.MeanOrderValue)}){priceText}.";
    }

    /// <summary>The rule: among the hours whose mean order value is above the median hour's, the three that bring the most revenue are the slots for premium offers.</summary>
    public override Suggestion Suggestion()
    {
        var known = Rows.Where(r => r.MeanOrderValue is not null).ToList();
        if (known.Count == 0)
        {
            return "No suggestion: there are no priced order lines.";
        }

        var values = known.Select(r => r.MeanOrderValue!.Value).Order().ToList();
        var median = values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
        var slots = known.Where(r => r.MeanOrderValue > median).OrderByDescending(r => r.Revenue).ThenBy(r => r.Hour).Take(3).OrderBy(r => r.Hour).ToList();
        return slots.Count == 0
            ? "No hour stands out: every hour's baskets are worth the same, so premium offers need no particular slot."
            : $"Run premium and bundle offers at {Wording.List(slots.Select(r => Wording.Hour(r.Hour)))}: baskets are worth more than in the median hour and these hours bring the most revenue "
                + $"(rule: mean order value above the median hour's {Wording.Money(median)}, then the three hours with most revenue).";
    }

    /// <inheritdoc />
    public override AnswerTable Table() => RowFrames.ToTable(Rows, Rows.Count, "hours");

    /// <inheritdoc />
    public override string Method() =>
        $"Population: {Population.LinesDescription}. Revenue is the sum of known item prices (a price above {Options.PriceOutlierAbove:0} is a data-entry error and counts as missing; missing prices are left out of every sum and mean). "
        + "Mean item price = revenue / lines with a known price; mean order value = revenue / distinct orders. An hour without lines shows revenue 0 and no means. "
        + $"The sentence calls the mean item price steady (\"barely moves\") only with {RelativeGap.Rule} among the hours' mean item prices; otherwise it reports the range and how far the lowest falls below the highest.";
}
