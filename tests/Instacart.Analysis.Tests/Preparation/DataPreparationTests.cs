using Instacart.Analysis.Preparation;
using Instacart.Analysis.Tests.Fixtures;
using Instacart.Data.Derivation;
using Instacart.Data;

namespace Instacart.Analysis.Tests.Preparation;

/// <summary>
/// The data-preparation summary of notebook 00 on <see cref="TinyData"/>: 16 prior lines, one in a train order,
/// three without a kept product, one without a customer; 11 merged, 7 of them of the one active customer.
/// </summary>
public class DataPreparationTests
{
    private static readonly InstacartData Data = TinyData.Load();

    [Fact]
    public void Summarize_TinyData_ReconciliationRowsFollowSpecOrderWithMeanings()
    {
        var summary = DataPreparation.Summarize(Data);

        Assert.Equal(Data.Reconciliation.Entries.Select(e => e.Key), summary.ReconciliationRows.Select(r => r.Key));
        Assert.Equal(Data.Reconciliation.Entries.Select(e => e.Value), summary.ReconciliationRows.Select(r => r.Count));
        Assert.All(summary.ReconciliationRows, r => Assert.False(string.IsNullOrWhiteSpace(r.Meaning)));
        Assert.Equal(16, summary.ReconciliationRows.Count);
    }

    [Fact]
    public void Summarize_TinyData_JoinLossesChainFromLinesReadToActiveLines()
    {
        var summary = DataPreparation.Summarize(Data);

        var steps = summary.JoinLosses;
        Assert.Equal(["join prior orders", "join clean products", "join customers", "keep active customers"], steps.Select(s => s.Step));
        Assert.Equal([16L, 15, 12, 11], steps.Select(s => s.LinesBefore));
        Assert.Equal([1L, 3, 1, 4], steps.Select(s => s.LinesDropped));
        Assert.Equal([15L, 12, 11, 7], steps.Select(s => s.LinesAfter));
        Assert.All(steps, s => Assert.Equal(s.LinesBefore - s.LinesDropped, s.LinesAfter));
        Assert.Equal(Data.Reconciliation.LinesMerged, steps[2].LinesAfter);
        Assert.Equal(Data.Reconciliation.LinesActive, steps[3].LinesAfter);
    }

    [Fact]
    public void Summarize_TinyData_ListsEveryDroppedProductRowWithItsReason()
    {
        var summary = DataPreparation.Summarize(Data);

        // products.csv lines (header = line 1): 5 is the nameless id 4, 8 repeats Milk exactly, 10 reuses id 5 as Nappies.
        Assert.Equal(
            [new DroppedProductRow(5, 4, "", "nameless"), new DroppedProductRow(8, 2, "Milk, whole", "duplicate row"), new DroppedProductRow(10, 5, "Nappies", "conflicting id")],
            summary.DroppedProducts);
    }

    [Fact]
    public void Sentence_TinyData_QuotesTheCountsAndTheCheck()
    {
        var sentence = DataPreparation.Summarize(Data).Sentence();

        Assert.StartsWith("Of 16 prior order lines, 11 (68.8%) reach the merged table; dropped: 1 for an order that is not a prior order, 3 for a product that was not kept, 1 for an unknown customer.", sentence, StringComparison.Ordinal);
        Assert.Contains(" Cleaning dropped 3 of 9 product rows (1 nameless, 1 exact duplicate, 1 reusing an earlier product's id) and blanked 1 price above $100.", sentence, StringComparison.Ordinal);
        Assert.Contains(" The customer questions use the 7 lines (63.6% of merged lines) of 1 active customer.", sentence, StringComparison.Ordinal);
        Assert.EndsWith("The reconciliation adds up.", sentence, StringComparison.Ordinal);
        Assert.Equal(sentence, DataPreparation.Summarize(Data).ToString());
    }

    [Fact]
    public void Method_OtherOptions_QuotesTheirThresholds()
    {
        using var folder = TinyData.Write();
        var data = InstacartData.Load(folder.Path, AnalysisOptions.Default with { PriceOutlierAbove = 50, ActiveMinOrderNumber = 4 });

        var summary = DataPreparation.Summarize(data);

        Assert.Contains("A price above $50 is a data-entry error", summary.Method(), StringComparison.Ordinal);
        Assert.Contains("highest prior order number is at least 4", summary.Method(), StringComparison.Ordinal);
        Assert.Contains("Under 4 orders", summary.LineFlow.Select(s => s.Stage));
        Assert.Contains("kept products whose price was above $50", summary.ReconciliationRows.Single(r => r.Key == "price_outliers").Meaning, StringComparison.Ordinal);
    }

    [Fact]
    public void Frames_TinyData_OneRowPerCountStepAndDroppedProduct()
    {
        var summary = DataPreparation.Summarize(Data);

        var reconciliation = summary.ReconciliationFrame();
        Assert.Equal(["key", "count", "meaning"], reconciliation.Columns.Select(c => c.Name));
        Assert.Equal(16, reconciliation.Rows.Count);
        Assert.Equal("lines_merged", reconciliation.Columns["key"][13]);
        Assert.Equal(11L, reconciliation.Columns["count"][13]);
        var joins = summary.JoinLossFrame();
        Assert.Equal(["step", "lines_before", "lines_dropped", "lines_after", "rule"], joins.Columns.Select(c => c.Name));
        Assert.Equal(4, joins.Rows.Count);
        var dropped = summary.DroppedProductsFrame();
        Assert.Equal(["line", "product_id", "product_name", "reason"], dropped.Columns.Select(c => c.Name));
        Assert.Equal(3, dropped.Rows.Count);
    }
}
