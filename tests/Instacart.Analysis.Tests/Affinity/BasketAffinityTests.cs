using Instacart.Analysis.Affinity;
using Instacart.Analysis.Sessions;
using Instacart.Analysis.Tests.Fixtures;
using Instacart.Data;

namespace Instacart.Analysis.Tests.Affinity;

/// <summary>
/// TinyData's 8 baskets: 101 {1, 2}, 102 {1}, 103 {3}, 201 {5, 6}, 202 {5, 7}, 203 {2}, 204 {1}, 205 {5};
/// products 1 and 5 are in 3 orders, 2 in 2, the rest in 1.
/// </summary>
public class BasketAffinityTests
{
    private static readonly InstacartData Data = TinyData.Load();
    private static readonly AffinityOptions Everything = new() { MinPairOrders = 1, MinSupport = 0 };

    [Fact]
    public void Compute_SameSessionAndOptionsTwice_ReturnsTheSameAnswer()
    {
        using var session = new AnalysisSession(Data);

        Assert.Same(BasketAffinity.Compute(session, Everything), BasketAffinity.Compute(session, Everything with { }));
        Assert.NotSame(BasketAffinity.Compute(session, Everything), BasketAffinity.Compute(session, Everything with { TopPairs = 3 }));
    }

    [Fact]
    public void Compute_TinyBaskets_GivesSupportConfidenceAndLiftWorkedByHand()
    {
        var answer = BasketAffinity.Compute(Data, Everything);

        Assert.Equal(8, answer.Orders);
        Assert.Equal([(5, 6), (5, 7), (1, 2)], answer.Rows.Select(r => (r.ProductA, r.ProductB)));
        var milk = answer.Rows[2];
        Assert.Equal(1, milk.Orders);
        Assert.Equal(1 / 8.0, milk.Support, 12);
        Assert.Equal(1 / 3.0, milk.ConfidenceAToB, 12);   // of apple's 3 orders, one has milk
        Assert.Equal(1 / 2.0, milk.ConfidenceBToA, 12);   // of milk's 2 orders, one has apple
        Assert.Equal(8 / 6.0, milk.Lift, 12);             // (1/8) / ((3/8)(2/8))
        Assert.Equal(8 / 3.0, answer.Rows[0].Lift, 12);
    }

    [Fact]
    public void Compute_TinyBaskets_CountsDepartmentPairsPerOrder()
    {
        var pairs = BasketAffinity.Compute(Data, Everything).DepartmentPairs;

        var babiesProduce = pairs.Single(r => r.NameA == "babies" && r.NameB == "produce");
        Assert.Equal(2, babiesProduce.Orders);                   // orders 201 and 202
        Assert.Equal(16 / 15.0, babiesProduce.Lift, 12);         // (2/8) / ((3/8)(5/8))
        Assert.Equal(0, pairs.Single(r => r.NameA == "frozen" && r.NameB == "babies").Orders);
        Assert.Equal(6, pairs.Count);                            // 3 departments, both directions
    }

    [Fact]
    public void Compute_PopularCap_CountsPairsOnlyAmongTheMostOrdered()
    {
        var answer = BasketAffinity.Compute(Data, Everything with { PopularProducts = 2 });

        Assert.Equal(2, answer.PopularProducts);                 // products 1 and 5: never together
        Assert.Empty(answer.Rows);
        Assert.Contains("No pair", answer.Sentence());
    }

    [Fact]
    public void Compute_MinimumOrders_DropsRarePairs()
    {
        Assert.Empty(BasketAffinity.Compute(Data, Everything with { MinPairOrders = 2 }).Rows);
    }

    [Fact]
    public void Compute_Sample_ReportsPairsWithLiftAboveOne()
    {
        var answer = BasketAffinity.Compute(InstacartData.Load(RepoPaths.DataSample));

        Assert.NotEmpty(answer.Rows);
        Assert.True(answer.Rows[0].Lift >= answer.Rows[^1].Lift);
        Assert.Equal(answer.Rows.Count, answer.ToJson().Count);
    }
}
