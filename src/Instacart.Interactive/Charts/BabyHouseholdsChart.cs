using System.Globalization;
using Instacart.Data.Derivation;
using Instacart.Analysis.Questions;
using Plotly.NET;

namespace Instacart.Interactive.Charts;

/// <summary>The chart of <see cref="BabyHouseholds"/>.</summary>
public static class BabyHouseholdsChart
{
    /// <summary>
    /// Two panels side by side, one row per profile: orders per customer and mean order value, a bar for baby
    /// households beside one for the other households, so the split reads within each profile.
    /// </summary>
    /// <param name="answer">The computed answer; one bar per row in each panel.</param>
    /// <returns>The chart.</returns>
    public static GenericChart Panels(BabyHouseholds answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var profiles = answer.Rows.Select(r => r.Profile).Distinct().Order().Select(Labels.Of).ToList();
        var splits = new (bool Baby, string Name, string Color)[] { (true, "Buys baby products", Plot.Accent), (false, "Other households", Plot.Strong) };
        var measures = new (string Title, Func<BabyHouseholdsRow, double?> Of, string Format, string Unit, string Prefix, string Tick)[]
        {
            ("Orders per customer", r => r.OrdersPerCustomer, ",.1f", "orders per customer", "", ",.0f"),
            ("Mean order value ($)", r => r.MeanOrderValue, ",.2f", "per order", "$", ",.0f"),
        };
        var traces = new List<Trace>();
        var layout = new Dictionary<string, object?>
        {
            ["barmode"] = "group",
            ["yaxis"] = new Axis("Customer profile", Categories: profiles).ToLayout(vertical: true),
        };
        const double gap = 0.08;
        var width = (1.0 - gap) / measures.Length;
        for (var i = 0; i < measures.Length; i++)
        {
            var (title, of, format, unit, prefix, tick) = measures[i];
            var axisName = i == 0 ? "x" : "x" + (i + 1).ToString(CultureInfo.InvariantCulture);
            foreach (var (baby, name, color) in splits)
            {
                var rows = answer.Rows.Where(r => r.BabyHousehold == baby).ToList();
                if (rows.Count == 0)
                {
                    continue;
                }

                traces.Add(Plot.Bars(rows.Select(r => Labels.Of(r.Profile)), rows.Select(of), name, color, horizontal: true)
                    .With("showlegend", i == 0)
                    .With("legendgroup", name)
                    .With("texttemplate", $"{prefix}%{{x:{format}}}")
                    .With("textposition", "auto")
                    .Hover($"<b>%{{y}}</b> · %{{customdata[0]}}<br>{prefix}%{{x:{format}}} {unit}<br>%{{customdata[1]:,}} customers", rows.Select(r => new object?[] { name, r.Customers }))
                    .On(axisName, "y"));
            }

            var axis = new Axis(title, TickFormat: tick, TickPrefix: prefix.Length == 0 ? null : prefix).ToLayout(vertical: false);
            var start = i * (width + gap);
            axis["domain"] = new[] { Math.Round(start, 4), Math.Round(Math.Min(1.0, start + width), 4) };
            axis["anchor"] = "y";
            layout[i == 0 ? "xaxis" : "xaxis" + (i + 1).ToString(CultureInfo.InvariantCulture)] = axis;
        }

        return Plot.Figure($"Baby households against the others, within each profile", traces, layout, height: Math.Max(380, 200 + (70 * profiles.Count)));
    }
}
