using Instacart.Data.Derivation;
using Instacart.Analysis.Questions;
using Plotly.NET;

namespace Instacart.Interactive.Charts;

/// <summary>The chart of <see cref="IncomeGroups"/>.</summary>
public static class IncomeGroupsChart
{
    /// <summary>
    /// Four panels side by side, a bar per income group (low to high): active customers, orders per customer,
    /// mean item price and mean order value. Hover names the group's top department.
    /// </summary>
    /// <param name="answer">The computed answer; one bar per row in each panel.</param>
    /// <returns>The chart.</returns>
    public static GenericChart Panels(IncomeGroups answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var rows = answer.Rows.OrderBy(r => r.IncomeGroup).ToList();
        var order = rows.Select(r => Labels.Of(r.IncomeGroup)).ToList();
        return Plot.Panels(
            $"Income groups: orders and spend",
            "Income group",
            order,
            [
                new Panel(new Axis("Active customers", TickFormat: ","), rows.Select(r => (double?)r.Customers).ToList(), ",", "customers"),
                new Panel(new Axis("Orders per customer", TickFormat: ",.0f"), rows.Select(r => r.OrdersPerCustomer).ToList(), ".1f", "orders per customer"),
                new Panel(new Axis("Mean item price ($)", TickFormat: ",.0f", TickPrefix: "$"), rows.Select(r => r.MeanItemPrice).ToList(), ",.2f", "per item", "$"),
                new Panel(new Axis("Mean order value ($)", TickFormat: ",.0f", TickPrefix: "$"), rows.Select(r => r.MeanOrderValue).ToList(), ",.2f", "per order", "$"),
            ],
            rows.Select(r => r.TopDepartment).ToList(),
            "Top department");
    }
}
