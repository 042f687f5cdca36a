using Instacart.Analysis.Questions;
using Instacart.Analysis.Writing;
using Instacart.Data.Derivation;
using Plotly.NET;

namespace Instacart.Interactive.Charts;

/// <summary>The chart of <see cref="TimeSegments"/>.</summary>
public static class TimeSegmentsChart
{
    /// <summary>
    /// Three panels side by side, a bar per shopping-time segment (early birds to night owls): orders, revenue and
    /// mean order value. Hover names the segment's hours.
    /// </summary>
    /// <param name="answer">The computed answer; one bar per row in each panel.</param>
    /// <returns>The chart.</returns>
    public static GenericChart Panels(TimeSegments answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var rows = answer.Rows.OrderBy(r => r.TimeSegment).ToList();
        var order = rows.Select(r => Labels.Of(r.TimeSegment)).ToList();
        return Plot.Panels(
            $"Orders, revenue and order value by time of day",
            "Shopping-time segment",
            order,
            [
                new Panel(new Axis("Orders", TickFormat: ","), rows.Select(r => (double?)r.Orders).ToList(), ",", "orders"),
                new Panel(new Axis("Revenue ($)", TickFormat: ",.0f", TickPrefix: "$"), rows.Select(r => (double?)r.Revenue).ToList(), ",.0f", "revenue", "$"),
                new Panel(new Axis("Mean order value ($)", TickFormat: ",.0f", TickPrefix: "$"), rows.Select(r => r.MeanOrderValue).ToList(), ",.2f", "per order", "$"),
            ],
            order.Select(HoursOf).ToList(),
            "Hours");
    }

    /// <summary>The hours of a segment as written by the rule itself, e.g. "04:00–09:59" or "22:00–03:59".</summary>
    private static string? HoursOf(string segment)
    {
        var hours = Enumerable.Range(0, 24).Where(h => Labels.Of(Rules.TimeSegmentOf(h)) == segment).ToList();
        if (hours.Count == 0)
        {
            return null;
        }

        // A segment that wraps past midnight starts after the gap in its hours.
        var start = hours.FirstOrDefault(h => !hours.Contains((h + 23) % 24), hours[0]);
        var end = (start + hours.Count - 1) % 24;
        return $"{Wording.Hour(start)}–{end:00}:59";
    }
}
