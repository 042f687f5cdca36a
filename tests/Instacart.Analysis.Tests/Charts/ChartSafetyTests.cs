using Instacart.Analysis.Affinity;
using Instacart.Analysis.Prediction;
using Instacart.Analysis.Preparation;
using Instacart.Analysis.Questions;
using Instacart.Analysis.Segments;
using Instacart.Analysis.Statistics;
using Instacart.Analysis.Tests.Fixtures;
using Instacart.Data;
using Instacart.Interactive.Charts;
using Plotly.NET;

namespace Instacart.Analysis.Tests.Charts;

/// <summary>What holds for every chart: aggregated rows only and titled axes (markup in names: <see cref="ChartMarkupTests"/>).</summary>
public class ChartSafetyTests
{
    public static TheoryData<string> ChartNames => new(ChartCatalog.Names);

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void EveryChart_SampleData_HoldsTheAnswerRowsNotTheOrderLines(string name)
    {
        var data = InstacartData.Load(RepoPaths.DataSample);
        Assert.True(data.Lines.Count > 100_000);

        var figure = Figure.Of(ChartCatalog.Draw(name, data));

        // At most one point per answer row (24 hours is the most a core question has; an extra's rows, a heatmap's
        // departments, the segments' chart sample) in each trace.
        var (maxPoints, maxJson) = Limits(name);
        Assert.All(figure.Traces, t =>
        {
            foreach (var property in new[] { "x", "y", "z", "customdata" })
            {
                if (t.TryGetProperty(property, out var values))
                {
                    Assert.InRange(values.GetArrayLength(), 1, maxPoints);
                }
            }
        });
        Assert.InRange(figure.Json.Length, 100, maxJson);
    }

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void EveryChart_TinyData_HasATitleAndEveryAxisTitled(string name)
    {
        var figure = Figure.Of(ChartCatalog.Draw(name, TinyData.Load()));

        Assert.False(string.IsNullOrWhiteSpace(figure.Title));
        var axes = figure.Axes().ToList();
        Assert.Contains(axes, a => a.Name.StartsWith('x'));
        Assert.Contains(axes, a => a.Name.StartsWith('y'));
        Assert.All(axes, a => Assert.False(string.IsNullOrWhiteSpace(a.Axis.GetProperty("title").GetProperty("text").GetString())));

        // Every trace that draws points explains them on hover (a model too small to fit draws the empty plot).
        Assert.All(figure.Traces.Where(t => t.TryGetProperty("x", out _) || t.TryGetProperty("z", out _)), t => Assert.False(string.IsNullOrWhiteSpace(t.GetProperty("hovertemplate").GetString())));
    }

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void EveryChart_NoMergedLines_StillDrawsTitledAxes(string name)
    {
        // Both lines name the nameless product 4, which cleaning drops: nothing reaches the merged table.
        using var folder = TinyData.Write(new Dictionary<string, string>
        {
            ["order_products__prior.csv"] = "order_id,product_id,add_to_cart_order,reordered\n101,4,1,0\n201,4,1,0\n",
        });
        var data = InstacartData.Load(folder.Path);
        Assert.Equal(0, data.Lines.Count);

        var figure = Figure.Of(ChartCatalog.Draw(name, data));

        Assert.False(string.IsNullOrWhiteSpace(figure.Title));
        Assert.All(figure.Axes(), a => Assert.False(string.IsNullOrWhiteSpace(a.Axis.GetProperty("title").GetProperty("text").GetString())));
    }

    /// <summary>The most points a trace of the chart may hold, and the largest figure JSON, on the sample.</summary>
    private static (int Points, int Json) Limits(string name) => name switch
    {
        "affinity_pairs" => (AffinityOptions.Default.TopPairs, 20_000),
        "affinity_departments" or "department_mix" => (40, 60_000),
        "segments_projection" => (SegmentOptions.Default.ChartPoints, 250_000),
        _ => (24, 20_000),
    };
}
