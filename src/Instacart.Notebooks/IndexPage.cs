using System.Text;

namespace Instacart.Notebooks;

/// <summary>
/// The <c>index.html</c> of a run: the header (when, which data, a banner on synthetic data), links to the report's
/// other files, a table of contents by part, and per part every notebook with its title, answer sentence (or its
/// failure), the one line of what it suggests when the page has one, and links.
/// </summary>
public static class IndexPage
{
    /// <summary>The index page's file name in the report folder.</summary>
    public const string FileName = "index.html";

    /// <summary>The index's heading and title.</summary>
    internal const string Title = "Instacart notebooks";

    /// <summary>Renders the index page.</summary>
    /// <param name="notebooks">The notebooks of the run, in order.</param>
    /// <param name="dataset">The data the report was made from, named in the header.</param>
    /// <returns>The HTML document.</returns>
    public static string Render(IEnumerable<NotebookReport> notebooks, Publishing.DatasetIdentity? dataset = null) =>
        Render(notebooks, PageContext.Alone with { Dataset = dataset });

    /// <summary>Renders the index page of a report, its header and file links from <paramref name="context"/>.</summary>
    internal static string Render(IEnumerable<NotebookReport> notebooks, PageContext context)
    {
        ArgumentNullException.ThrowIfNull(notebooks);
        ArgumentNullException.ThrowIfNull(context);
        var list = notebooks.ToList();
        var parts = ReportParts.Group(list);
        var body = new StringBuilder();
        body.Append("<header class=\"page\">\n").Append(PageHeader.Render(context, null))
            .Append("<h1>").Append(Encode(Title)).Append("</h1>\n")
            .Append(Summary(list))
            .Append(FileLinks(context.Files))
            .Append(Contents(parts))
            .Append("</header>\n<main>\n");
        foreach (var (part, members) in parts)
        {
            body.Append("<section class=\"part\" id=\"part-").Append(part.Id).Append("\">\n<h2>").Append(Encode(part.Title)).Append("</h2>\n")
                .Append("<table class=\"index\">\n<tbody>\n");
            foreach (var notebook in members)
            {
                body.Append(Row(notebook));
            }

            body.Append("</tbody>\n</table>\n</section>\n");
        }

        body.Append("</main>\n");
        return HtmlExporter.Page(Title, body.ToString(), withCharts: false);
    }

    /// <summary>How many questions, and how many failed when any did.</summary>
    private static string Summary(IReadOnlyList<NotebookReport> notebooks)
    {
        var failed = notebooks.Count(n => n.Status != RunStatus.Succeeded);
        var text = $"{notebooks.Count} {(notebooks.Count == 1 ? "notebook" : "notebooks")}, each a page with the answer, a chart, the table and how it was computed";
        return failed == 0
            ? $"<p class=\"summary\">{Encode(text)}.</p>\n"
            : $"<p class=\"summary\">{Encode(text)}; <span class=\"status failed\">{failed} failed</span>.</p>\n";
    }

    /// <summary>The report's other files (the PDF, answers.json, …), when it has any.</summary>
    private static string FileLinks(IReadOnlyList<PageLink> files) =>
        files.Count == 0
            ? ""
            : "<p class=\"files\">Also in this report: " +
              string.Join(" · ", files.Select(f => $"<a href=\"{Encode(f.Href)}\">{Encode(f.Text)}</a>")) + "</p>\n";

    /// <summary>The table of contents: one link per part.</summary>
    private static string Contents(IReadOnlyList<(ReportPart Part, IReadOnlyList<NotebookReport> Notebooks)> parts) =>
        parts.Count < 2
            ? ""
            : "<nav class=\"contents\">" +
              string.Join("", parts.Select(p => $"<a href=\"#part-{p.Part.Id}\">{Encode(p.Part.Title)}</a>")) + "</nav>\n";

    /// <summary>One notebook: its title (linked) and notebook file, then its answer and suggestion, or its failure.</summary>
    private static string Row(NotebookReport notebook)
    {
        var row = new StringBuilder();
        row.Append("<tr><td class=\"question\"><a href=\"").Append(Encode(notebook.Name + HtmlExporter.Extension)).Append("\">")
            .Append(Encode(notebook.Title)).Append("</a><br><small><a href=\"")
            .Append(Encode(notebook.Name + IpynbWriter.Extension)).Append("\">")
            .Append(Encode(notebook.Name + IpynbWriter.Extension)).Append("</a></small></td>");
        if (notebook.Status != RunStatus.Succeeded)
        {
            row.Append("<td class=\"status failed\">Failed: ").Append(Encode(notebook.Error ?? "the notebook did not run")).Append("</td>");
        }
        else
        {
            row.Append("<td class=\"answer-text\">").Append(Encode(notebook.Answer ?? ""));
            if (notebook.Suggestion is { Length: > 0 } suggestion)
            {
                row.Append("<p class=\"suggestion\">").Append(Encode(suggestion)).Append("</p>");
            }

            row.Append("</td>");
        }

        return row.Append("</tr>\n").ToString();
    }

    private static string Encode(string text) => HtmlExporter.Encode(text);
}
