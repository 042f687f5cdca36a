using Microsoft.DotNet.Interactive.Documents;

namespace Instacart.Notebooks.Tests;

[Collection(FixtureRunCollection.Name)]
public sealed class HtmlExportTests(FixtureRun run)
{
    [Fact]
    public void Render_TraceNameWithScriptTags_AppearsOnlyEscaped()
    {
        var html = run.Read("01-fidelity.html");

        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.DoesNotContain("</script><script>alert", html);
        Assert.Contains("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e", html);
        Assert.Contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    [Fact]
    public void Render_ReportPageWithCharts_ReadsTheFoldersOnePlotlyJs()
    {
        var html = run.Read("01-fidelity.html");

        Assert.Empty(HtmlChecks.PlotlyJsCopies(html));
        Assert.Equal(1, HtmlChecks.Count(html, "<script src=\"plotly.min.js\"></script>"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "class=\"plotly-figure\""));
        Assert.Contains("script-src 'self' 'unsafe-inline'", html);
        Assert.Equal(PlotlyJs.Script, run.Read(PlotlyJs.FileName));
        Assert.Contains(PlotlyJs.FileName, run.Read(".instacart-report.json"));
    }

    [Fact]
    public void Render_PageAlone_InlinesPlotlyJsExactlyOnce()
    {
        var notebook = new ExecutedNotebook("01-chart", "notebooks/01-chart.dib", "01 · A chart", [ChartCell()], TimeSpan.Zero, TimeSpan.Zero, null);

        var html = HtmlExporter.Render(notebook);

        Assert.Single(HtmlChecks.PlotlyJsCopies(html));
        Assert.DoesNotContain("<script src=", html);
        Assert.Contains("script-src 'unsafe-inline';", html);
    }

    [Fact]
    public void Render_EveryPage_LoadsNothingFromTheNetwork()
    {
        foreach (var file in Directory.EnumerateFiles(run.OutputDirectory, "*.html"))
        {
            var html = File.ReadAllText(file);
            Assert.Empty(HtmlChecks.NetworkReferences(html));
            Assert.Contains("http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';", html);
        }
    }

    [Fact]
    public void Render_PageWithoutCharts_HasNoPlotlyJs()
    {
        Assert.Empty(HtmlChecks.PlotlyJsCopies(run.Read("02-compile-error.html")));
        Assert.DoesNotContain("plotly.min.js", run.Read("02-compile-error.html"));
    }

    [Fact]
    public void Render_Notebook_ShowsTheAnswerOnceAndNoEmptyCellBox()
    {
        var html = run.Read("01-fidelity.html");

        Assert.Equal(1, HtmlChecks.Count(html, "Bananas lead with 7 orders."));

        // The cell that computed the answer now shows nothing: one quiet line, not an empty box.
        Assert.Matches("<section class=\"cell code ok quiet\" id=\"cell-\\d+\">\n<details><summary>Code · cell \\d+</summary><pre><code class=\"language-csharp\">[^<]*</code></pre></details>\n</section>", html);
        Assert.DoesNotMatch("<section class=\"cell code ok\" id=\"cell-\\d+\">\n<details><summary>[^<]*</summary><pre><code class=\"language-csharp\">[^<]*</code></pre></details>\n</section>", html);
    }

    [Fact]
    public void Render_Notebook_PutsTitleAndAnswerFirstAndCodeInDetails()
    {
        var html = run.Read("01-fidelity.html");

        var title = html.IndexOf("<h1", StringComparison.Ordinal);
        var answer = html.IndexOf("<div class=\"answer\"><span class=\"label\">Answer</span><p>Bananas lead with 7 orders.</p></div>", StringComparison.Ordinal);
        var firstCode = html.IndexOf("<details>", StringComparison.Ordinal);
        Assert.True(title >= 0 && answer > title && firstCode > answer, "title, then answer, then code");
        Assert.Contains("<title>01 &#183; Kernel fidelity</title>", html);
        Assert.Contains("&lt;b&gt;Raw HTML&lt;/b&gt;", html);
    }

    [Fact]
    public void MarkdownRenderer_RawHtmlAndScriptLinks_AreNeutralized()
    {
        var html = MarkdownRenderer.ToHtml("<script>alert(1)</script>\n\n[click](javascript:alert(1)) [ok](https://example.org/a:b) [rel](02-next.html)\n\n| a | b |\n|---|---|\n| 1 | 2 |");

        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.Contains("href=\"https://example.org/a:b\"", html);
        Assert.Contains("href=\"02-next.html\"", html);
        Assert.Contains("<table>", html);
    }

    private static CellRun ChartCell()
    {
        var chart = new DisplayElement(new Dictionary<string, object>
        {
            [Instacart.Interactive.Display.ChartHtml.PlotlyMimeType] = """{"data":[{"type":"bar","x":["a"],"y":[1]}],"layout":{"height":300}}""",
        });
        var cell = new NotebookCell(2, "csharp", "Chart()", 5);
        return new CellRun(cell, new CellReport(2, 5, "csharp", RunStatus.Succeeded, TimeSpan.Zero, null), 1, [chart]);
    }
}
