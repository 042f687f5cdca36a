using Instacart.Analysis.Questions;
using Instacart.Analysis.Tests.Fixtures;
using Instacart.Data;
using Instacart.Data.Derivation;

namespace Instacart.Analysis.Tests.Questions;

public class StakeholderExtrasTests
{
    private static readonly InstacartData Data = TinyData.Load();

    [Fact]
    public void HourQuadrants_TinyData_SplitsAtTheMedianHour()
    {
        var answer = HourQuadrants.Compute(Data);

        // 18 hours without orders: the median hourly count is 0, so any hour with orders is busy.
        Assert.Equal(0, answer.MedianOrders);
        // Mean order values 5, 15, 15.1, 41.67, 100, 100: the median is (15.1 + 41.67) / 2.
        Assert.Equal((15.1 + (125 / 3.0)) / 2, answer.MedianOrderValue!.Value, 4);
        Assert.Equal([3, 9, 10], answer.Rows.Where(r => r.Quadrant == HourQuadrants.PerfectStorm).Select(r => r.Hour));
        Assert.Equal([16, 22, 23], answer.Rows.Where(r => r.Quadrant == HourQuadrants.TrafficSurge).Select(r => r.Hour));
        Assert.DoesNotContain(answer.Rows, r => r.Quadrant == HourQuadrants.PricierBaskets);
        Assert.Equal(18, answer.Rows.Count(r => r.Quadrant == HourQuadrants.SlowHours));
    }

    [Fact]
    public void SpenderFrequency_TinyData_PutsTheActiveUserInHighSpenderRegular()
    {
        var row = Assert.Single(SpenderFrequency.Compute(Data).Rows);

        Assert.Equal(new SpenderFrequencyRow(Instacart.Data.Derivation.Spending.High, Instacart.Data.Derivation.Frequency.Regular, 1, 5, 320, 1.0, 320), row);
    }

    [Fact]
    public void BabyHouseholds_TinyData_SplitsTheProfileByBabyPurchases()
    {
        var row = Assert.Single(BabyHouseholds.Compute(Data).Rows);

        Assert.Equal(new BabyHouseholdsRow(Instacart.Data.Derivation.Profile.MiddleAgedParent, true, 1, 5, 64), row);
    }

    [Fact]
    public void DepartmentMix_TinyData_ComputesSharesAgainstTheOverallMix()
    {
        var rows = DepartmentMix.Compute(Data).Rows.Where(r => r.Dimension == CustomerDimension.AgeGroup).ToList();

        Assert.Equal([AgeGroup.MiddleAged], rows.Select(r => r.Group).Distinct());
        Assert.Equal([1L, 3, 3], rows.Select(r => r.Lines));                      // frozen, babies, produce of user 2's 7 lines
        Assert.Equal([1 / 7.0, 3 / 7.0, 3 / 7.0], rows.Select(r => r.Share));
        Assert.All(rows, r => Assert.Equal(0, r.ShareDifference, 12));          // one active customer: the group is everyone
        Assert.Equal([1.0, 2 / 3.0, 0.0], rows.Select(r => r.ReorderRate!.Value));
    }
}
