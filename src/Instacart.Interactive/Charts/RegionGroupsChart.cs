using Instacart.Data.Derivation;
using Instacart.Analysis.Questions;
using Plotly.NET;

namespace Instacart.Interactive.Charts;

/// <summary>The chart of <see cref="RegionGroups"/>.</summary>
public static class RegionGroupsChart
{
    /// <summary>
    /// Four panels side by side, a bar per US region: active customers, order lines, mean item price and the
    /// share of customers who are high spenders.
    /// </summary>
    /// <param name="answer">The computed answer; one bar per row in each panel.</param>
    /// <returns>The chart.</returns>
    public static GenericChart Panels(RegionGroups answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var rows = answer.Rows.OrderBy(r => r.Region).ToList();
        var order = rows.Select(r => Labels.Of(r.Region)).ToList();
        return Plot.Panels(
            $"Regions: size and spending habits",
            "US Census region",
            order,
            [
                new Panel(new Axis("Active customers", TickFormat: ","), rows.Select(r => (double?)r.Customers).ToList(), ",", "customers"),
                new Panel(new Axis("Order lines", TickFormat: ","), rows.Select(r => (double?)r.Lines).ToList(), ",", "order lines"),
                new Panel(new Axis("Mean item price ($)", TickFormat: ",.0f", TickPrefix: "$"), rows.Select(r => r.MeanItemPrice).ToList(), ",.2f", "per item", "$"),
                new Panel(new Axis("High spenders (% of customers)", TickFormat: ".1%"), rows.Select(r => (double?)r.HighSpenderShare).ToList(), ".1%", "of customers are high spenders"),
            ]);
    }
}
