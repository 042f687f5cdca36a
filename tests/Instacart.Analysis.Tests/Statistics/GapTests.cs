using Instacart.Analysis.Statistics;

namespace Instacart.Analysis.Tests.Statistics;

public class GapTests
{
    private static readonly MeanInterval Ten = MeanInterval.FromMoments(100, 1000, (100 * 100) + (100 * 1.0));     // mean 10, variance ≈ 1
    private static readonly MeanInterval Eleven = MeanInterval.FromMoments(100, 1100, (100 * 121) + (100 * 1.0));  // mean 11
    private static readonly MeanInterval NearTen = MeanInterval.FromMoments(100, 1001, (100 * 10.01 * 10.01) + (100 * 1.0));

    [Fact]
    public void IntervalGap_SeparatedMeans_IsBeyondTheNoise()
    {
        var gap = IntervalGap.Between([("a", Ten), ("b", NearTen), ("c", Eleven)])!;

        Assert.Equal(("c", "a"), (gap.HighGroup, gap.LowGroup));
        Assert.True(gap.BeyondNoise);
    }

    [Fact]
    public void IntervalGap_CloseMeans_IsWithinTheNoise() =>
        Assert.False(IntervalGap.Between([("a", Ten), ("b", NearTen)])!.BeyondNoise);

    [Fact]
    public void IntervalGap_FewerThanTwoGroupsWithTwoValues_IsNull() =>
        Assert.Null(IntervalGap.Between([("a", Ten), ("b", MeanInterval.FromMoments(1, 5, 25))]));

    [Fact]
    public void IntervalGap_AllMeansEqual_NamesTwoDifferentGroups()
    {
        var gap = IntervalGap.Between([("a", Ten), ("b", Ten)])!;

        Assert.Equal(("a", "b"), (gap.HighGroup, gap.LowGroup));
        Assert.False(gap.BeyondNoise);
    }

    [Theory]
    [InlineData(10.0, 9.5, true)]     // exactly 5% below
    [InlineData(10.0, 9.49, false)]
    [InlineData(10.0, 10.0, true)]
    public void RelativeGap_LowestAgainstTheHighest_IsSteadyWithinFivePercent(double high, double low, bool steady)
    {
        var gap = RelativeGap.Between([("h", high), ("l", low)])!;

        Assert.Equal(steady, gap.Steady);
        Assert.Equal((high - low) / high, gap.Fraction, 12);
    }

    [Fact]
    public void RelativeGap_OneValue_IsNull() =>
        Assert.Null(RelativeGap.Between([("h", 1.0)]));

    [Fact]
    public void RelativeGap_Rule_NamesTheTolerance() =>
        Assert.Equal("the lowest within 5% of the highest", RelativeGap.Rule);
}
