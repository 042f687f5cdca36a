using Instacart.Interactive.Display;
using Instacart.Interactive;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;

namespace Instacart.Notebooks.Tests;

[Collection(FixtureRunCollection.Name)]
public sealed class DisplayTests
{
    [Fact]
    public void HtmlTableFrom_LargeFrame_ShowsFirstRowsEscapedWithRowCount()
    {
        var frame = new DataFrame(
            new StringDataFrameColumn("name", Enumerable.Range(0, 30).Select(i => i == 0 ? "<b>&</b>" : $"p{i}")),
            new DoubleDataFrameColumn("share", Enumerable.Range(0, 30).Select(i => i / 3.0)));

        var html = HtmlTable.From(frame, 20);

        Assert.Equal(20, html.Split("<tr>").Length - 2);
        Assert.Contains("<th>Name</th><th>Share</th>", html);
        Assert.Contains("&lt;b&gt;&amp;&lt;/b&gt;", html);
        Assert.Contains("<td class=\"num\">33.3%</td>", html);
        Assert.Contains("First 20 of 30 rows", html);
        Assert.Contains("First 2 of 30 rows", HtmlTable.PlainText(frame, 2));
    }

    [Fact]
    public void RegisterFormatters_AnswerTableAndSuggestion_RenderAsStakeholderHtml()
    {
        NotebookSession.Start();
        NotebookSession.RegisterFormatters();
        var answer = Instacart.Analysis.Questions.BusiestDays.Compute(Instacart.Data.InstacartData.Load(RepoPaths.DataSample));

        var table = answer.Table().ToDisplayString("text/html");
        var suggestion = answer.Suggestion().ToDisplayString("text/html");

        Assert.StartsWith("<div class=\"instacart-table\"><table><thead><tr><th>Day</th><th>Orders</th><th>Order lines</th><th>Flag</th></tr>", table, StringComparison.Ordinal);
        Assert.Contains("7 days", table, StringComparison.Ordinal);
        Assert.StartsWith("<p class=\"suggestion\">Plan staff and stock for ", suggestion, StringComparison.Ordinal);
        Assert.EndsWith("</p>", suggestion, StringComparison.Ordinal);
        Assert.Equal(["text/html", "text/plain"], Formatter.GetPreferredMimeTypesFor(typeof(Instacart.Analysis.Writing.Suggestion)));
    }

    [Fact]
    public void SuggestionHtmlFrom_MarkupInText_IsEscaped() =>
        Assert.Equal(
            "<p class=\"suggestion\">Bundle &lt;b&gt; &amp; co</p>",
            SuggestionHtml.From(new Instacart.Analysis.Writing.Suggestion("Bundle <b> & co")));

    [Fact]
    public void HtmlJsonEscape_ScriptBreakout_BecomesUnicodeEscapes()
    {
        Assert.Equal("{\"n\":\"\\u003c/script\\u003e \\u0026\"}", HtmlJson.Escape("{\"n\":\"</script> &\"}"));
    }

    [Fact]
    public void RegisterFormatters_DataFrame_FormatsAsPlainTable()
    {
        NotebookSession.Start();
        NotebookSession.Start();
        NotebookSession.RegisterFormatters();
        var frame = new DataFrame(new Int32DataFrameColumn("n", [1, 2]));

        var html = frame.ToDisplayString("text/html");

        Assert.StartsWith("<div class=\"instacart-table\">", html);
        Assert.Equal(["text/html", "text/plain"], Formatter.GetPreferredMimeTypesFor(typeof(DataFrame)));
    }
}
