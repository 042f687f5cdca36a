using System.Globalization;
using Instacart.Analysis.Preparation;
using Plotly.NET;

namespace Instacart.Interactive.Charts;

/// <summary>The chart of <see cref="DataPreparation"/> (notebook 00).</summary>
public static class DataPreparationChart
{
    /// <summary>
    /// A waterfall of order lines from the file to the active customers' lines: the lines read, each merge step's
    /// loss (red), the merged lines, the activity filter's loss and the lines that remain (blue). Every bar is
    /// labelled with its count, so losses too small to see at scale still read.
    /// </summary>
    /// <param name="preparation">The summary; only its line counts are drawn.</param>
    /// <returns>The chart.</returns>
    public static GenericChart LineFlow(DataPreparation preparation)
    {
        ArgumentNullException.ThrowIfNull(preparation);
        var steps = preparation.LineFlow;
        var trace = new Trace2D("waterfall")
            .With("name", "Order lines")
            .With("x", steps.Select(s => s.Stage).ToArray())
            .With("y", steps.Select(s => s.Kind == LineFlowKind.Dropped ? -s.Lines : s.Lines).ToArray())
            .With("measure", steps.Select(s => s.Kind switch
            {
                LineFlowKind.Start => "absolute",
                LineFlowKind.Dropped => "relative",
                _ => "total",
            }).ToArray())
            .With("text", steps.Select(s => (s.Kind == LineFlowKind.Dropped && s.Lines > 0 ? "−" : "") + s.Lines.ToString("N0", CultureInfo.InvariantCulture)).ToArray())
            .With("textposition", "outside")
            .With("cliponaxis", false)
            .With("increasing", Marker(Plot.Strong))
            .With("decreasing", Marker(Plot.Loss))
            .With("totals", Marker(Plot.Strong))
            .With("connector", new Dictionary<string, object?> { ["line"] = new Dictionary<string, object?> { ["color"] = "#888888", ["width"] = 1 } })
            .Hover($"<b>%{{x}}</b><br>%{{customdata[0]:,}} order lines", steps.Select(s => new object?[] { s.Lines }));
        return Plot.Figure($"Where the order lines go: from the file to the analysis populations", [trace], new Dictionary<string, object?>
        {
            ["showlegend"] = false,
            ["xaxis"] = new Axis("Preparation step", Categories: steps.Select(s => s.Stage).ToList()).ToLayout(vertical: false),
            ["yaxis"] = new Axis("Order lines", TickFormat: ",").ToLayout(vertical: true),
        });
    }

    private static Dictionary<string, object?> Marker(string color) =>
        new() { ["marker"] = new Dictionary<string, object?> { ["color"] = color } };
}
