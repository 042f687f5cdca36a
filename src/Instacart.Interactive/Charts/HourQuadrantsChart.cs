using Instacart.Analysis.Questions;
using Instacart.Analysis.Writing;
using Plotly.NET;

namespace Instacart.Interactive.Charts;

/// <summary>The chart of <see cref="HourQuadrants"/>.</summary>
public static class HourQuadrantsChart
{
    /// <summary>
    /// One labelled point per hour: orders placed (x) against mean order value (y), coloured by quadrant, with the
    /// two medians as dashed lines and each quadrant named in its corner. Hours without orders have no mean and
    /// are not placed.
    /// </summary>
    /// <param name="answer">The computed answer; one point per row.</param>
    /// <returns>The chart.</returns>
    public static GenericChart Scatter(HourQuadrants answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var quadrants = new (string Name, string Color, double X, double Y, string XAnchor, string YAnchor)[]
        {
            (HourQuadrants.PerfectStorm, Plot.Strong, 0.99, 0.99, "right", "top"),
            (HourQuadrants.PricierBaskets, Plot.Third, 0.01, 0.99, "left", "top"),
            (HourQuadrants.TrafficSurge, Plot.Accent, 0.99, 0.01, "right", "bottom"),
            (HourQuadrants.SlowHours, "#8c8c8c", 0.01, 0.01, "left", "bottom"),
        };
        var traces = quadrants
            .Select(q => (q, rows: answer.Rows.Where(r => r.Quadrant == q.Name).ToList()))
            .Where(t => t.rows.Count > 0)
            .Select(t => Plot.Markers(t.rows.Select(r => r.Orders), t.rows.Select(r => r.MeanOrderValue), t.q.Name, t.q.Color, size: 11)
                .Labelled(t.rows.Select(r => Wording.Hour(r.Hour)))
                .With("textfont", new Dictionary<string, object?> { ["size"] = 11, ["color"] = "#333333" })
                .Hover($"<b>%{{text}}</b> · %{{customdata[0]}}<br>%{{x:,}} orders<br>$%{{y:,.2f}} per order", t.rows.Select(r => new object?[] { r.Quadrant })))
            .ToList();
        var shapes = new List<Dictionary<string, object?>> { Plot.Rule("x", answer.MedianOrders) };
        if (answer.MedianOrderValue is { } medianValue)
        {
            shapes.Add(Plot.Rule("y", medianValue));
        }

        return Plot.Figure($"Hours by traffic and basket value, split at the medians", traces, new Dictionary<string, object?>
        {
            ["xaxis"] = new Axis("Orders placed in the hour", TickFormat: ",", FromZero: false).ToLayout(vertical: false).Also("range", Padded(answer.Rows.Select(r => (double?)r.Orders))),
            ["yaxis"] = new Axis("Mean order value ($)", TickFormat: ",.2f", TickPrefix: "$", FromZero: false).ToLayout(vertical: true).Also("range", Padded(answer.Rows.Select(r => r.MeanOrderValue))),
            ["shapes"] = shapes,
            ["annotations"] = quadrants.Select(q => Plot.Note($"{q.Name}", q.X, q.Y, q.XAnchor, q.YAnchor, q.Color)).ToArray(),
        }, height: 600);
    }

    /// <summary>
    /// An axis range around the points with a margin on both sides: the quadrant names in the corners and the hour
    /// written above each point then fall in the margin, clear of the points.
    /// </summary>
    private static double[]? Padded(IEnumerable<double?> values)
    {
        var all = values.OfType<double>().Where(double.IsFinite).ToList();
        if (all.Count == 0)
        {
            return null;
        }

        var (low, high) = (all.Min(), all.Max());
        var room = Math.Max(high - low, Math.Abs(high) * 0.05 + 1e-6) * 0.16;
        return [low - room, high + room];
    }
}
