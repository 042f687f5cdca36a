using Instacart.Analysis.Explore;
using Instacart.Analysis.Tests.Fixtures;
using Instacart.Data;
using Instacart.Data.Derivation;
using Microsoft.Data.Analysis;

namespace Instacart.Analysis.Tests.Explore;

public class ExploreFramesTests
{
    private static readonly InstacartData Data = TinyData.Load();

    [Fact]
    public void CustomerSummary_TinyData_WritesEveryCodeAsItsLabel()
    {
        var frame = ExploreFrames.CustomerSummary(Data);
        var facts = Data.Customers;

        Assert.Equal(facts.Loyalty.Select(Labels.Of), Strings(frame, "loyalty"));
        Assert.Equal(facts.Spending.Select(Labels.Of), Strings(frame, "spending"));
        Assert.Equal(facts.Frequency.Select(Labels.Of), Strings(frame, "frequency"));
        Assert.Equal(facts.Region.Select(Labels.Of), Strings(frame, "region"));
        Assert.Equal(facts.AgeGroup.Select(Labels.Of), Strings(frame, "age_group"));
        Assert.Equal(facts.IncomeGroup.Select(Labels.Of), Strings(frame, "income_group"));
        Assert.Equal(facts.Household.Select(Labels.Of), Strings(frame, "household"));
        Assert.Equal(facts.Profile.Select(Labels.Of), Strings(frame, "profile"));
    }

    [Fact]
    public void OrdersAndProducts_TinyData_WriteTheEvalSetAsInTheFileAndThePriceRangeAsItsLabel()
    {
        var evalSets = Strings(ExploreFrames.Orders(Data), "eval_set");
        var ranges = Strings(ExploreFrames.Products(Data), "price_range");

        Assert.Equal(Data.Orders.EvalSet.Select(e => e.ToString().ToLowerInvariant()), evalSets);
        Assert.Contains("prior", evalSets);
        Assert.Equal(Data.Products.Price.Select(p => Labels.Of(Rules.PriceRangeOf(p, Data.Options))), ranges);
    }

    private static IEnumerable<string?> Strings(DataFrame frame, string column) =>
        ((StringDataFrameColumn)frame.Columns[column]).Cast<string?>().ToList();
}
