using System.Numerics;
using Instacart.Analysis.Answers;
using Instacart.Data.Derivation;

namespace Instacart.Analysis.Questions;

/// <summary>
/// The multiset of one group's <c>days_since_prior_order</c> values (one per order), kept so that two groups' sets
/// add up exactly: whole and half days (0 to <see cref="MaxDay"/>) as counts per half day, any other value as itself.
/// Its <see cref="Median"/> equals <see cref="Rules.Median"/> of the values, bit for bit.
/// </summary>
internal sealed class DayHistogram
{
    /// <summary>Half days counted: index <c>2 × day</c> for days 0 to <see cref="MaxDay"/>.</summary>
    public const int Slots = 2 * MaxDay;

    /// <summary>The counted days stay below this; larger values are kept as themselves.</summary>
    public const int MaxDay = 1024;

    private long[]? counts;
    private List<float>? others;

    /// <summary>Values counted per half day (index = 2 × day), or null when none.</summary>
    public long[]? Counts => counts;

    /// <summary>Values that are not whole or half days in range (or -0), in any order.</summary>
    public IReadOnlyList<float> Others => (IReadOnlyList<float>?)others ?? [];

    /// <summary>Whether <paramref name="day"/> is counted per half day (0 to <see cref="MaxDay"/>, whole or half, not -0).</summary>
    public static bool IsCounted(float day) =>
        day >= 0 && day < MaxDay && day * 2 == (int)(day * 2) && !(day == 0 && float.IsNegative(day));

    /// <summary>Adds one value (NaN: nothing).</summary>
    public void Add(float day, long times = 1)
    {
        if (float.IsNaN(day) || times == 0)
        {
            return;
        }

        if (IsCounted(day))
        {
            (counts ??= new long[Slots])[(int)(day * 2)] += times;
        }
        else
        {
            others ??= [];
            for (var i = 0; i < times; i++)
            {
                others.Add(day);
            }
        }
    }

    /// <summary>The histogram of whole-day counts (index = day).</summary>
    public static DayHistogram FromWholeDays(ReadOnlySpan<long> wholeDays)
    {
        var histogram = new DayHistogram();
        for (var d = 0; d < wholeDays.Length; d++)
        {
            histogram.Add(d, wholeDays[d]);
        }

        return histogram;
    }

    /// <summary>The values of the orders in <paramref name="bits"/>.</summary>
    public static DayHistogram Over(ulong[] bits, float[] days)
    {
        var histogram = new DayHistogram();
        for (var w = 0; w < bits.Length; w++)
        {
            var word = bits[w];
            while (word != 0)
            {
                var o = (w << 6) + BitOperations.TrailingZeroCount(word);
                word &= word - 1;
                histogram.Add(days[o]);
            }
        }

        return histogram;
    }

    /// <summary>The union of two multisets (neither is changed).</summary>
    public static DayHistogram Sum(DayHistogram a, DayHistogram b)
    {
        var sum = new DayHistogram();
        foreach (var part in new[] { a, b })
        {
            if (part.counts is { } c)
            {
                var into = sum.counts ??= new long[Slots];
                for (var i = 0; i < Slots; i++)
                {
                    into[i] += c[i];
                }
            }

            if (part.others is { Count: > 0 } o)
            {
                (sum.others ??= []).AddRange(o);
            }
        }

        return sum;
    }

    /// <summary>The median (<see cref="Rules.Median"/> of the values), NaN when there are none.</summary>
    public double Median()
    {
        if (others is { Count: > 0 })
        {
            // Values outside the counted days: sort them all, as the rule does.
            var all = new List<float>(others);
            if (counts is not null)
            {
                for (var i = 0; i < Slots; i++)
                {
                    for (long k = 0; k < counts[i]; k++)
                    {
                        all.Add(i / 2f);
                    }
                }
            }

            return Rules.Median(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(all));
        }

        if (counts is null)
        {
            return double.NaN;
        }

        long n = 0;
        foreach (var count in counts)
        {
            n += count;
        }

        if (n == 0)
        {
            return double.NaN;
        }

        var mid = n / 2;
        return n % 2 == 1 ? At(counts, mid) : (At(counts, mid - 1) + (double)At(counts, mid)) / 2;
    }

    /// <summary>Writes the non-zero half-day counts and the other values.</summary>
    public void Write(BinaryWriter writer)
    {
        var nonZero = counts?.Count(c => c != 0) ?? 0;
        writer.Write7BitEncodedInt(nonZero);
        if (counts is not null)
        {
            for (var i = 0; i < Slots; i++)
            {
                if (counts[i] != 0)
                {
                    writer.Write7BitEncodedInt(i);
                    writer.Write7BitEncodedInt64(counts[i]);
                }
            }
        }

        writer.Write7BitEncodedInt(others?.Count ?? 0);
        foreach (var value in Others)
        {
            writer.Write(value);
        }
    }

    /// <summary>Reads what <see cref="Write"/> wrote.</summary>
    public static DayHistogram Read(BinaryReader reader)
    {
        var histogram = new DayHistogram();
        var nonZero = PartialFormat.Count(reader, Slots);
        for (var k = 0; k < nonZero; k++)
        {
            var slot = reader.Read7BitEncodedInt();
            var count = reader.Read7BitEncodedInt64();
            if (slot < 0 || slot >= Slots || count <= 0)
            {
                throw new InvalidDataException("A day count is out of range.");
            }

            (histogram.counts ??= new long[Slots])[slot] += count;
        }

        var others = PartialFormat.Count(reader, int.MaxValue);
        for (var k = 0; k < others; k++)
        {
            histogram.Add(reader.ReadSingle());
        }

        return histogram;
    }

    /// <summary>The k-th smallest value (0-based), as the sorted values would hold it.</summary>
    private static float At(long[] histogram, long k)
    {
        for (var v = 0; v < histogram.Length; v++)
        {
            if (k < histogram[v])
            {
                return v / 2f;
            }

            k -= histogram[v];
        }

        throw new InvalidOperationException("median index beyond the count");
    }
}
