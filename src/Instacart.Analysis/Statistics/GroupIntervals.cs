using Instacart.Analysis.Questions;
using Instacart.Analysis.Writing;
using Instacart.Data.Derivation;
using Instacart.Data;
using Instacart.Analysis.Sessions;

namespace Instacart.Analysis.Statistics;

/// <summary>The customer or order grouping whose means are compared.</summary>
public enum GroupingDimension
{
    /// <summary>Time segment of the order (the <c>lines</c> population).</summary>
    TimeSegment,

    /// <summary>Loyalty of active customers.</summary>
    Loyalty,

    /// <summary>Census region of active customers.</summary>
    Region,

    /// <summary>Age group × household of active customers.</summary>
    AgeFamily,

    /// <summary>Income group of active customers.</summary>
    Income,

    /// <summary>Profile of active customers.</summary>
    Profile,
}

/// <summary>A group's mean order value and mean item price with their 95% intervals.</summary>
/// <param name="Group">The group's label.</param>
/// <param name="OrderValue">Mean order value (known prices summed per order) over the group's orders.</param>
/// <param name="ItemPrice">Mean known item price over the group's lines.</param>
/// <param name="Code">The group's code in its dimension (the enum's value; for age and family, age group × 2 + household): its natural order.</param>
public sealed record GroupInterval(string Group, MeanInterval OrderValue, MeanInterval ItemPrice, int Code);

/// <summary>
/// 95% confidence intervals (Student's t) for the mean order value and mean item price of every group in a
/// comparison, and whether the highest and lowest group differ significantly (Welch's t-test), so that a
/// notebook says "significant" only when it is.
/// </summary>
public sealed class GroupIntervals
{
    private GroupIntervals(GroupingDimension dimension, IReadOnlyList<GroupInterval> groups)
    {
        Dimension = dimension;
        Groups = groups;
    }

    /// <summary>The grouping compared.</summary>
    public GroupingDimension Dimension { get; }

    /// <summary>One entry per group present, ordered by label.</summary>
    public IReadOnlyList<GroupInterval> Groups { get; }

    /// <summary>Computes the intervals of <paramref name="dimension"/> on its population.</summary>
    public static GroupIntervals Compute(InstacartData data, GroupingDimension dimension) =>
        FromMoments(dimension, Label(dimension), Moments(data, dimension));

    /// <summary>
    /// The intervals of <paramref name="dimension"/> for <paramref name="session"/>: on a partitioned dataset's session
    /// from the moments merged over every part (exact, every customer), otherwise computed from its data as
    /// <see cref="Compute(InstacartData, GroupingDimension)"/> does.
    /// </summary>
    public static GroupIntervals Compute(AnalysisSession session, GroupingDimension dimension)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Partials is { } merged
            ? FromMoments(dimension, Label(dimension), merged.Intervals[(int)dimension])
            : Compute(session.Data, dimension);
    }

    /// <summary>The exact moments of <paramref name="dimension"/>'s groups in <paramref name="data"/>: sums of price units, which add up across parts.</summary>
    internal static IntervalMoments Moments(InstacartData data, GroupingDimension dimension)
    {
        var facts = data.Customers;
        var (count, groupOfOrder) = dimension switch
        {
            GroupingDimension.TimeSegment => (4, (Func<int, int>)(o => (int)Rules.TimeSegmentOf(data.Orders.HourOfDay[o]))),
            GroupingDimension.Loyalty => (3, ActiveCustomer(data, c => (int)facts.Loyalty[c])),
            GroupingDimension.Region => (5, ActiveCustomer(data, c => (int)facts.Region[c])),
            GroupingDimension.AgeFamily => (6, ActiveCustomer(data, c => ((int)facts.AgeGroup[c] * 2) + (int)facts.Household[c])),
            GroupingDimension.Income => (3, ActiveCustomer(data, c => (int)facts.IncomeGroup[c])),
            _ => (6, ActiveCustomer(data, c => (int)facts.Profile[c])),
        };

        // The moments are exact sums of price units, as in the partial answers (RegionGroups), so both give the same intervals.
        return IntervalMoments.Of(data, count, groupOfOrder);
    }

    /// <summary>The label of a group's code in <paramref name="dimension"/>.</summary>
    internal static Func<int, string> Label(GroupingDimension dimension) => dimension switch
    {
        GroupingDimension.TimeSegment => g => Labels.Of((TimeSegment)g),
        GroupingDimension.Loyalty => g => Labels.Of((Loyalty)g),
        GroupingDimension.Region => g => Labels.Of((Region)g),
        GroupingDimension.AgeFamily => g => $"{Labels.Of((AgeGroup)(g / 2))}, {Labels.Of((Household)(g % 2)).ToLowerInvariant()}",
        GroupingDimension.Income => g => Labels.Of((IncomeGroup)g),
        _ => g => Labels.Of((Profile)g),
    };

    /// <summary>The intervals of the groups in <paramref name="moments"/> with orders, named by <paramref name="label"/> and ordered by name.</summary>
    internal static GroupIntervals FromMoments(GroupingDimension dimension, Func<int, string> label, IntervalMoments moments)
    {
        var groups = Enumerable.Range(0, moments.Count)
            .Where(g => moments.Orders[g] > 0)
            .Select(g => new GroupInterval(label(g), moments.OrderValue(g), moments.ItemPrice(g), g))
            .OrderBy(g => g.Group, StringComparer.Ordinal)
            .ToList();
        return new GroupIntervals(dimension, groups);
    }

    /// <summary>The intervals as a table: group, n, mean, low and high for both measures.</summary>
    public Microsoft.Data.Analysis.DataFrame ToDataFrame() => RowFrames.ToDataFrame(Groups.Select(g => new IntervalRow(
        g.Group, g.OrderValue.Count, g.OrderValue.Mean, g.OrderValue.Low, g.OrderValue.High, g.ItemPrice.Count, g.ItemPrice.Mean, g.ItemPrice.Low, g.ItemPrice.High)).ToList());

    /// <summary>Says whether the highest and lowest mean order value (and item price) differ significantly.</summary>
    public string Sentence()
    {
        if (Groups.Count < 2)
        {
            return "There is only one group, so there is nothing to compare.";
        }

        return $"{Compare("Mean order value", g => g.OrderValue)} {Compare("Mean item price", g => g.ItemPrice)} (95% t-intervals; {IntervalGap.Rule}.)";
    }

    /// <summary>The gap between the highest and lowest group of mean item price (null when fewer than two groups have two priced lines).</summary>
    public IntervalGap? ItemPriceGap() => Gap(g => g.ItemPrice);

    /// <summary>How the intervals are computed and what they assume.</summary>
    public string Method() =>
        "Mean order value: the mean over the group's orders of the order's known-price total; mean item price: the mean known price over the group's lines. "
        + "Each interval is mean ± t(0.975, n − 1) · s / √n; two groups differ significantly when Welch's t-test rejects equal means at the 5% level. "
        + "Orders (and lines) are treated as independent draws, although one customer's orders resemble each other, so the intervals are somewhat narrower than a customer-level bootstrap would give.";

    private string Compare(string measure, Func<GroupInterval, MeanInterval> of)
    {
        if (Gap(of) is not { } gap)
        {
            return $"{measure}: too few values to compare.";
        }

        var verdict = gap.BeyondNoise ? "a significant difference" : "a gap within the noise, not a finding";
        return $"{measure} is highest for {gap.HighGroup} ({Interval(gap.High)}) and lowest for {gap.LowGroup} ({Interval(gap.Low)}): {verdict}.";
    }

    private IntervalGap? Gap(Func<GroupInterval, MeanInterval> of) => IntervalGap.Between(Groups.Select(g => (g.Group, of(g))));

    private static string Interval(MeanInterval m) =>
        $"{Wording.Money(m.Mean)}, 95% CI {Wording.Money(m.Low)}–{Wording.Money(m.High)}";

    /// <summary>The group of each order's active customer (-1: no customer, or not active).</summary>
    internal static Func<int, int> ActiveCustomer(InstacartData data, Func<int, int> groupOfCustomer)
    {
        var groups = new int[data.Customers.Count];
        for (var c = 0; c < groups.Length; c++)
        {
            groups[c] = data.Customers.Active[c] ? groupOfCustomer(c) : -1;
        }

        var orderCustomer = data.Merge.OrderCustomer;
        return o => orderCustomer[o] < 0 ? -1 : groups[orderCustomer[o]];
    }

    private sealed record IntervalRow(
        string Group, long Orders, double MeanOrderValue, double MeanOrderValueLow, double MeanOrderValueHigh,
        long PricedLines, double MeanItemPrice, double MeanItemPriceLow, double MeanItemPriceHigh);
}
