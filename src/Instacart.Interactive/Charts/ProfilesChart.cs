using Instacart.Data.Derivation;
using Instacart.Analysis.Questions;
using Plotly.NET;

namespace Instacart.Interactive.Charts;

/// <summary>The chart of <see cref="Profiles"/>.</summary>
public static class ProfilesChart
{
    /// <summary>
    /// Four panels side by side, a bar per customer profile (young parent to senior without dependants):
    /// active customers, orders per customer, mean order value and median days between orders. Hover names the
    /// profile's top department.
    /// </summary>
    /// <param name="answer">The computed answer; one bar per row in each panel.</param>
    /// <returns>The chart.</returns>
    public static GenericChart Panels(Profiles answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var rows = answer.Rows.OrderBy(r => r.Profile).ToList();
        var order = rows.Select(r => Labels.Of(r.Profile)).ToList();
        return Plot.Panels(
            $"Customer profiles: size, orders, spend and rhythm",
            "Profile (age group × household)",
            order,
            [
                new Panel(new Axis("Active customers", TickFormat: ","), rows.Select(r => (double?)r.Customers).ToList(), ",", "customers"),
                new Panel(new Axis("Orders per customer", TickFormat: ",.0f"), rows.Select(r => r.OrdersPerCustomer).ToList(), ".1f", "orders per customer"),
                new Panel(new Axis("Mean order value ($)", TickFormat: ",.0f", TickPrefix: "$"), rows.Select(r => r.MeanOrderValue).ToList(), ",.2f", "per order", "$"),
                new Panel(new Axis("Median days between orders", TickFormat: ",.0f"), rows.Select(r => r.MedianDaysBetweenOrders).ToList(), ".1f", "days between orders (median)"),
            ],
            rows.Select(r => r.TopDepartment).ToList(),
            "Top department");
    }
}
