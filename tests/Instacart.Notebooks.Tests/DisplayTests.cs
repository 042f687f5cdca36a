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
        Assert.Contains("<th>name</th><th>share</th>", html);
        Assert.Contains("&lt;b&gt;&amp;&lt;/b&gt;", html);
        Assert.Contains("<td class=\"num\">0.3333</td>", html);
        Assert.Contains("First 20 of 30 rows", html);
        Assert.Contains("First 2 of 30 rows", HtmlTable.PlainText(frame, 2));
    }

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
