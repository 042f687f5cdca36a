using System.Globalization;

namespace Instacart.Analysis.Statistics;

/// <summary>
/// The highest and the lowest value of a measure across groups, and whether the lowest is within
/// <see cref="Tolerance"/> of the highest. The one rule by which a sentence may call a measure steady ("barely
/// moves") when its values carry no intervals; it describes the values and claims nothing about noise.
/// </summary>
/// <param name="HighGroup">The group with the highest value (the first in the order given among ties).</param>
/// <param name="High">That value.</param>
/// <param name="LowGroup">The group with the lowest value among the others (the first in the order given among ties).</param>
/// <param name="Low">That value.</param>
public sealed record RelativeGap(string HighGroup, double High, string LowGroup, double Low)
{
    /// <summary>How far below the highest value the lowest may fall for the measure to count as steady: 5%.</summary>
    public const double Tolerance = 0.05;

    /// <summary>The rule, as sentences and method texts name it.</summary>
    public static string Rule { get; } = $"the lowest within {Tolerance.ToString("0%", CultureInfo.InvariantCulture)} of the highest";

    /// <summary>How far the lowest value falls below the highest, as a fraction of the highest (0 when the highest is not positive).</summary>
    public double Fraction => High > 0 ? (High - Low) / High : 0;

    /// <summary>Whether the lowest value is within <see cref="Tolerance"/> of the highest.</summary>
    public bool Steady => Fraction <= Tolerance;

    /// <summary>
    /// The gap between the highest and the lowest of the values, or null when there are fewer than two. The two are
    /// always different groups, even when every value is the same.
    /// </summary>
    public static RelativeGap? Between(IEnumerable<(string Group, double Value)> values)
    {
        var list = values.ToList();
        if (list.Count < 2)
        {
            return null;
        }

        var (high, low) = Extremes.Of(list, v => v.Value);
        return new RelativeGap(high.Group, high.Value, low.Group, low.Value);
    }
}
