using Instacart.Notebooks.Changes;

namespace Instacart.Notebooks.Tests.Changes;

/// <summary>Where the "What changed" page shows: linked first from the index, and the PDF's first page (after its cover).</summary>
public sealed class ChangesPageTests
{
    private static readonly NotebookReport Notebook = new("01-busiest-days", "notebooks/01-busiest-days.dib", "Busiest days", "Saturday.", RunStatus.Succeeded, null, TimeSpan.Zero, TimeSpan.Zero, []);

    [Fact]
    public void IndexPage_WithAChangesPage_LinksItBeforeTheNotebooks()
    {
        var page = IndexPage.Render([Notebook], new PageContext { Files = [new PageLink(ChangesPage.FileName, ChangesPage.Title)] });

        var link = page.IndexOf("<a href=\"changes.html\">What changed since the last report</a>", StringComparison.Ordinal);
        Assert.True(link > 0 && link < page.IndexOf("01-busiest-days.html", StringComparison.Ordinal));
        Assert.DoesNotContain("changes.html", IndexPage.Render([Notebook]));
    }

    [Fact]
    public void PrintPage_WithAChangesPage_PrintsItFirstOnAPageOfItsOwn()
    {
        var changes = AnswersComparison.NotComparable("last-month", null, null, "it has no answers.json");

        var page = PrintPage.Render([Notebook], new Dictionary<string, ExecutedNotebook>(), Path.GetTempPath(), firstPage: ChangesPage.Section(changes));

        var section = page.IndexOf("<div class=\"first-page\">\n<article class=\"changes\">", StringComparison.Ordinal);
        Assert.True(section > page.IndexOf("<section class=\"cover\">", StringComparison.Ordinal));
        Assert.True(section < page.IndexOf("<table class=\"index\">", StringComparison.Ordinal));
        Assert.Contains("div.first-page { break-after: page; }", page);
        Assert.Equal(ChangesPage.Section(changes), ChangesPage.SectionOf(ChangesPage.Render(changes)));
    }
}
