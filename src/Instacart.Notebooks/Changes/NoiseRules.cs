namespace Instacart.Notebooks.Changes;

/// <summary>
/// When a number in <c>answers.json</c> moved beyond the noise between two reports. <c>answers.json</c> carries no
/// interval for a question's means, so counts and proportions get the 95% interval of their difference (a count
/// varies by chance as a Poisson count, a proportion as a binomial one) and every other number a stated relative
/// threshold on a row of a stated minimum size.
/// </summary>
internal static class NoiseRules
{
    /// <summary>The smallest relative move that counts (5%).</summary>
    public const double RelativeThreshold = 0.05;

    /// <summary>The smallest change of a count that counts.</summary>
    public const double MinimumCountChange = 20;

    /// <summary>The smallest change of a proportion that counts (one percentage point).</summary>
    public const double MinimumShareChange = 0.01;

    /// <summary>The fewest orders (or customers, lines, products: the row's size) a row needs for its means to be compared.</summary>
    public const double MinimumRowSize = 30;

    /// <summary>z for a two-sided 95% interval.</summary>
    private const double Z = 1.959964;

    /// <summary>The rule for counts, in words.</summary>
    public const string Counts =
        "A count (orders, lines, customers, products, rows) moved when it changed by more than 5%, by more than 1.96·√(old + new) (the 95% interval of the difference of two counts that vary by chance alone) and by at least 20.";

    /// <summary>The rule for proportions, in words.</summary>
    public const string Shares =
        "A proportion (reorder rate, share) moved when it changed by at least one percentage point and, where its row gives the count it is a proportion of, by more than the 95% interval of the difference of two proportions (1.96·√(p₁(1 − p₁)/n₁ + p₂(1 − p₂)/n₂)); otherwise by more than 5%.";

    /// <summary>The rule for every other number, in words.</summary>
    public const string Others =
        "Any other number (revenue, means, medians) moved when it changed by more than 5% in a row of at least 30 orders (or customers, lines or products, whichever the row counts) in both reports. answers.json carries no confidence interval for these, so no interval is used.";

    /// <summary>Whether a count moved beyond the noise.</summary>
    public static bool CountMoved(double old, double now)
    {
        var change = Math.Abs(now - old);
        return change >= MinimumCountChange && change > Z * Math.Sqrt(Math.Max(0, old) + Math.Max(0, now)) && Relative(old, now) > RelativeThreshold;
    }

    /// <summary>Whether a proportion moved beyond the noise; <paramref name="oldCount"/> and <paramref name="newCount"/> are what it is a proportion of, when known.</summary>
    public static bool ShareMoved(double old, double now, double? oldCount, double? newCount)
    {
        var change = Math.Abs(now - old);
        if (change < MinimumShareChange)
        {
            return false;
        }

        if (oldCount is > 0 && newCount is > 0)
        {
            var variance = (Clamp(old) * (1 - Clamp(old)) / oldCount.Value) + (Clamp(now) * (1 - Clamp(now)) / newCount.Value);
            return change > Z * Math.Sqrt(variance);
        }

        return Relative(old, now) > RelativeThreshold;
    }

    /// <summary>Whether any other number moved beyond the threshold; the sizes are the row's, when it has one.</summary>
    public static bool OtherMoved(double old, double now, double? oldSize, double? newSize) =>
        (oldSize is null || oldSize >= MinimumRowSize) && (newSize is null || newSize >= MinimumRowSize) && Relative(old, now) > RelativeThreshold;

    /// <summary>The relative change |new − old| / |old| (infinite from zero).</summary>
    public static double Relative(double old, double now) =>
        old == 0 ? (now == 0 ? 0 : double.PositiveInfinity) : Math.Abs(now - old) / Math.Abs(old);

    private static double Clamp(double p) => Math.Clamp(p, 0, 1);
}
