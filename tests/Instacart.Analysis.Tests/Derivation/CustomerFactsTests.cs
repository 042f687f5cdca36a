using Instacart.Analysis.Tests.Fixtures;
using Instacart.Data.Derivation;
using Instacart.Data;

namespace Instacart.Analysis.Tests.Derivation;

public class CustomerFactsTests
{
    private static readonly InstacartData Data = TinyData.Load();

    private static int Row(int userId) => Array.IndexOf(Data.Input.Customers.UserId, userId);

    [Fact]
    public void Derive_UserWithMaxOrderFive_IsActiveNewHighSpendingRegularParent()
    {
        var facts = Data.Customers;
        var c = Row(2);

        Assert.Equal(5, facts.MaxOrder[c]);
        Assert.True(facts.Active[c]);
        Assert.Equal(Loyalty.New, facts.Loyalty[c]);
        Assert.Equal(64.0, facts.MeanItemPrice(c), 10);          // (100 + 100 + 15 + 5 + 100) / 5 known prices
        Assert.Equal(Spending.High, facts.Spending[c]);
        Assert.Equal(15.0, facts.MedianDays[c]);                 // {10, 20, 30, 10}: even count
        Assert.Equal(Frequency.Regular, facts.Frequency[c]);
        Assert.Equal(Region.South, facts.Region[c]);
        Assert.Equal(Profile.MiddleAgedParent, facts.Profile[c]);
        Assert.Equal(IncomeGroup.Middle, facts.IncomeGroup[c]);  // 50,000 is middle
        Assert.True(facts.BabyHousehold[c]);
    }

    [Fact]
    public void Derive_UserWithMaxOrderFour_IsInactiveAndFrequentAtTheBoundary()
    {
        var facts = Data.Customers;
        var c = Row(1);

        Assert.Equal(4, facts.MaxOrder[c]);
        Assert.False(facts.Active[c]);
        Assert.Equal(10.0, facts.MedianDays[c]);                 // order 104 has no merged line: {8, 12} only
        Assert.Equal(Frequency.Frequent, facts.Frequency[c]);    // 10 is frequent
        Assert.Equal(10.025, facts.MeanItemPrice(c), 10);
        Assert.Equal(IncomeGroup.Low, facts.IncomeGroup[c]);     // 49,999
        Assert.Equal(AgeGroup.YoungAdult, facts.AgeGroup[c]);    // 35
        Assert.False(facts.BabyHousehold[c]);
    }

    [Fact]
    public void Derive_CustomerWithoutOrders_HasNoLinesAndUnknownFrequency()
    {
        var facts = Data.Customers;
        var c = Row(4);

        Assert.Equal(0, facts.Lines[c]);
        Assert.Equal(Frequency.Unknown, facts.Frequency[c]);
        Assert.Equal(Spending.Low, facts.Spending[c]);
        Assert.Equal(AgeGroup.Senior, facts.AgeGroup[c]);        // 65
        Assert.Equal(IncomeGroup.High, facts.IncomeGroup[c]);    // 120,001
    }
}
