using System.Text.Json;
using Instacart.Tests.Shared;
using Plotly.NET;

namespace Instacart.Analysis.Tests.Charts;

/// <summary>
/// A chart's figure JSON (what notebooks display and the exporter draws), read back for assertions. Its texts read
/// as plotly shows them (the chart layer's escapes decoded); <see cref="Json"/> and <see cref="Root"/> are the raw JSON.
/// </summary>
internal sealed class Figure
{
    private Figure(string json)
    {
        Json = json;
        Root = JsonDocument.Parse(json).RootElement;
    }

    public string Json { get; }

    public JsonElement Root { get; }

    public IReadOnlyList<JsonElement> Traces => Root.GetProperty("data").EnumerateArray().ToList();

    public JsonElement Layout => Root.GetProperty("layout");

    public static Figure Of(GenericChart chart) => new(GenericChart.toFigureJson(chart));

    public string Title => PlotlyTextScan.Shown(Layout.GetProperty("title").GetProperty("text").GetString()!);

    public string AxisTitle(string axis) => PlotlyTextScan.Shown(Layout.GetProperty(axis).GetProperty("title").GetProperty("text").GetString()!);

    public string[] Categories(string axis) => Strings(Layout.GetProperty(axis).GetProperty("categoryarray"));

    public JsonElement Trace(string name) => Traces.Single(t => Name(t) == name);

    public static string Name(JsonElement trace) => PlotlyTextScan.Shown(trace.GetProperty("name").GetString()!);

    public static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => PlotlyTextScan.Shown(e.GetString()!)).ToArray();

    public static double?[] Numbers(JsonElement array) =>
        array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? (double?)null : e.GetDouble()).ToArray();

    public static string[] Strings(JsonElement trace, string property) => Strings(trace.GetProperty(property));

    public static double?[] Numbers(JsonElement trace, string property) => Numbers(trace.GetProperty(property));

    /// <summary>(category, value) of every bar of every trace, for vertical bars (x, y) or horizontal ones (y, x).</summary>
    public IEnumerable<(string Key, double? Value, string Trace)> Points()
    {
        foreach (var trace in Traces)
        {
            var horizontal = trace.TryGetProperty("orientation", out var o) && o.GetString() == "h";
            var keys = Strings(trace, horizontal ? "y" : "x");
            var values = Numbers(trace, horizontal ? "x" : "y");
            Assert.Equal(keys.Length, values.Length);
            for (var i = 0; i < keys.Length; i++)
            {
                yield return (keys[i], values[i], Name(trace));
            }
        }
    }

    /// <summary>Every axis of the layout (<c>xaxis</c>, <c>yaxis2</c>, …).</summary>
    public IEnumerable<(string Name, JsonElement Axis)> Axes() =>
        Layout.EnumerateObject().Where(p => p.Name.StartsWith("xaxis", StringComparison.Ordinal) || p.Name.StartsWith("yaxis", StringComparison.Ordinal)).Select(p => (p.Name, p.Value));
}
