using System.Numerics;
using Instacart.Data.Derivation;

namespace Instacart.Analysis.Questions;

/// <summary>Medians of days between orders over sets of orders, by counting whole days.</summary>
internal sealed partial class GroupStats
{
    /// <summary>Largest whole day counted by the histogram median; other values take the sorting path.</summary>
    private const int HistogramDays = 1024;

    /// <summary>
    /// The median of the non-missing days of the orders in <paramref name="bits"/>, equal to
    /// <see cref="Rules.Median"/> of those values. Days are whole numbers in the data (<c>15.0</c>), so they are
    /// counted per day and the middle values are read from the counts; any other value falls back to the sort.
    /// </summary>
    internal static double MedianOver(ulong[] bits, float[] days)
    {
        Span<long> counts = stackalloc long[HistogramDays];
        counts.Clear();
        for (var w = 0; w < bits.Length; w++)
        {
            var word = bits[w];
            while (word != 0)
            {
                var o = (w << 6) + BitOperations.TrailingZeroCount(word);
                word &= word - 1;
                var d = days[o];
                if (float.IsNaN(d))
                {
                    continue;
                }

                if (!IsCountedDay(d))
                {
                    return MedianBySort(bits, days);
                }

                counts[(int)d]++;
            }
        }

        return MedianOfCounts(counts);
    }

    /// <summary>Whether <paramref name="day"/> is a whole day the histogram counts (0 to <see cref="HistogramDays"/> - 1, not -0).</summary>
    private static bool IsCountedDay(float day) =>
        day >= 0 && day < HistogramDays && day == (int)day && !(day == 0 && float.IsNegative(day));

    /// <summary>The median of whole-day values given as counts per day (index = day); NaN when there are none.</summary>
    private static double MedianOfCounts(ReadOnlySpan<long> counts)
    {
        long n = 0;
        foreach (var count in counts)
        {
            n += count;
        }

        if (n == 0)
        {
            return double.NaN;
        }

        // The k-th smallest (0-based) value, as the sorted array would hold it.
        static float At(ReadOnlySpan<long> histogram, long k)
        {
            for (var v = 0; v < histogram.Length; v++)
            {
                if (k < histogram[v])
                {
                    return v;
                }

                k -= histogram[v];
            }

            throw new InvalidOperationException("median index beyond the count");
        }

        var mid = n / 2;
        return n % 2 == 1 ? At(counts, mid) : (At(counts, mid - 1) + (double)At(counts, mid)) / 2;
    }

    private static double MedianBySort(ulong[] bits, float[] days)
    {
        var buffer = new List<float>();
        for (var w = 0; w < bits.Length; w++)
        {
            var word = bits[w];
            while (word != 0)
            {
                var o = (w << 6) + BitOperations.TrailingZeroCount(word);
                word &= word - 1;
                if (!float.IsNaN(days[o]))
                {
                    buffer.Add(days[o]);
                }
            }
        }

        return Rules.Median(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(buffer));
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
