using Instacart.Interactive.Charts;
using Instacart.Analysis.Preparation;
using Instacart.Analysis.Tests.Fixtures;

namespace Instacart.Analysis.Tests.Charts;

public class DataPreparationChartTests
{
    [Fact]
    public void LineFlow_TinyData_WaterfallFromLinesReadToMergedAndActiveLines()
    {
        var data = TinyData.Load();
        var r = data.Reconciliation;

        var figure = Figure.Of(DataPreparationChart.LineFlow(DataPreparation.Summarize(data)));

        var flow = Assert.Single(figure.Traces);
        Assert.Equal("waterfall", flow.GetProperty("type").GetString());
        Assert.Equal(["absolute", "relative", "relative", "relative", "total", "relative", "total"], Figure.Strings(flow, "measure"));
        // 16 read, 1 in a train order, 3 without a kept product, 1 without a customer: 11 merged, 4 of them of inactive customers.
        Assert.Equal([16.0, -1, -3, -1, 11, -4, 7], Figure.Numbers(flow, "y"));
        Assert.Equal([r.OrderLinesRows, r.LinesJoinedOrders - r.OrderLinesRows, -r.LinesWithoutProduct, -r.LinesWithoutCustomer, r.LinesMerged, r.LinesActive - r.LinesMerged, r.LinesActive], Figure.Numbers(flow, "y").Select(v => (long)v!.Value));
        Assert.Equal(Figure.Strings(flow, "x"), figure.Categories("xaxis"));
        Assert.Equal("Order lines", figure.AxisTitle("yaxis"));
        Assert.Contains("Under 5 orders", Figure.Strings(flow, "x"));
    }
}
