using Instacart.Data.Derivation;
using Instacart.Analysis.Statistics;
using Instacart.Analysis.Writing;
using Instacart.Data;
using Instacart.Analysis.Sessions;

namespace Instacart.Analysis.Questions;

/// <summary>A region's customers and spending habits.</summary>
/// <param name="Region">Northeast, Midwest, South, West or Unknown.</param>
/// <param name="Customers">Distinct active customers.</param>
/// <param name="Orders">Distinct orders.</param>
/// <param name="Lines">Order lines.</param>
/// <param name="Revenue">Sum of known prices.</param>
/// <param name="MeanItemPrice">Revenue / lines with a known price.</param>
/// <param name="HighSpenderShare">Share of the region's customers flagged High spender.</param>
public sealed record RegionsRow(Region Region, long Customers, long Orders, [property: TableColumn("Order lines")] long Lines, double Revenue, double? MeanItemPrice, double HighSpenderShare);

/// <summary>Habits by US region (SPEC §5 <c>regions</c>).</summary>
public sealed class RegionGroups : QuestionAnswer<RegionsRow>
{
    private readonly IReadOnlyList<(string Region, MeanInterval Share)> shares;
    private readonly Lazy<GroupIntervals> intervals;

    private RegionGroups(IReadOnlyList<RegionsRow> rows, IReadOnlyList<(string Region, MeanInterval Share)> shares, AnalysisOptions options, Lazy<IntervalMoments> moments)
        : base(rows, options)
    {
        this.shares = shares;
        intervals = new Lazy<GroupIntervals>(() => GroupIntervals.FromMoments(GroupingDimension.Region, g => Labels.Of((Region)g), moments.Value));
    }

    /// <summary>
    /// The regions' 95% intervals of mean order value and mean item price, which the sentence judges the item price
    /// gap by. Computed on first use: a pass over the lines that the rows (and <c>answers.json</c>) do not need.
    /// </summary>
    public GroupIntervals Intervals => intervals.Value;

    /// <inheritdoc />
    public override string Key => "regions";

    /// <inheritdoc />
    public override string Question => "Do spending habits differ between US regions?";

    /// <summary>Customers, orders, lines, revenue, mean item price and high-spender share per region of active customers.</summary>
    public static RegionGroups Compute(InstacartData data) => Finish(data.Options, Partial(data));

    /// <summary>
    /// The answer for <paramref name="session"/>: on a partitioned dataset's session the finish of the partial states
    /// merged over every part (exact, every customer), otherwise computed from its data as <see cref="Compute(InstacartData)"/> does.
    /// </summary>
    public static RegionGroups Compute(AnalysisSession session) => AnalysisSession.Cheap(session, Compute);

    /// <summary>
    /// The partial state: totals, customers and high spenders per region, and the moments of the intervals (a pass over
    /// the lines, made only when the sentence or the bytes need them).
    /// </summary>
    internal static RegionsPartial Partial(InstacartData data)
    {
        var facts = data.Customers;
        var groups = Population.ActiveCustomerGroups(data, c => (int)facts.Region[c]);
        var stats = GroupStats.ByCustomer(data, 5, groups, GroupNeeds.Customers);
        var highSpenders = CustomerCounts.HighSpenders(data, groups, 5);
        var moments = new Lazy<IntervalMoments>(() => IntervalMoments.Of(data, 5, GroupIntervals.ActiveCustomer(data, c => (int)facts.Region[c])));
        return new RegionsPartial(stats, highSpenders, moments);
    }

    /// <summary>The rows from the regions' totals.</summary>
    internal static RegionGroups Finish(AnalysisOptions options, RegionsPartial partial)
    {
        var (stats, highSpenders) = (partial.Stats, partial.HighSpenders);
        var present = Enumerable.Range(0, 5)
            .Where(g => stats.Lines[g] > 0)
            .OrderBy(g => Labels.Of((Region)g), StringComparer.Ordinal)
            .ToList();
        var rows = present
            .Select(g => new RegionsRow((Region)g, stats.Customers[g], stats.Orders[g], stats.Lines[g], stats.Revenue[g], stats.MeanItemPrice(g), (double)highSpenders[g] / stats.Customers[g]))
            .ToList();
        // The share is the mean of a 0/1 flag per customer, so its interval comes from the same moments: n, sum = sum of squares.
        var shares = present
            .Select(g => (Labels.Of((Region)g), MeanInterval.FromMoments(stats.Customers[g], highSpenders[g], highSpenders[g])))
            .ToList();
        return new RegionGroups(rows, shares, options, partial.Moments);
    }

    /// <inheritdoc />
    public override string Sentence()
    {
        if (Rows.Count == 0)
        {
            return "There are no active customers to group by region.";
        }

        if (Rows.Count == 1)
        {
            return $"Only the {Labels.Of(Rows[0].Region)} region has active customers, so there is no other region to compare it with.";
        }

        var lines = Rows.Sum(r => (double)r.Lines);
        var largest = Rows.OrderByDescending(r => r.Lines).First();
        var lead = $"The {Labels.Of(largest.Region)} brings the most order lines ({Wording.Percent(largest.Lines, lines)})";
        var price = Intervals.ItemPriceGap();
        var share = IntervalGap.Between(shares);
        var priceText = price is null
            ? "mean item price has too few priced lines to compare"
            : $"mean item price runs from {Wording.Money(price.Low.Mean)} ({price.LowGroup}) to {Wording.Money(price.High.Mean)} ({price.HighGroup})";
        var shareText = share is null
            ? "the high-spender share has too few customers to compare"
            : $"the high-spender share from {Wording.Percent(share.Low.Mean)} ({share.LowGroup}) to {Wording.Percent(share.High.Mean)} ({share.HighGroup})";
        if (price is { BeyondNoise: false } && share is { BeyondNoise: false })
        {
            return $"{lead}, but habits do not differ beyond the noise: {priceText} and {shareText}, neither gap significant ({IntervalGap.Rule}).";
        }

        return $"{lead}; {priceText}{Verdict(price)}, and {shareText}{Verdict(share)} ({IntervalGap.Rule}).";
    }

    /// <summary>The rule: regional campaigns only where a gap is beyond the noise (Welch's t-test at 5%); otherwise one national campaign.</summary>
    public override Suggestion Suggestion()
    {
        if (Rows.Count < 2)
        {
            return "No suggestion: there is no second region to compare with.";
        }

        var price = Intervals.ItemPriceGap();
        var share = IntervalGap.Between(shares);
        var gaps = new List<string>();
        if (price is { BeyondNoise: true })
        {
            gaps.Add($"pricier ranges in the {price.HighGroup}");
        }

        if (share is { BeyondNoise: true })
        {
            gaps.Add($"high-spender offers in the {share.HighGroup}");
        }

        return gaps.Count == 0
            ? "Run one national campaign: no region's item prices or share of high spenders differ beyond the noise (rule: a regional version only for a gap beyond the noise)."
            : $"Tailor by region where the gap is real: {Wording.List(gaps)} (rule: a regional version only for a gap beyond the noise, {IntervalGap.Rule}).";
    }

    /// <inheritdoc />
    /// <remarks>The regions in the chart's order.</remarks>
    public override AnswerTable Table() => RowFrames.ToTable(Rows.OrderBy(r => r.Region), Rows.Count, "regions");

    /// <inheritdoc />
    public override string Method() =>
        $"Population: {Population.ActiveDescription(Options)}. Region from the customer's state by the US Census regions (a state not listed is Unknown). "
        + $"A customer is a High spender when the mean known price of their merged lines is at least {Options.HighSpenderMin:0} (no known price: Low spender); the share is over the region's customers. "
        + $"The sentence calls the gap between the highest and lowest region beyond the noise when {IntervalGap.Rule} rejects equal means (mean item price: over the region's priced lines; "
        + "high-spender share: as the mean of a 0/1 flag over the region's customers), otherwise within the noise; it says habits do not differ only when both gaps are within the noise. "
        + "The two regions compared are picked as the extremes of up to five, so the test is somewhat more ready to find a gap than its nominal 5%.";

    private static string Verdict(IntervalGap? gap) => gap switch
    {
        null => string.Empty,
        { BeyondNoise: true } => ", a gap beyond the noise",
        _ => ", a gap within the noise",
    };
}

/// <summary>The partial state of <see cref="RegionGroups"/>.</summary>
/// <param name="Stats">Totals and customers per region.</param>
/// <param name="HighSpenders">High spenders per region.</param>
/// <param name="Moments">The moments of the regions' intervals, computed on first use.</param>
internal sealed record RegionsPartial(GroupStats Stats, long[] HighSpenders, Lazy<IntervalMoments> Moments)
{
    /// <summary>The state of both parts (the moments are summed when first used).</summary>
    public static RegionsPartial Sum(RegionsPartial a, RegionsPartial b) =>
        new(GroupStats.Sum(a.Stats, b.Stats), Instacart.Analysis.Answers.PartialFormat.Add(a.HighSpenders, b.HighSpenders), new Lazy<IntervalMoments>(() => IntervalMoments.Sum(a.Moments.Value, b.Moments.Value)));

    /// <summary>Writes the state, the moments computed.</summary>
    public void Write(BinaryWriter writer)
    {
        Stats.Write(writer);
        Instacart.Analysis.Answers.PartialFormat.WriteCounts(writer, HighSpenders);
        Moments.Value.Write(writer);
    }

    /// <summary>Reads what <see cref="Write"/> wrote.</summary>
    public static RegionsPartial Read(BinaryReader reader)
    {
        var stats = GroupStats.Read(reader);
        var high = Instacart.Analysis.Answers.PartialFormat.ReadCounts(reader);
        var moments = IntervalMoments.Read(reader);
        return new RegionsPartial(stats, high, new Lazy<IntervalMoments>(moments));
    }
}
