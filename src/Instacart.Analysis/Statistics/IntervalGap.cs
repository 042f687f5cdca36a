namespace Instacart.Analysis.Statistics;

/// <summary>
/// The highest and the lowest group mean of one measure, and whether the gap between them is beyond the noise:
/// Welch's t-test at the 5% level (<see cref="MeanInterval.DiffersFrom"/>). The one rule by which a sentence may
/// call groups alike or different when their means carry intervals.
/// </summary>
/// <param name="HighGroup">The group with the highest mean (the first in the order given among ties).</param>
/// <param name="High">That group's mean and interval.</param>
/// <param name="LowGroup">The group with the lowest mean among the others (the first in the order given among ties).</param>
/// <param name="Low">That group's mean and interval.</param>
public sealed record IntervalGap(string HighGroup, MeanInterval High, string LowGroup, MeanInterval Low)
{
    /// <summary>The rule, as sentences and method texts name it.</summary>
    public const string Rule = "Welch's t-test at the 5% level";

    /// <summary>Whether the two means differ significantly: the gap is a finding, not noise.</summary>
    public bool BeyondNoise => High.DiffersFrom(Low);

    /// <summary>
    /// The gap between the highest and lowest mean among the groups with at least two values, or null when fewer
    /// than two such groups remain. The two are always different groups, even when every mean is the same.
    /// </summary>
    public static IntervalGap? Between(IEnumerable<(string Group, MeanInterval Interval)> groups)
    {
        var compared = groups.Where(g => g.Interval.Count > 1).ToList();
        if (compared.Count < 2)
        {
            return null;
        }

        var (high, low) = Extremes.Of(compared, g => g.Interval.Mean);
        return new IntervalGap(high.Group, high.Interval, low.Group, low.Interval);
    }
}
