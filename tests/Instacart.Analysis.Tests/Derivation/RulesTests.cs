using Instacart.Data.Derivation;

namespace Instacart.Analysis.Tests.Derivation;

public class RulesTests
{
    private static readonly AnalysisOptions Options = AnalysisOptions.Default;

    [Theory]
    [InlineData(0.5, PriceRange.Low)]
    [InlineData(5.0, PriceRange.Low)]
    [InlineData(5.01, PriceRange.Mid)]
    [InlineData(15.0, PriceRange.Mid)]
    [InlineData(15.01, PriceRange.High)]
    [InlineData(100.0, PriceRange.High)]
    [InlineData(double.NaN, PriceRange.Unknown)]
    public void PriceRangeOf_Boundaries_FollowSpec(double price, PriceRange expected) =>
        Assert.Equal(expected, Rules.PriceRangeOf(price, Options));

    [Theory]
    [InlineData(1, Loyalty.New)]
    [InlineData(10, Loyalty.New)]
    [InlineData(11, Loyalty.Regular)]
    [InlineData(40, Loyalty.Regular)]
    [InlineData(41, Loyalty.Loyal)]
    public void LoyaltyOf_Boundaries_FollowSpec(int maxOrder, Loyalty expected) =>
        Assert.Equal(expected, Rules.LoyaltyOf(maxOrder, Options));

    [Theory]
    [InlineData(35, AgeGroup.YoungAdult)]
    [InlineData(36, AgeGroup.MiddleAged)]
    [InlineData(64, AgeGroup.MiddleAged)]
    [InlineData(65, AgeGroup.Senior)]
    public void AgeGroupOf_Boundaries_FollowSpec(int age, AgeGroup expected) =>
        Assert.Equal(expected, Rules.AgeGroupOf(age, Options));

    [Theory]
    [InlineData(49_999, IncomeGroup.Low)]
    [InlineData(50_000, IncomeGroup.Middle)]
    [InlineData(120_000, IncomeGroup.Middle)]
    [InlineData(120_001, IncomeGroup.High)]
    public void IncomeGroupOf_Boundaries_FollowSpec(int income, IncomeGroup expected) =>
        Assert.Equal(expected, Rules.IncomeGroupOf(income, Options));

    [Theory]
    [InlineData(9.99, Spending.Low)]
    [InlineData(10.0, Spending.High)]
    [InlineData(double.NaN, Spending.Low)]
    public void SpendingOf_Boundaries_FollowSpec(double mean, Spending expected) =>
        Assert.Equal(expected, Rules.SpendingOf(mean, Options));

    [Theory]
    [InlineData(10.0, Frequency.Frequent)]
    [InlineData(10.5, Frequency.Regular)]
    [InlineData(20.0, Frequency.Regular)]
    [InlineData(20.5, Frequency.NonFrequent)]
    [InlineData(double.NaN, Frequency.Unknown)]
    public void FrequencyOf_Boundaries_FollowSpec(double median, Frequency expected) =>
        Assert.Equal(expected, Rules.FrequencyOf(median, Options));

    [Theory]
    [InlineData(3, TimeSegment.NightOwls)]
    [InlineData(4, TimeSegment.EarlyBirds)]
    [InlineData(9, TimeSegment.EarlyBirds)]
    [InlineData(10, TimeSegment.Midday)]
    [InlineData(15, TimeSegment.Midday)]
    [InlineData(16, TimeSegment.Evening)]
    [InlineData(21, TimeSegment.Evening)]
    [InlineData(22, TimeSegment.NightOwls)]
    [InlineData(0, TimeSegment.NightOwls)]
    public void TimeSegmentOf_Boundaries_FollowSpec(int hour, TimeSegment expected) =>
        Assert.Equal(expected, Rules.TimeSegmentOf(hour));

    [Fact]
    public void Median_EvenCount_AveragesTheTwoMiddleValues() =>
        Assert.Equal(15.0, Rules.Median(new float[] { 30, 10, 20, 10 }));

    [Fact]
    public void Median_OddCount_TakesTheMiddleValue() =>
        Assert.Equal(7.0, Rules.Median(new float[] { 9, 1, 7 }));

    [Fact]
    public void Median_Empty_IsNaN() => Assert.True(double.IsNaN(Rules.Median(Span<float>.Empty)));

    [Theory]
    [InlineData("District of Columbia", Region.South)]
    [InlineData("New York", Region.Northeast)]
    [InlineData("Ohio", Region.Midwest)]
    [InlineData("Alaska", Region.West)]
    [InlineData("Puerto Rico", Region.Unknown)]
    public void RegionOf_StateNames_FollowCensusRegions(string state, Region expected) =>
        Assert.Equal(expected, Rules.RegionOf(state));

    [Fact]
    public void ProfileOf_EveryCell_HasItsExactName()
    {
        var names = Enum.GetValues<AgeGroup>()
            .SelectMany(a => Enum.GetValues<Household>().Select(h => Labels.Of(Rules.ProfileOf(a, h))))
            .ToArray();

        Assert.Equal(["Young parent", "Young, no dependants", "Middle-aged parent", "Middle-aged, no dependants", "Senior parent", "Senior, no dependants"], names);
    }

    [Fact]
    public void Day_Conventions_NameDayZero()
    {
        Assert.Equal("Saturday", Labels.Day(0, DayConvention.SaturdayFirst));
        Assert.Equal("Friday", Labels.Day(6, DayConvention.SaturdayFirst));
        Assert.Equal("Sunday", Labels.Day(0, DayConvention.SundayFirst));
    }
}
