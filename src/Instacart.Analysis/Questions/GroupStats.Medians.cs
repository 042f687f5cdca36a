using System.Numerics;
using Instacart.Data.Derivation;

namespace Instacart.Analysis.Questions;

/// <summary>Medians of days between orders over sets of orders, by counting whole and half days (<see cref="DayHistogram"/>).</summary>
internal sealed partial class GroupStats
{
    /// <summary>Largest whole day counted per group by the totals path; other values take the orders' bit sets.</summary>
    private const int HistogramDays = DayHistogram.MaxDay;

    /// <summary>
    /// The median of the non-missing days of the orders in <paramref name="bits"/>, equal to
    /// <see cref="Rules.Median"/> of those values. Days are whole numbers in the data (<c>15.0</c>), so they are
    /// counted per day and the middle values are read from the counts; any other value falls back to the sort.
    /// </summary>
    internal static double MedianOver(ulong[] bits, float[] days) => DayHistogram.Over(bits, days).Median();

    /// <summary>Whether <paramref name="day"/> is a whole day the histogram counts (0 to <see cref="HistogramDays"/> - 1, not -0).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool IsCountedDay(float day) =>
        day >= 0 && day < HistogramDays && day == (int)day && !(day == 0 && float.IsNegative(day));

    /// <summary>Keeps a group's days and its median.</summary>
    private void SetDays(int g, DayHistogram days)
    {
        Days![g] = days;
        MedianDays[g] = days.Median();
    }

    private static void Or(ulong[] into, ulong[] from)
    {
        for (var w = 0; w < from.Length; w++)
        {
            into[w] |= from[w];
        }
    }

    private static long PopCount(ulong[] bits)
    {
        long count = 0;
        foreach (var word in bits)
        {
            count += BitOperations.PopCount(word);
        }

        return count;
    }
}
