using Instacart.Analysis.Questions;
using Instacart.Analysis.Writing;
using Plotly.NET;

namespace Instacart.Interactive.Charts;

/// <summary>The chart of <see cref="SpendByHour"/>.</summary>
public static class SpendByHourChart
{
    /// <summary>
    /// Revenue per hour as bars (left axis, dollars) and the mean order value as a line (right axis, dollars per
    /// order), so the hour that brings the most money and the hour with the richest baskets read apart.
    /// Hours without orders have no mean and leave a gap in the line.
    /// </summary>
    /// <param name="answer">The computed answer; only its 24 rows are drawn.</param>
    /// <returns>The chart.</returns>
    public static GenericChart RevenueAndOrderValue(SpendByHour answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var hours = answer.Rows.Select(r => Wording.Hour(r.Hour)).ToList();
        var total = answer.Rows.Sum(r => r.Revenue);
        var revenue = Plot.Bars(hours, answer.Rows.Select(r => r.Revenue), "Revenue", Plot.Muted)
            .Hover($"<b>%{{x}}</b><br>$%{{y:,.2f}} revenue (%{{customdata[0]:.1%}} of all)", answer.Rows.Select(r => new object?[] { total == 0 ? 0 : r.Revenue / total }));
        var orderValue = Plot.Line(hours, answer.Rows.Select(r => r.MeanOrderValue), "Mean order value", Plot.Accent)
            .Hover($"<b>%{{x}}</b><br>$%{{y:,.2f}} per order<br>mean item price $%{{customdata[0]:,.2f}}", answer.Rows.Select(r => new object?[] { r.MeanItemPrice }))
            .On("x", "y2");
        var valueAxis = new Axis("Mean order value ($)", TickFormat: ",.2f", TickPrefix: "$", FromZero: false).ToLayout(vertical: true);
        valueAxis["overlaying"] = "y";
        valueAxis["side"] = "right";
        valueAxis["showgrid"] = false;
        return Plot.Figure($"Revenue and mean order value by hour of the day", [revenue, orderValue], new Dictionary<string, object?>
        {
            ["xaxis"] = new Axis("Hour of the day the order was placed", Categories: hours).ToLayout(vertical: false),
            ["yaxis"] = new Axis("Revenue ($)", TickFormat: ",.0f", TickPrefix: "$").ToLayout(vertical: true),
            ["yaxis2"] = valueAxis,
        });
    }
}
