using Instacart.Analysis.Questions;
using Instacart.Data.Derivation;

namespace Instacart.Analysis.Tests.Partitions;

/// <summary>Days between orders kept as histograms merge exactly: the merged median is the median of all values.</summary>
public sealed class DayHistogramTests
{
    [Theory]
    [InlineData(1, 1, true)]
    [InlineData(2, 2, true)]
    [InlineData(3, 1_001, true)]
    [InlineData(4, 2_000, false)]
    [InlineData(5, 999, false)]
    public void Median_MergedPartsInAnyOrder_EqualsTheSortingMedianOfAllValues(int seed, int count, bool wholeOrHalf)
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, count).Select(_ => random.Next(8) switch
        {
            0 => float.NaN,
            1 => random.Next(60) + 0.5f,
            2 when !wholeOrHalf => random.Next(60) + 0.25f,
            3 when !wholeOrHalf => 5_000f,
            _ => (float)random.Next(31),
        }).ToArray();
        var expected = Rules.Median(values.Where(v => !float.IsNaN(v)).ToArray());

        var parts = Enumerable.Range(0, 5).Select(_ => new DayHistogram()).ToArray();
        foreach (var value in values)
        {
            parts[random.Next(parts.Length)].Add(value);
        }

        var merged = parts.OrderBy(_ => random.Next()).Aggregate(new DayHistogram(), DayHistogram.Sum);
        Assert.Equal(expected, merged.Median());
    }

    [Fact]
    public void Median_NoValues_IsNaN() =>
        Assert.True(double.IsNaN(DayHistogram.Sum(new DayHistogram(), new DayHistogram()).Median()));
}
