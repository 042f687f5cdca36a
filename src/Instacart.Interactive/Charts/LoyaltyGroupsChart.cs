using Instacart.Data.Derivation;
using Instacart.Analysis.Questions;
using Plotly.NET;

namespace Instacart.Interactive.Charts;

/// <summary>The chart of <see cref="LoyaltyGroups"/>.</summary>
public static class LoyaltyGroupsChart
{
    /// <summary>
    /// Four panels side by side, a bar per loyalty group (new, regular, loyal): active customers, median days
    /// between orders, mean item price and mean order value.
    /// </summary>
    /// <param name="answer">The computed answer; one bar per row in each panel.</param>
    /// <returns>The chart.</returns>
    public static GenericChart Panels(LoyaltyGroups answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var rows = answer.Rows.OrderBy(r => r.Loyalty).ToList();
        var order = rows.Select(r => Labels.Of(r.Loyalty)).ToList();
        return Plot.Panels(
            $"Loyalty groups: size, order rhythm and spend",
            "Loyalty group",
            order,
            [
                new Panel(new Axis("Active customers", TickFormat: ","), rows.Select(r => (double?)r.Customers).ToList(), ",", "customers"),
                new Panel(new Axis("Median days between orders", TickFormat: ",.0f"), rows.Select(r => r.MedianDaysBetweenOrders).ToList(), ".1f", "days between orders (median)"),
                new Panel(new Axis("Mean item price ($)", TickFormat: ",.0f", TickPrefix: "$"), rows.Select(r => r.MeanItemPrice).ToList(), ",.2f", "per item", "$"),
                new Panel(new Axis("Mean order value ($)", TickFormat: ",.0f", TickPrefix: "$"), rows.Select(r => r.MeanOrderValue).ToList(), ",.2f", "per order", "$"),
            ]);
    }
}
