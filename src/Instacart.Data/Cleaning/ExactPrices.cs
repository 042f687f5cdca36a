namespace Instacart.Data.Cleaning;

/// <summary>
/// Prices as whole numbers of a common unit (a power of ten: cents for prices written with two decimals), so that
/// revenue is an exact integer sum: the same in any order of addition and on any number of threads, and equal to the
/// sum of the decimal prices as written. A sum is turned into a <see cref="double"/> only at the end.
/// </summary>
internal static class ExactPrices
{
    /// <summary>The most decimals a price keeps exactly; a price written with more is rounded to this many.</summary>
    public const int MaxDecimals = 9;

    /// <summary>2^53: the largest unit count of one price.</summary>
    private const double ExactLimit = 9_007_199_254_740_992d;

    /// <summary>The unit of <paramref name="units"/>, for a price column: the least power of ten that writes every known price as a whole number.</summary>
    /// <param name="price">Prices as parsed; NaN is missing.</param>
    /// <param name="units">Each price in that unit, or -1 where the price is missing (prices are never negative).</param>
    /// <returns>The number of units in 1 (1, 10, 100, …).</returns>
    public static long Scale(double[] price, out long[] units)
    {
        var decimals = 0;
        double largest = 0;
        foreach (var p in price)
        {
            if (!double.IsNaN(p))
            {
                decimals = Math.Max(decimals, DecimalsOf(p));
                largest = Math.Max(largest, p);
            }
        }

        // Every unit count stays an integer a double holds exactly (so an order's sum of a few thousand lines fits a long).
        while (decimals > 0 && largest * Math.Pow(10, decimals) > ExactLimit)
        {
            decimals--;
        }

        var scale = (long)Math.Pow(10, decimals);
        units = new long[price.Length];
        for (var i = 0; i < price.Length; i++)
        {
            units[i] = double.IsNaN(price[i]) ? -1 : (long)Math.Round(price[i] * scale, MidpointRounding.AwayFromZero);
        }

        return scale;
    }

    /// <summary>The exact sum <paramref name="units"/> / <paramref name="scale"/> as the nearest double.</summary>
    public static double ToDouble(Int128 units, long scale) => (double)units / scale;

    /// <summary>
    /// How many decimals <paramref name="price"/> was written with: the fewest <c>k</c> for which the double nearest
    /// to <c>round(price · 10^k) / 10^k</c> is the price itself (what parsing the decimal text gave).
    /// </summary>
    private static int DecimalsOf(double price)
    {
        double power = 1;
        for (var k = 0; k < MaxDecimals; k++, power *= 10)
        {
            if (Math.Round(price * power, MidpointRounding.AwayFromZero) / power == price)
            {
                return k;
            }
        }

        return MaxDecimals;
    }
}
