using Instacart.Data.Derivation;
using Instacart.Analysis.Questions;

namespace Instacart.Analysis.Tests.Performance;

/// <summary>The histogram median of the group-bys equals the sorting median of <see cref="Rules.Median"/>, bit for bit.</summary>
public sealed class MedianPathTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(2, 1_000)]
    [InlineData(3, 1_001)]
    [InlineData(4, 50_000)]
    public void MedianOver_WholeDays_EqualsTheSortingMedian(int seed, int orders)
    {
        var (bits, days) = Orders(seed, orders, whole: true);
        Assert.Equal(Expected(bits, days), GroupStats.MedianOver(bits, days));
    }

    [Theory]
    [InlineData(5, 999)]
    [InlineData(6, 1_000)]
    public void MedianOver_FractionalOrHugeDays_FallsBackAndStillEqualsTheSortingMedian(int seed, int orders)
    {
        var (bits, days) = Orders(seed, orders, whole: false);
        Assert.Equal(Expected(bits, days), GroupStats.MedianOver(bits, days));
    }

    [Fact]
    public void MedianOver_NoDays_IsNaN()
    {
        var days = new[] { float.NaN, 3f };
        Assert.True(double.IsNaN(GroupStats.MedianOver([0b01UL], days)));
    }

    private static (ulong[] Bits, float[] Days) Orders(int seed, int orders, bool whole)
    {
        var random = new Random(seed);
        var days = new float[orders];
        var bits = new ulong[(orders + 63) / 64];
        for (var o = 0; o < orders; o++)
        {
            days[o] = random.Next(10) == 0 ? float.NaN
                : whole ? random.Next(31)
                : random.Next(3) switch { 0 => random.Next(31) + 0.5f, 1 => 5000f, _ => random.Next(31) };
            if (random.Next(4) != 0)
            {
                bits[o >> 6] |= 1UL << o;
            }
        }

        return (bits, days);
    }

    private static double Expected(ulong[] bits, float[] days)
    {
        var values = new List<float>();
        for (var o = 0; o < days.Length; o++)
        {
            if ((bits[o >> 6] & (1UL << o)) != 0 && !float.IsNaN(days[o]))
            {
                values.Add(days[o]);
            }
        }

        return Rules.Median(values.ToArray());
    }
}
