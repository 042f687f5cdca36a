namespace Instacart.Analysis.Statistics;

/// <summary>
/// A sample mean with its two-sided 95% confidence interval from Student's t distribution
/// (mean ± t(0.975, n − 1) · s / √n), built from the sample's count, sum and sum of squares.
/// </summary>
/// <param name="Count">Sample size.</param>
/// <param name="Mean">Sample mean (NaN when empty).</param>
/// <param name="StandardError">s / √n (NaN below two values).</param>
/// <param name="Low">Lower end of the interval.</param>
/// <param name="High">Upper end of the interval.</param>
public sealed record MeanInterval(long Count, double Mean, double StandardError, double Low, double High)
{
    /// <summary>The interval of a sample given by its moments.</summary>
    public static MeanInterval FromMoments(long count, double sum, double sumOfSquares)
    {
        if (count == 0)
        {
            return new MeanInterval(0, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var mean = sum / count;
        if (count == 1)
        {
            return new MeanInterval(1, mean, double.NaN, double.NaN, double.NaN);
        }

        var variance = Math.Max(0, (sumOfSquares - (count * mean * mean)) / (count - 1));
        var standardError = Math.Sqrt(variance / count);
        var half = StudentT.Quantile975(count - 1) * standardError;
        return new MeanInterval(count, mean, standardError, mean - half, mean + half);
    }

    /// <summary>
    /// Whether this mean and <paramref name="other"/> differ at the 5% level by Welch's t-test
    /// (unequal variances, Welch–Satterthwaite degrees of freedom).
    /// </summary>
    public bool DiffersFrom(MeanInterval other)
    {
        if (Count < 2 || other.Count < 2)
        {
            return false;
        }

        var a = StandardError * StandardError;
        var b = other.StandardError * other.StandardError;
        if (a + b == 0)
        {
            return Mean != other.Mean;
        }

        var t = Math.Abs(Mean - other.Mean) / Math.Sqrt(a + b);
        var df = ((a + b) * (a + b)) / ((a * a / (Count - 1)) + (b * b / (other.Count - 1)));
        return t > StudentT.Quantile975(df);
    }
}
