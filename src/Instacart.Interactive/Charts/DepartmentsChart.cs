using Instacart.Analysis.Questions;
using Plotly.NET;

namespace Instacart.Interactive.Charts;

/// <summary>The chart of <see cref="Departments"/>.</summary>
public static class DepartmentsChart
{
    /// <summary>
    /// Horizontal bars of order lines per department, the most popular at the top, each bar shaded by the
    /// department's reorder rate (scale on the right). Hover gives share, reorder rate, revenue per order and orders.
    /// </summary>
    /// <param name="answer">The computed answer; one bar per row.</param>
    /// <returns>The chart.</returns>
    public static GenericChart Bars(Departments answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var rows = answer.Rows.OrderByDescending(r => r.Lines).ThenBy(r => r.DepartmentId).ToList();
        var total = rows.Sum(r => (double)r.Lines);
        var names = rows.Select(r => r.Department).ToList();
        var bars = Plot.Bars(names, rows.Select(r => r.Lines), "Order lines", Plot.Strong, horizontal: true)
            .With("marker", new Dictionary<string, object?>
            {
                ["color"] = rows.Select(r => r.ReorderRate).ToArray(),
                ["colorscale"] = new object[] { new object[] { 0, "#c6dbef" }, new object[] { 1, "#08306b" } },
                ["showscale"] = true,
                ["colorbar"] = new Dictionary<string, object?>
                {
                    ["title"] = new Dictionary<string, object?> { ["text"] = "Reorder rate (%)" },
                    ["tickformat"] = ".0%",
                },
            })
            .Hover(
                $"<b>%{{y}}</b><br>%{{x:,}} order lines (%{{customdata[0]:.1%}} of all)<br>reorder rate %{{customdata[1]:.1%}}<br>$%{{customdata[2]:,.2f}} revenue per order containing it<br>%{{customdata[3]:,}} orders",
                rows.Select(r => new object?[] { total == 0 ? 0 : r.Lines / total, r.ReorderRate, r.RevenuePerOrder, r.Orders }));
        return Plot.Figure($"Order lines by department, shaded by reorder rate", [bars], new Dictionary<string, object?>
        {
            ["showlegend"] = false,
            ["xaxis"] = new Axis("Order lines", TickFormat: ",").ToLayout(vertical: false),
            ["yaxis"] = new Axis("Department", Categories: names).ToLayout(vertical: true),
        }, height: Math.Max(360, 170 + (26 * rows.Count)));
    }
}
