using Instacart.Interactive.Display;
using Microsoft.DotNet.Interactive.Documents;

namespace Instacart.Notebooks.Tests;

/// <summary>The one renderer of outputs, in the notebook pages' style and in the print page's.</summary>
public sealed class OutputRendererTests
{
    private const string Figure = """{"data":[{"type":"bar","x":["</script><b>"],"y":[1]}],"layout":{}}""";

    [Fact]
    public void Render_ErrorWithStackTrace_PageShowsTheTracePrintOnlyTheMessage()
    {
        var error = new ErrorElement("boom <b>", "InvalidOperationException", ["   at Submission#3.<Main>"]);

        var page = new OutputRenderer(OutputStyle.Page).Render(error, "f");
        var print = new OutputRenderer(OutputStyle.Print).Render(error, "f");

        Assert.Equal("<pre class=\"output error\"><strong>InvalidOperationException</strong>: boom &lt;b&gt;\n   at Submission#3.&lt;Main&gt;</pre>\n", page);
        Assert.Equal("<pre class=\"output error\"><strong>InvalidOperationException</strong>: boom &lt;b&gt;</pre>\n", print);
    }

    [Fact]
    public void Render_InstalledPackagesList_IsLeftOutOfThePrintOnly()
    {
        var packages = Display("text/html", "<div><strong>Installed Packages</strong><ul><li>Plotly.NET</li></ul></div>");

        Assert.Equal("<div class=\"output html display\"><div><strong>Installed Packages</strong><ul><li>Plotly.NET</li></ul></div></div>\n", new OutputRenderer(OutputStyle.Page).Render(packages, "f"));
        Assert.Equal("", new OutputRenderer(OutputStyle.Print).Render(packages, "f"));
    }

    [Fact]
    public void Render_ResultsAndOtherMimeTypes_CarryTheirKindAndTheMimeOnThePageOnly()
    {
        var result = new ReturnValueElement();
        result.Data["text/plain"] = "a < b";
        var other = Display("text/csv", "x,y");

        Assert.Equal("<pre class=\"output text result\">a &lt; b</pre>\n", new OutputRenderer(OutputStyle.Page).Render(result, "f"));
        Assert.Equal("<pre class=\"output text result\">a &lt; b</pre>\n", new OutputRenderer(OutputStyle.Print).Render(result, "f"));
        Assert.Equal("<pre class=\"output text display\" data-mime=\"text/csv\">x,y</pre>\n", new OutputRenderer(OutputStyle.Page).Render(other, "f"));
        Assert.Equal("<pre class=\"output text display\">x,y</pre>\n", new OutputRenderer(OutputStyle.Print).Render(other, "f"));
    }

    [Fact]
    public void Render_PlotlyFigure_IsAChartBeforeItsHtmlWithTheJsonEscapedAndCounted()
    {
        var chart = new DisplayElement(new Dictionary<string, object> { ["text/html"] = "<div>chart</div>", [ChartHtml.PlotlyMimeType] = Figure });
        var renderer = new OutputRenderer(OutputStyle.Print);

        var html = renderer.Render(chart, "print-1");

        Assert.Equal(1, renderer.Charts);
        Assert.StartsWith("<div class=\"output chart\"><div class=\"plotly-chart\" id=\"print-1\"></div><script type=\"application/json\" class=\"plotly-figure\" data-target=\"print-1\">", html, StringComparison.Ordinal);
        Assert.Contains(HtmlJson.Escape(Figure), html, StringComparison.Ordinal);
        Assert.DoesNotContain("</script><b>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_BundleAsAnIpynbHoldsIt_IsRenderedAsTheSameBundleInMemory()
    {
        // Read back from an .ipynb, text comes as lines and a +json value as an object.
        var inMemory = Display("text/plain", "line 1\nline 2");
        var fromFile = Display("text/plain", new object[] { "line 1\n", "line 2" });
        var figureObject = new Dictionary<string, object> { ["data"] = new object[] { new Dictionary<string, object> { ["type"] = "bar" } } };

        Assert.Equal(new OutputRenderer(OutputStyle.Page).Render(inMemory, "f"), new OutputRenderer(OutputStyle.Page).Render(fromFile, "f"));
        Assert.Equal("""{"data":[{"type":"bar"}]}""", OutputRenderer.Text(figureObject));
    }

    [Fact]
    public void IsAnswer_PlainTextResultOnly_IsTheAnswerSentence()
    {
        var answer = new ReturnValueElement();
        answer.Data["text/plain"] = new object[] { "Bananas lead.\n" };
        var richer = new ReturnValueElement();
        richer.Data["text/plain"] = "Bananas lead.";
        richer.Data["text/html"] = "<b>Bananas lead.</b>";

        Assert.True(OutputRenderer.IsAnswer(answer, "Bananas lead."));
        Assert.False(OutputRenderer.IsAnswer(richer, "Bananas lead."));
        Assert.False(OutputRenderer.IsAnswer(Display("text/plain", "Bananas lead."), "Bananas lead."));
    }

    private static DisplayElement Display(string mimeType, object value) => new(new Dictionary<string, object> { [mimeType] = value });
}
