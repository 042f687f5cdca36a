using Instacart.Analysis.Questions;
using Instacart.Analysis.Tests.Fixtures;
using Instacart.Data;

namespace Instacart.Analysis.Tests.Questions;

/// <summary>Only user 2 is active: 5 orders, 7 lines, 320 of revenue over 5 known prices, days {10, 20, 30, 10}.</summary>
public class CustomerQuestionsTests
{
    private static readonly InstacartData Data = TinyData.Load();

    [Fact]
    public void Loyalty_TinyData_UsesActiveCustomersOnly()
    {
        var row = Assert.Single(LoyaltyGroups.Compute(Data).Rows);

        Assert.Equal(new LoyaltyRow(Instacart.Data.Derivation.Loyalty.New, 1, 5, 7, 64, 64, 15), row);
    }

    [Fact]
    public void Regions_TinyData_ComputesHighSpenderShare()
    {
        var row = Assert.Single(RegionGroups.Compute(Data).Rows);

        Assert.Equal(new RegionsRow(Instacart.Data.Derivation.Region.South, 1, 5, 7, 320, 64, 1.0), row);
    }

    [Fact]
    public void AgeFamily_TinyData_PutsUserInMiddleAgedParent()
    {
        var row = Assert.Single(AgeFamily.Compute(Data).Rows);

        Assert.Equal(new AgeFamilyRow(Instacart.Data.Derivation.AgeGroup.MiddleAged, Instacart.Data.Derivation.Household.Parent, 1, 5, 64, 64), row);
    }

    [Fact]
    public void Income_TinyData_BreaksTopDepartmentTieByLowerId()
    {
        var row = Assert.Single(IncomeGroups.Compute(Data).Rows);

        // babies (id 2) and produce (id 3) both have 3 of user 2's lines.
        Assert.Equal(new IncomeRow(Instacart.Data.Derivation.IncomeGroup.Middle, 1, 5, 64, 64, "babies"), row);
    }

    [Fact]
    public void Profiles_TinyData_ReportsMedianDaysAndTopDepartment()
    {
        var row = Assert.Single(Profiles.Compute(Data).Rows);

        Assert.Equal(new ProfilesRow(Instacart.Data.Derivation.Profile.MiddleAgedParent, 1, 5, 64, 64, 15, "babies"), row);
    }

    [Fact]
    public void Sentences_EveryQuestion_AreComputedAndNonEmpty()
    {
        foreach (var answer in Instacart.Analysis.Answers.CoreQuestions.Compute(Data))
        {
            Assert.False(string.IsNullOrWhiteSpace(answer.Sentence()), answer.Key);
            Assert.False(string.IsNullOrWhiteSpace(answer.Method()), answer.Key);
            Assert.Equal(answer.ToJson().AsArray().Count, (int)answer.ToDataFrame().Rows.Count);
        }
    }

    [Fact]
    public void Sentence_BusiestDays_NamesTheFlaggedDaysWithTheirShares()
    {
        var sentence = BusiestDays.Compute(Data).Sentence();

        Assert.StartsWith("Saturday and Sunday are the busiest days (54.5% and 18.2% of order lines)", sentence);
    }

    [Fact]
    public void ToDataFrame_BusiestDays_NamesTheDayColumnOrdersDayOfWeek()
    {
        var frame = BusiestDays.Compute(Data).ToDataFrame();

        Assert.Equal(["orders_day_of_week", "label", "orders", "lines", "flag"], frame.Columns.Select(c => c.Name));
        Assert.Equal(7, frame.Rows.Count);
    }
}
