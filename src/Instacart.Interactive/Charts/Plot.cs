using System.Globalization;
using Plotly.NET;

namespace Instacart.Interactive.Charts;

/// <summary>An axis of a chart: its title (with the unit), how ticks read, and the order of its categories.</summary>
/// <param name="Title">The axis title, unit included, e.g. "Order lines" or "Mean order value ($)".</param>
/// <param name="TickFormat">A d3 format for tick labels, e.g. <c>.0%</c> or <c>,.2f</c>; null for plotly's default.</param>
/// <param name="TickPrefix">Text before every tick label, e.g. <c>$</c>.</param>
/// <param name="Categories">For a category axis, its categories in display order: left to right, or top down on a vertical axis.</param>
/// <param name="FromZero">For a value axis, whether its range starts at zero (always for bars).</param>
internal sealed record Axis(string Title, string? TickFormat = null, string? TickPrefix = null, IReadOnlyList<string>? Categories = null, bool FromZero = true)
{
    /// <summary>The axis as plotly's layout object; <paramref name="vertical"/> lists categories top down.</summary>
    internal Dictionary<string, object?> ToLayout(bool vertical)
    {
        var axis = new Dictionary<string, object?>
        {
            // The standoff (with automargin) keeps the title clear of long category labels.
            ["title"] = new Dictionary<string, object?> { ["text"] = Title, ["standoff"] = 12 },
            ["automargin"] = true,
        };
        if (TickFormat is not null)
        {
            axis["tickformat"] = TickFormat;
        }

        if (TickPrefix is not null)
        {
            axis["tickprefix"] = TickPrefix;
        }

        if (Categories is not null)
        {
            axis["type"] = "category";
            axis["categoryorder"] = "array";
            axis["categoryarray"] = (vertical ? Categories.Reverse() : Categories).ToArray();
        }
        else if (FromZero)
        {
            axis["rangemode"] = "tozero";
        }

        return axis;
    }
}

/// <summary>One metric drawn as a panel of a small-multiples chart: a bar per group, labelled with its value.</summary>
/// <param name="Axis">The value axis (title with unit, tick format).</param>
/// <param name="Values">One value per group, in the chart's group order; null where the answer has none.</param>
/// <param name="Format">The d3 format of a value on its bar and in hover text, e.g. <c>,</c> or <c>,.2f</c>.</param>
/// <param name="Unit">What follows the value in hover text, e.g. "per order".</param>
/// <param name="Prefix">What precedes the value, e.g. "$".</param>
internal sealed record Panel(Axis Axis, IReadOnlyList<double?> Values, string Format, string Unit, string Prefix = "")
{
    /// <summary>The value as a plotly template piece, e.g. <c>$%{x:,.2f}</c>.</summary>
    internal string Value => $"{Prefix}%{{x:{Format}}}";
}

/// <summary>
/// The few Plotly.NET calls every chart of the library makes, written once. Plotly.NET 6's F# API has no
/// C# default values for its optional arguments (every call would spell out dozens of <c>null</c>s), so traces
/// and layouts are Plotly.NET objects (<see cref="Trace2D"/>, <see cref="Layout"/>) whose properties are set by
/// plotly.js attribute name — the names plotly's reference documents. Hover text is a fixed template per trace
/// whose placeholders (<c>%{x}</c>, <c>%{customdata[0]}</c>) plotly fills in. Every string a chart gives plotly
/// is escaped once, in <see cref="Figure"/> (see <see cref="PlotText"/>): names from the data are shown as text,
/// never read as markup. Every trace holds the answer's rows only, one point per row.
/// </summary>
internal static class Plot
{
    /// <summary>The colour of the top flag (busiest days, most orders) and of a chart's first series.</summary>
    internal const string Strong = "#1f5f8b";

    /// <summary>The colour of the middle flag (regularly busy, average orders).</summary>
    internal const string Muted = "#a7bccd";

    /// <summary>The colour of the bottom flag (slowest days, fewest orders) and of a chart's second series.</summary>
    internal const string Accent = "#e07b39";

    /// <summary>A third series colour.</summary>
    internal const string Third = "#3a8f5c";

    /// <summary>The colour of what was lost (the data-preparation waterfall).</summary>
    internal const string Loss = "#c8553d";

    /// <summary>Series colours in order.</summary>
    internal static readonly string[] Series = [Strong, Accent, Third, "#8c6bb1"];

    /// <summary>Bars of <paramref name="values"/> at <paramref name="keys"/>: columns, or horizontal bars when <paramref name="horizontal"/>.</summary>
    /// <param name="keys">The category of each bar.</param>
    /// <param name="values">The length of each bar; null leaves a gap.</param>
    /// <param name="name">The trace name (legend).</param>
    /// <param name="color">The bars' colour.</param>
    /// <param name="horizontal">Horizontal bars (categories on the y axis).</param>
    internal static Trace2D Bars<T>(IEnumerable<string> keys, IEnumerable<T> values, string name, string color, bool horizontal = false)
    {
        var trace = new Trace2D("bar");
        trace.SetProperty("name", name);
        trace.SetProperty(horizontal ? "y" : "x", keys.ToArray());
        trace.SetProperty(horizontal ? "x" : "y", values.ToArray());
        if (horizontal)
        {
            trace.SetProperty("orientation", "h");
        }

        trace.SetProperty("marker", new Dictionary<string, object?> { ["color"] = color });
        return trace;
    }

    /// <summary>A line with markers through <paramref name="values"/> at <paramref name="keys"/>.</summary>
    internal static Trace2D Line<T>(IEnumerable<string> keys, IEnumerable<T> values, string name, string color)
    {
        var trace = new Trace2D("scatter");
        trace.SetProperty("name", name);
        trace.SetProperty("mode", "lines+markers");
        trace.SetProperty("x", keys.ToArray());
        trace.SetProperty("y", values.ToArray());
        trace.SetProperty("line", new Dictionary<string, object?> { ["color"] = color, ["width"] = 3 });
        trace.SetProperty("marker", new Dictionary<string, object?> { ["color"] = color, ["size"] = 7 });
        return trace;
    }

    /// <summary>Markers at (<paramref name="xs"/>, <paramref name="ys"/>), one per point; null leaves the point out.</summary>
    /// <param name="xs">The x of each point.</param>
    /// <param name="ys">The y of each point.</param>
    /// <param name="name">The trace name (legend).</param>
    /// <param name="color">The markers' colour.</param>
    /// <param name="size">The marker diameter in pixels.</param>
    internal static Trace2D Markers<TX, TY>(IEnumerable<TX> xs, IEnumerable<TY> ys, string name, string color, int size = 9)
    {
        var trace = new Trace2D("scatter");
        trace.SetProperty("name", name);
        trace.SetProperty("mode", "markers");
        trace.SetProperty("x", xs.ToArray());
        trace.SetProperty("y", ys.ToArray());
        trace.SetProperty("marker", new Dictionary<string, object?> { ["color"] = color, ["size"] = size });
        return trace;
    }

    /// <summary>Labels every marker of the trace with its entry of <paramref name="labels"/> (kept as data, never markup), beside the marker.</summary>
    internal static Trace2D Labelled(this Trace2D trace, IEnumerable<string> labels, string position = "top center")
    {
        trace.SetProperty("mode", "markers+text");
        trace.SetProperty("text", labels.ToArray());
        trace.SetProperty("textposition", position);
        return trace;
    }

    /// <summary>
    /// Asymmetric error bars along <paramref name="axis"/> (<c>x</c> or <c>y</c>): from each point's value down to
    /// <paramref name="lows"/> and up to <paramref name="highs"/> (e.g. a 95% interval around a mean).
    /// </summary>
    internal static Trace2D Interval(this Trace2D trace, string axis, IEnumerable<double> values, IEnumerable<double> lows, IEnumerable<double> highs)
    {
        var v = values.ToArray();
        var up = highs.Zip(v, (h, m) => Math.Max(0, h - m)).ToArray();
        var down = lows.Zip(v, (l, m) => Math.Max(0, m - l)).ToArray();
        trace.SetProperty("error_" + axis, new Dictionary<string, object?>
        {
            ["type"] = "data",
            ["symmetric"] = false,
            ["array"] = up,
            ["arrayminus"] = down,
            ["thickness"] = 2,
            ["width"] = 6,
        });
        return trace;
    }

    /// <summary>
    /// A heatmap: one cell per (<paramref name="xs"/>[j], <paramref name="ys"/>[i]) holding <paramref name="z"/>[i][j]
    /// (null leaves the cell blank), the colour bar titled <paramref name="scaleTitle"/>. With <paramref name="middle"/>
    /// the scale diverges around it (e.g. lift 1, difference 0): blue above, orange below; <paramref name="range"/>
    /// fixes the ends of the scale.
    /// </summary>
    internal static Trace2D Heatmap(IReadOnlyList<string> xs, IReadOnlyList<string> ys, double?[][] z, string scaleTitle, string tickFormat, double? middle = null, (double Low, double High)? range = null)
    {
        var trace = new Trace2D("heatmap");
        trace.SetProperty("name", scaleTitle);
        trace.SetProperty("x", xs.ToArray());
        trace.SetProperty("y", ys.ToArray());
        trace.SetProperty("z", z);
        trace.SetProperty("xgap", 1);
        trace.SetProperty("ygap", 1);
        trace.SetProperty("hoverongaps", false);
        trace.SetProperty("colorbar", new Dictionary<string, object?>
        {
            ["title"] = new Dictionary<string, object?> { ["text"] = scaleTitle, ["side"] = "right" },
            ["tickformat"] = tickFormat,
        });
        if (middle is { } m)
        {
            trace.SetProperty("colorscale", new object[][] { [0.0, Accent], [0.5, "#f7f7f7"], [1.0, Strong] });
            trace.SetProperty("zmid", m);
        }
        else
        {
            // A light scale, so dark cell labels stay readable on every cell.
            trace.SetProperty("colorscale", new object[][] { [0.0, "#f4f7fa"], [1.0, "#6f9fc8"] });
        }

        if (range is { } r)
        {
            // Values beyond the range take its end colour; the hover still shows them exactly.
            trace.SetProperty("zmin", r.Low);
            trace.SetProperty("zmax", r.High);
        }

        return trace;
    }

    /// <summary>A dashed line across the plot at <paramref name="value"/> on <paramref name="axis"/> (<c>x</c>: vertical line, <c>y</c>: horizontal).</summary>
    internal static Dictionary<string, object?> Rule(string axis, double value, string color = "#666666")
    {
        var vertical = axis.StartsWith('x');
        return new Dictionary<string, object?>
        {
            ["type"] = "line",
            ["xref"] = vertical ? axis : "paper",
            ["yref"] = vertical ? "paper" : axis,
            ["x0"] = vertical ? value : 0,
            ["x1"] = vertical ? value : 1,
            ["y0"] = vertical ? 0 : value,
            ["y1"] = vertical ? 1 : value,
            ["line"] = new Dictionary<string, object?> { ["color"] = color, ["width"] = 1.5, ["dash"] = "dash" },
        };
    }

    /// <summary>A text at a corner or edge of the plot area (paper coordinates 0–1).</summary>
    internal static Dictionary<string, object?> Note(PlotText text, double x, double y, string xAnchor, string yAnchor, string color = "#555555") => new()
    {
        ["text"] = text,
        ["xref"] = "paper",
        ["yref"] = "paper",
        ["x"] = x,
        ["y"] = y,
        ["xanchor"] = xAnchor,
        ["yanchor"] = yAnchor,
        ["showarrow"] = false,
        ["font"] = new Dictionary<string, object?> { ["color"] = color, ["size"] = 13 },
    };

    /// <summary>Sets the trace's hover template and, when given, one custom-data array per point.</summary>
    /// <param name="trace">The trace.</param>
    /// <param name="template">A plotly hover template, its markup written as an interpolated string; the side box is hidden.</param>
    /// <param name="customData">One array per point, read in the template as <c>%{customdata[i]}</c>.</param>
    internal static Trace2D Hover(this Trace2D trace, PlotText template, IEnumerable<object?[]>? customData = null)
    {
        trace.SetProperty("hovertemplate", (PlotText)$"{template}<extra></extra>");
        if (customData is not null)
        {
            trace.SetProperty("customdata", customData.ToArray());
        }

        return trace;
    }

    /// <summary>Puts the trace on the axes named <paramref name="xAxis"/> and <paramref name="yAxis"/> (e.g. <c>x2</c>, <c>y</c>).</summary>
    internal static Trace2D On(this Trace2D trace, string xAxis, string yAxis)
    {
        trace.SetProperty("xaxis", xAxis);
        trace.SetProperty("yaxis", yAxis);
        return trace;
    }

    /// <summary>Sets any other plotly.js attribute of the trace.</summary>
    internal static Trace2D With(this Trace2D trace, string attribute, object value)
    {
        trace.SetProperty(attribute, value);
        return trace;
    }

    /// <summary>Sets one more attribute of a layout object (an axis, a shape) and returns it, for use inside initialisers.</summary>
    internal static Dictionary<string, object?> Also(this Dictionary<string, object?> layout, string attribute, object? value)
    {
        layout[attribute] = value;
        return layout;
    }

    /// <summary>
    /// Assembles the figure: the traces, a left-aligned title, the legend above the plot, and the layout
    /// attributes in <paramref name="layout"/> (axes as <c>xaxis</c>, <c>yaxis2</c>, …; <c>barmode</c>; …).
    /// Every chart ends here, so this is where every string of the traces and the layout is escaped for plotly
    /// (<see cref="PlotText.Render(object?, string)"/>); a <see cref="PlotText"/> keeps its markup.
    /// </summary>
    /// <param name="title">The figure title.</param>
    /// <param name="traces">The traces, drawn in order.</param>
    /// <param name="layout">Further layout attributes by plotly.js name.</param>
    /// <param name="height">The figure height in pixels.</param>
    internal static GenericChart Figure(PlotText title, IEnumerable<Trace> traces, IReadOnlyDictionary<string, object?> layout, int height = 460)
    {
        // Without Plotly.NET's defaults: no fixed 600-pixel width (the chart fills its output) and no 9 KB template per figure.
        var charts = traces.Select(t => GenericChart.ofTraceObject(false, PlotText.RenderInPlace(t))).ToList();
        var style = new Layout();
        if (charts.Count == 0)
        {
            // An answer without rows (no lines at all): an empty plot that says so, rather than an error.
            charts.Add(GenericChart.ofTraceObject(false, new Trace2D("bar").With("showlegend", false)));
            style.SetProperty("annotations", new[]
            {
                new Dictionary<string, object?> { ["text"] = "No rows to draw", ["showarrow"] = false, ["xref"] = "paper", ["yref"] = "paper", ["x"] = 0.5, ["y"] = 0.5 },
            });
        }

        var chart = charts.Count == 1 ? charts[0] : Plotly.NET.Chart.combine(charts);
        style.SetProperty("title", new Dictionary<string, object?> { ["text"] = title, ["x"] = 0.01, ["xanchor"] = "left" });
        style.SetProperty("height", height);
        style.SetProperty("margin", new Dictionary<string, object?> { ["l"] = 70, ["r"] = 40, ["t"] = 100, ["b"] = 70 });
        style.SetProperty("legend", new Dictionary<string, object?> { ["orientation"] = "h", ["x"] = 0, ["xanchor"] = "left", ["y"] = 1.02, ["yanchor"] = "bottom" });
        style.SetProperty("hovermode", "closest");
        foreach (var (name, value) in layout)
        {
            style.SetProperty(name, value!);
        }

        PlotText.RenderInPlace(style);

        return Plotly.NET.Chart.withLayout(style).Invoke(chart);
    }

    /// <summary>
    /// Small multiples: one panel per metric side by side, a horizontal bar per group labelled with its value, the
    /// groups listed top down on the shared y axis in <paramref name="groups"/> order. Each panel's x axis names its
    /// metric and unit. All panels share one colour: there is no flag to encode, and the axis titles tell them apart.
    /// </summary>
    /// <param name="title">The figure title.</param>
    /// <param name="groupAxisTitle">The title of the shared group axis.</param>
    /// <param name="groups">The groups, in display order.</param>
    /// <param name="panels">The metrics.</param>
    /// <param name="hoverNote">Per group, an extra value shown in every hover (e.g. the top department); null for none.</param>
    /// <param name="hoverNoteLabel">What the extra value is, e.g. "Top department".</param>
    internal static GenericChart Panels(PlotText title, string groupAxisTitle, IReadOnlyList<string> groups, IReadOnlyList<Panel> panels, IReadOnlyList<string?>? hoverNote = null, string? hoverNoteLabel = null)
    {
        var traces = new List<Trace>();
        var layout = new Dictionary<string, object?>
        {
            ["showlegend"] = false,
            ["yaxis"] = new Axis(groupAxisTitle, Categories: groups).ToLayout(vertical: true),
        };
        const double gap = 0.06;
        var width = (1.0 - (gap * (panels.Count - 1))) / panels.Count;
        for (var i = 0; i < panels.Count; i++)
        {
            var panel = panels[i];
            var axisName = i == 0 ? "x" : "x" + (i + 1).ToString(CultureInfo.InvariantCulture);
            PlotText note = $"";
            if (hoverNote is not null)
            {
                note = $"<br>{hoverNoteLabel}: %{{customdata[0]}}";
            }

            traces.Add(Bars(groups, panel.Values, panel.Axis.Title, Strong, horizontal: true)
                .With("texttemplate", panel.Value)
                .With("textposition", "auto")
                .With("textangle", 0)
                .Hover($"<b>%{{y}}</b><br>{panel.Value} {panel.Unit}{note}", hoverNote?.Select(n => new object?[] { n ?? "n/a" }))
                .On(axisName, "y"));
            var axis = panel.Axis.ToLayout(vertical: false);
            var start = i * (width + gap);
            axis["domain"] = new[] { Math.Round(start, 4), Math.Round(Math.Min(1.0, start + width), 4) };
            axis["anchor"] = "y";
            layout[i == 0 ? "xaxis" : "xaxis" + (i + 1).ToString(CultureInfo.InvariantCulture)] = axis;
        }

        return Figure(title, traces, layout, height: Math.Max(340, 170 + (48 * groups.Count)));
    }
}
