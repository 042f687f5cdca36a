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
    public void Render_PageWithCharts_InlinesPlotlyJsExactlyOnce()
    {
        var html = run.Read("01-fidelity.html");

        Assert.Single(HtmlChecks.PlotlyJsCopies(html));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "class=\"plotly-figure\""));
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
}
