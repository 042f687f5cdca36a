using System.Reflection;
using System.Text.Json;
using Instacart.Analysis.Tests.Fixtures;
using Instacart.Data;
using Instacart.Interactive.Charts;
using Instacart.Synthetic;
using Instacart.Tests.Shared;
using Plotly.NET;

namespace Instacart.Analysis.Tests.Charts;

/// <summary>Generated data whose department and product names carry markup (<see cref="HostileNames"/>), loaded once.</summary>
public sealed class HostileChartData : IDisposable
{
    private readonly TempFolder _folder = new();

    public HostileChartData()
    {
        SyntheticGenerator.Write(_folder.Path, new SyntheticOptions(300, 11));
        HostileNames.Poison(_folder.Path);
        Data = InstacartData.Load(_folder.Path);
        Names = [.. HostileNames.Departments.Values, .. Data.Products.Name.Where(n => n.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    public InstacartData Data { get; }

    /// <summary>Every hostile name of the data: departments and products.</summary>
    public IReadOnlyList<string> Names { get; }

    public void Dispose() => _folder.Dispose();
}

/// <summary>
/// plotly draws a subset of HTML (and TeX) in every text: names from the data reach a chart only escaped, so they
/// show as the text they are, while the charts' own markup (hover templates, deliberate line breaks) still works.
/// </summary>
public class ChartMarkupTests(HostileChartData hostile) : IClassFixture<HostileChartData>
{
    public static TheoryData<string> ChartNames => new(ChartCatalog.Names);

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void EveryChart_HostileNames_NoTextCarriesMarkupFromTheData(string name)
    {
        var figure = Figure.Of(ChartCatalog.Draw(name, hostile.Data));

        Assert.Empty(PlotlyTextScan.Problems(figure.Root, hostile.Names));

        // The charts' own markup is kept: every hover template is bold on its first line and hides the side box.
        Assert.All(figure.Traces.Where(t => t.TryGetProperty("hovertemplate", out _)), t =>
        {
            var template = t.GetProperty("hovertemplate").GetString()!;
            Assert.EndsWith("<extra></extra>", template, StringComparison.Ordinal);
            Assert.StartsWith("<b>", template, StringComparison.Ordinal);
            Assert.DoesNotContain("&lt;", template, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("departments")]
    [InlineData("affinity_departments")]
    [InlineData("department_mix")]
    public void DepartmentCharts_HostileNames_ShowEveryNameAsItsText(string name)
    {
        var figure = Figure.Of(ChartCatalog.Draw(name, hostile.Data));

        var shown = Shown(figure.Root);
        Assert.All(HostileNames.Departments.Values, department => Assert.Contains(department, shown));
    }

    [Theory]
    [InlineData("profiles")]
    [InlineData("income")]
    [InlineData("segments_profiles")]
    public void TopDepartmentCharts_HostileNames_ShowTheDepartmentOnHoverAsText(string name)
    {
        var figure = Figure.Of(ChartCatalog.Draw(name, hostile.Data));

        var custom = figure.Traces.SelectMany(t => PlotlyTextScan.Strings(t.GetProperty("customdata"))).Select(s => PlotlyTextScan.Shown(s.Text)).ToList();
        Assert.Contains(custom, HostileNames.Departments.Values.Contains);
    }

    [Fact]
    public void ProductPairs_HostileNames_ShowTheShortenedNamesAsText()
    {
        var figure = Figure.Of(ChartCatalog.Draw("affinity_pairs", hostile.Data));

        var labels = Figure.Strings(figure.Traces[0], "y");
        Assert.NotEmpty(labels);
        Assert.All(labels, l => Assert.Contains(" + ", l, StringComparison.Ordinal));
        Assert.Contains(labels, l => l.Contains('<', StringComparison.Ordinal));
        Assert.Equal(labels.Order(StringComparer.Ordinal), figure.Categories("yaxis").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void PublicChartFunctions_All_AreCheckedForMarkup()
    {
        var functions = typeof(Plot).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == typeof(Plot).Namespace)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.ReturnType == typeof(GenericChart))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}");

        Assert.Equal(functions.Order(StringComparer.Ordinal), ChartCatalog.Functions.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(HostileNames.Link, "&lt;a href=\"https://example.com/x\"&gt;click&lt;/a&gt;")]
    [InlineData(HostileNames.Bold, "&lt;b&gt;bold&lt;/b&gt;")]
    [InlineData(HostileNames.Styled, "&lt;span style=\"color:red\"&gt;red&lt;/span&gt;")]
    [InlineData(HostileNames.Ampersand, "a &amp; b")]
    [InlineData(HostileNames.LineBreak, "up&lt;br&gt;down")]
    [InlineData("&lt;i&gt;", "&amp;lt;i&amp;gt;")]
    [InlineData("$x^2$ costs $5", "&#36;x^2&#36; costs &#36;5")]
    [InlineData("Plain name, 100% fine: %{x}", "Plain name, 100% fine: %{x}")]
    public void Escape_Markup_BecomesEntitiesPlotlyShowsAsText(string name, string escaped)
    {
        Assert.Equal(escaped, PlotText.Escape(name));
        Assert.Equal(name, PlotlyTextScan.Shown(escaped));
        Assert.Empty(PlotlyTextScan.Tags(escaped));
    }

    [Fact]
    public void PlotText_Interpolated_KeepsItsMarkupAndEscapesEveryValue()
    {
        var name = HostileNames.Bold;
        PlotText inner = $"<br>{name}";

        PlotText text = $"<b>%{{y}}</b> · {name} costs $%{{x:$,.2f}} ({42.5:0.0}){inner}";

        Assert.Equal("<b>%{y}</b> · &lt;b&gt;bold&lt;/b&gt; costs &#36;%{x:$,.2f} (42.5)<br>&lt;b&gt;bold&lt;/b&gt;", text.Markup);
    }

    [Fact]
    public void Figure_OwnMarkupAndHostileStrings_KeepsTheMarkupAndEscapesTheStrings()
    {
        var name = HostileNames.Link;
        var trace = Plot.Bars(new[] { name, "plain" }, new[] { 1, 2 }, name, Plot.Strong)
            .With("text", new[] { name, "$1 & $2" })
            .With("customdata", new object?[][] { [name, 1], [null, 2.5] })
            .Hover($"<b>%{{x}}</b><br>%{{customdata[0]}}");

        var figure = Figure.Of(Plot.Figure($"Line one<br>line two: {name}", [trace], new Dictionary<string, object?>
        {
            ["xaxis"] = new Axis(name, TickFormat: "$,.0f", Categories: [name, "plain"]).ToLayout(vertical: false),
            ["annotations"] = new[] { Plot.Note($"{name}", 0, 1, "left", "top") },
        }));

        Assert.Equal("Line one<br>line two: &lt;a href=\"https://example.com/x\"&gt;click&lt;/a&gt;", figure.Layout.GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("<b>%{x}</b><br>%{customdata[0]}<extra></extra>", figure.Traces[0].GetProperty("hovertemplate").GetString());
        Assert.Equal("$,.0f", figure.Layout.GetProperty("xaxis").GetProperty("tickformat").GetString());
        Assert.Equal([name, "plain"], Figure.Strings(figure.Traces[0], "x"));
        Assert.Equal([name, "plain"], figure.Categories("xaxis"));
        Assert.Equal(2.5, figure.Traces[0].GetProperty("customdata")[1][1].GetDouble());
        Assert.Empty(PlotlyTextScan.Problems(figure.Root, [name, "$1 & $2"]));
        Assert.Contains("$1 & $2", Shown(figure.Root));
    }

    /// <summary>Every text of the figure as plotly shows it.</summary>
    private static HashSet<string> Shown(JsonElement figure) =>
        PlotlyTextScan.Strings(figure).Select(s => PlotlyTextScan.Shown(s.Text)).ToHashSet(StringComparer.Ordinal);
}
