namespace Instacart.Analysis.Statistics;

/// <summary>The 97.5% quantile of Student's t distribution, for two-sided 95% intervals.</summary>
/// <remarks>
/// Exact table values for 1–2 degrees of freedom; from 3 on, the Cornish–Fisher expansion of the t quantile
/// around the normal quantile (Abramowitz &amp; Stegun 26.7.5), within 0.002 of the exact value there and
/// converging to 1.959964 as the degrees of freedom grow. A whole statistics package for one quantile was not
/// worth the dependency.
/// </remarks>
internal static class StudentT
{
    private const double Z = 1.959963984540054;

    /// <summary>t(0.975, <paramref name="degreesOfFreedom"/>).</summary>
    public static double Quantile975(double degreesOfFreedom)
    {
        if (degreesOfFreedom < 1)
        {
            return double.NaN;
        }

        if (degreesOfFreedom < 1.5)
        {
            return 12.706204736174705;
        }

        if (degreesOfFreedom < 2.5)
        {
            return 4.302652729749464;
        }

        var v = degreesOfFreedom;
        const double z2 = Z * Z;
        var g1 = (z2 + 1) * Z / 4;
        var g2 = ((5 * z2 + 16) * z2 + 3) * Z / 96;
        var g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * Z / 384;
        var g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * Z / 92160;
        return Z + (g1 / v) + (g2 / (v * v)) + (g3 / (v * v * v)) + (g4 / (v * v * v * v));
    }
}
