using Instacart.Data.Derivation;
using Instacart.Analysis.Questions;
using Plotly.NET;

namespace Instacart.Interactive.Charts;

/// <summary>The chart of <see cref="AgeFamily"/>.</summary>
public static class AgeFamilyChart
{
    /// <summary>
    /// Two panels of grouped bars, age groups along the x axis and one bar per household (parent, no dependants):
    /// orders per customer on the left, mean order value on the right. Hover gives the customers behind each bar.
    /// </summary>
    /// <param name="answer">The computed answer; one bar per row in each panel.</param>
    /// <returns>The chart.</returns>
    public static GenericChart GroupedBars(AgeFamily answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var ages = answer.Rows.Select(r => r.AgeGroup).Distinct().Order().Select(Labels.Of).ToList();
        var households = answer.Rows.Select(r => r.Household).Distinct().Order().ToList();
        var traces = new List<Trace>();
        foreach (var (code, i) in households.Select((h, i) => (h, i)))
        {
            var household = Labels.Of(code);
            var rows = answer.Rows.Where(r => r.Household == code).OrderBy(r => r.AgeGroup).ToList();
            var keys = rows.Select(r => Labels.Of(r.AgeGroup)).ToList();
            var customers = rows.Select(r => new object?[] { r.Customers }).ToList();
            var color = Plot.Series[i % Plot.Series.Length];
            traces.Add(Plot.Bars(keys, rows.Select(r => r.OrdersPerCustomer), household, color)
                .Hover($"<b>%{{x}}</b> · %{{fullData.name}}<br>%{{y:.1f}} orders per customer<br>%{{customdata[0]:,}} customers", customers)
                .With("legendgroup", household)
                .On("x", "y"));
            traces.Add(Plot.Bars(keys, rows.Select(r => r.MeanOrderValue), household, color)
                .Hover($"<b>%{{x}}</b> · %{{fullData.name}}<br>$%{{y:,.2f}} per order<br>%{{customdata[0]:,}} customers", customers)
                .With("legendgroup", household)
                .With("showlegend", false)
                .On("x2", "y2"));
        }

        var left = new Axis("Age group", Categories: ages).ToLayout(vertical: false);
        left["domain"] = new[] { 0.0, 0.45 };
        left["anchor"] = "y";
        var right = new Axis("Age group", Categories: ages).ToLayout(vertical: false);
        right["domain"] = new[] { 0.55, 1.0 };
        right["anchor"] = "y2";
        var rightValues = new Axis("Mean order value ($)", TickFormat: ",.0f", TickPrefix: "$").ToLayout(vertical: true);
        rightValues["anchor"] = "x2";
        return Plot.Figure($"Orders per customer and order value by age group and household", traces, new Dictionary<string, object?>
        {
            ["barmode"] = "group",
            ["xaxis"] = left,
            ["xaxis2"] = right,
            ["yaxis"] = new Axis("Orders per customer", TickFormat: ",.0f").ToLayout(vertical: true),
            ["yaxis2"] = rightValues,
        });
    }
}
