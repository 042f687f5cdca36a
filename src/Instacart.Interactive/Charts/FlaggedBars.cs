using Plotly.NET;

namespace Instacart.Interactive.Charts;

/// <summary>Bars of order lines per period (day or hour), one trace per flag so the legend explains the colours.</summary>
internal static class FlaggedBars
{
    /// <summary>A period's bar.</summary>
    /// <param name="Label">The period as read on the axis (a day name, an hour as 10:00).</param>
    /// <param name="Lines">Order lines in the period.</param>
    /// <param name="Orders">Distinct orders in the period.</param>
    /// <param name="Flag">The period's flag.</param>
    internal sealed record Period(string Label, long Lines, long Orders, string Flag);

    /// <summary>Draws the periods in their natural order, coloured by flag (top, middle, bottom).</summary>
    /// <param name="title">The figure title.</param>
    /// <param name="periodAxis">The category axis title.</param>
    /// <param name="periods">The periods in natural order.</param>
    /// <param name="flags">The flags from the top one down, coloured strong, muted and accent.</param>
    internal static GenericChart Draw(PlotText title, string periodAxis, IReadOnlyList<Period> periods, IReadOnlyList<string> flags)
    {
        var total = periods.Sum(p => (double)p.Lines);
        string[] colors = [Plot.Strong, Plot.Muted, Plot.Accent];
        var traces = flags
            .Select((flag, i) => (flag, color: colors[Math.Min(i, colors.Length - 1)], members: periods.Where(p => p.Flag == flag).ToList()))
            .Where(t => t.members.Count > 0)
            .Select(t => Plot.Bars(t.members.Select(p => p.Label), t.members.Select(p => p.Lines), t.flag, t.color)
                .Hover(
                    $"<b>%{{x}}</b> · %{{customdata[2]}}<br>%{{y:,}} order lines (%{{customdata[1]:.1%}} of all)<br>%{{customdata[0]:,}} orders",
                    t.members.Select(p => new object?[] { p.Orders, total == 0 ? 0 : p.Lines / total, t.flag })));
        return Plot.Figure(title, traces, new Dictionary<string, object?>
        {
            ["barmode"] = "overlay",
            ["xaxis"] = new Axis(periodAxis, Categories: periods.Select(p => p.Label).ToList()).ToLayout(vertical: false),
            ["yaxis"] = new Axis("Order lines", TickFormat: ",").ToLayout(vertical: true),
        });
    }
}
