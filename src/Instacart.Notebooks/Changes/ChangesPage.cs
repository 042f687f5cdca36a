using System.Text;

namespace Instacart.Notebooks.Changes;

/// <summary>
/// <c>changes.html</c>, "What changed since the last report": per question the rankings that changed, the numbers that
/// moved beyond the noise (old → new and the change), the categories that appeared or vanished, and what held steady
/// in one line. Every text from the data is escaped. The same section opens the PDF, after its cover.
/// </summary>
internal static class ChangesPage
{
    /// <summary>The page's file name in a report folder.</summary>
    public const string FileName = "changes.html";

    /// <summary>The page's title, also the index's link text.</summary>
    public const string Title = "What changed since the last report";

    private const string Start = "<article class=\"changes\">";
    private const string End = "</article>";

    /// <summary>The whole page.</summary>
    public static string Render(ChangeSet changes) =>
        HtmlExporter.Page(Title, "<header class=\"page\">\n<nav><a href=\"" + IndexPage.FileName + "\">Index</a> " + PageHeader.DataLine(changes.CurrentDataset) + "</nav>\n</header>\n<main>\n" + Section(changes) + "</main>\n", withCharts: false);

    /// <summary>The section that the page and the PDF show.</summary>
    public static string Section(ChangeSet changes)
    {
        var body = new StringBuilder();
        body.Append(Start).Append('\n').Append("<h1>").Append(Title).Append("</h1>\n<p class=\"compared\">Compared with the earlier report <strong>")
            .Append(Encode(changes.Earlier)).Append("</strong>");
        if (changes.EarlierDataset is { } earlier)
        {
            body.Append(" (data ").Append(Encode(earlier.FolderName)).Append(" · <span class=\"fingerprint\">").Append(Encode(earlier.Fingerprint)).Append("</span>)");
        }

        if (changes.CurrentDataset is { } current)
        {
            body.Append("; this report: data ").Append(Encode(current.FolderName)).Append(" · <span class=\"fingerprint\">").Append(Encode(current.Fingerprint)).Append("</span>");
        }

        body.Append(".</p>\n<div class=\"answer\"><span class=\"label\">Summary</span><p>").Append(Encode(changes.Summary)).Append("</p></div>\n");
        foreach (var question in changes.Questions)
        {
            body.Append("<section class=\"question\">\n<h2>").Append(Encode(question.Title)).Append("</h2>\n");
            Items("Rankings that changed", question.Rankings.Select(r => r.Sentence));
            Items("Moved beyond the noise", question.Moves.Select(m => m.Sentence));
            Items("Now in another class", question.Reclassified.Select(r => r.Sentence));
            Items("Appeared", question.Appeared);
            Items("Vanished", question.Vanished);
            if (question.Steady.Length > 0)
            {
                body.Append("<p class=\"steady\">").Append(Encode(question.Steady)).Append("</p>\n");
            }

            body.Append("</section>\n");
        }

        if (changes.NotComparable is null && changes.Questions.Count > 0 && changes.SteadyLine.Length > 0)
        {
            body.Append("<p class=\"steady\">").Append(Encode(changes.SteadyLine)).Append("</p>\n");
        }

        if (changes.NotComparable is null)
        {
            body.Append("<h2>What counts as a move</h2>\n<ul class=\"rules\">\n");
            foreach (var rule in new[] { NoiseRules.Counts, NoiseRules.Shares, NoiseRules.Others })
            {
                body.Append("<li>").Append(Encode(rule)).Append("</li>\n");
            }

            body.Append("</ul>\n");
        }

        body.Append(End).Append('\n');
        return body.ToString();

        void Items(string heading, IEnumerable<string> items)
        {
            var list = items.ToList();
            if (list.Count == 0)
            {
                return;
            }

            body.Append("<h3>").Append(heading).Append("</h3>\n<ul>\n");
            foreach (var item in list)
            {
                body.Append("<li>").Append(Encode(item)).Append("</li>\n");
            }

            body.Append("</ul>\n");
        }
    }

    /// <summary>The section of a published <c>changes.html</c> (a page a run keeps), for the PDF; null when it has none.</summary>
    public static string? SectionOf(string page)
    {
        var start = page.IndexOf(Start, StringComparison.Ordinal);
        var end = page.LastIndexOf(End, StringComparison.Ordinal);
        return start < 0 || end < start ? null : page[start..(end + End.Length)] + "\n";
    }

    private static string Encode(string text) => HtmlExporter.Encode(text);
}
