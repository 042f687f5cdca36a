using System.Globalization;
using Instacart.Data.Derivation;
using Instacart.Analysis.Statistics;
using Plotly.NET;

namespace Instacart.Interactive.Charts;

/// <summary>The chart of <see cref="GroupIntervals"/>: how sure a comparison of groups is.</summary>
public static class GroupIntervalsChart
{
    /// <summary>
    /// Two panels side by side, one row per group: the mean order value and the mean item price as a dot with its
    /// 95% interval as error bars, so overlapping bars read as "no clear difference" at a glance. A mean without
    /// values is left out; an interval that cannot be computed (one value) draws the dot alone.
    /// </summary>
    /// <param name="intervals">The computed intervals; one dot per group in each panel.</param>
    /// <returns>The chart.</returns>
    public static GenericChart MeansWithIntervals(GroupIntervals intervals)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        // Age and family keeps the label order its combined labels have always had; the others follow their codes.
        var groups = intervals.Dimension == GroupingDimension.AgeFamily
            ? intervals.Groups.ToList()
            : intervals.Groups.OrderBy(g => g.Code).ToList();
        var order = groups.Select(g => g.Group).ToList();
        var measures = new (string Title, Func<GroupInterval, MeanInterval> Of, string Unit, string Color)[]
        {
            ("Mean order value ($)", g => g.OrderValue, "orders", Plot.Strong),
            ("Mean item price ($)", g => g.ItemPrice, "priced lines", Plot.Accent),
        };
        var layout = new Dictionary<string, object?>
        {
            ["showlegend"] = false,
            ["yaxis"] = new Axis(GroupTitle(intervals.Dimension), Categories: order).ToLayout(vertical: true),
        };
        var traces = new List<Trace>();
        const double gap = 0.08;
        var width = (1.0 - gap) / measures.Length;
        for (var i = 0; i < measures.Length; i++)
        {
            var (title, of, unit, color) = measures[i];
            var axisName = i == 0 ? "x" : "x" + (i + 1).ToString(CultureInfo.InvariantCulture);
            var means = groups.Select(g => Finite(of(g).Mean)).ToList();
            traces.Add(Plot.Markers(means, order, title, color, size: 10)
                .Interval("x", means.Select(m => m ?? 0), groups.Select(g => Finite(of(g).Low) ?? Finite(of(g).Mean) ?? 0), groups.Select(g => Finite(of(g).High) ?? Finite(of(g).Mean) ?? 0))
                .Hover(
                    $"<b>%{{y}}</b><br>{title}: $%{{x:,.2f}}<br>95% interval $%{{customdata[0]:,.2f}} – $%{{customdata[1]:,.2f}}<br>%{{customdata[2]:,}} {unit}",
                    groups.Select(g => new object?[] { Finite(of(g).Low), Finite(of(g).High), of(g).Count }))
                .On(axisName, "y"));
            var axis = new Axis(title, TickFormat: ",.2f", TickPrefix: "$", FromZero: false).ToLayout(vertical: false);
            var start = i * (width + gap);
            axis["domain"] = new[] { Math.Round(start, 4), Math.Round(Math.Min(1.0, start + width), 4) };
            axis["anchor"] = "y";
            layout[i == 0 ? "xaxis" : "xaxis" + (i + 1).ToString(CultureInfo.InvariantCulture)] = axis;
        }

        return Plot.Figure($"Group means with their 95% confidence intervals", traces, layout, height: Math.Max(380, 190 + (48 * groups.Count)));
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static string GroupTitle(GroupingDimension dimension) => dimension switch
    {
        GroupingDimension.TimeSegment => "Time segment",
        GroupingDimension.Loyalty => "Loyalty group",
        GroupingDimension.Region => "Region",
        GroupingDimension.AgeFamily => "Age group and household",
        GroupingDimension.Income => "Income group",
        _ => "Customer profile",
    };
}
