using System.Text;

namespace Instacart.Notebooks;

/// <summary>The <c>index.html</c> of a run: every notebook with its title, answer sentence (or failure) and links.</summary>
public static class IndexPage
{
    /// <summary>The index page's file name in the report folder.</summary>
    public const string FileName = "index.html";

    /// <summary>Renders the index page.</summary>
    /// <param name="notebooks">The notebooks of the run, in order.</param>
    /// <param name="dataset">The data the report was made from, named in the header.</param>
    /// <returns>The HTML document.</returns>
    public static string Render(IEnumerable<NotebookReport> notebooks, Publishing.DatasetIdentity? dataset = null) => Render(notebooks, dataset, null);

    /// <summary>Renders the index page, with a link to the "What changed" page first when the report has one.</summary>
    internal static string Render(IEnumerable<NotebookReport> notebooks, Publishing.DatasetIdentity? dataset, string? changesPage)
    {
        ArgumentNullException.ThrowIfNull(notebooks);
        var list = notebooks.ToList();
        var failed = list.Count(n => n.Status != RunStatus.Succeeded);
        var body = new StringBuilder();
        body.Append("<header class=\"page\">\n<nav>").Append(HtmlExporter.DatasetLine(dataset)).Append("</nav>\n<h1>Instacart notebooks</h1>\n<p>")
            .Append(list.Count).Append(list.Count == 1 ? " notebook" : " notebooks")
            .Append(failed == 0 ? ", all ran without error." : $", {failed} failed.")
            .Append("</p>\n</header>\n<main>\n")
            .Append(changesPage is null ? "" : $"<p class=\"changes-link\"><a href=\"{HtmlExporter.Encode(changesPage)}\">{Changes.ChangesPage.Title}</a></p>\n")
            .Append("<table class=\"index\">\n<thead><tr><th>Notebook</th><th>Answer</th><th>Status</th></tr></thead>\n<tbody>\n");
        foreach (var notebook in list)
        {
            var ok = notebook.Status == RunStatus.Succeeded;
            body.Append("<tr><td><a href=\"").Append(HtmlExporter.Encode(notebook.Name + HtmlExporter.Extension)).Append("\">")
                .Append(HtmlExporter.Encode(notebook.Title)).Append("</a><br><small><a href=\"")
                .Append(HtmlExporter.Encode(notebook.Name + IpynbWriter.Extension)).Append("\">")
                .Append(HtmlExporter.Encode(notebook.Name + IpynbWriter.Extension)).Append("</a></small></td><td>")
                .Append(HtmlExporter.Encode(ok ? notebook.Answer ?? "" : notebook.Error ?? "Failed"))
                .Append("</td><td class=\"status ").Append(ok ? "ok" : "failed").Append("\">")
                .Append(ok ? "ok" : "failed").Append("</td></tr>\n");
        }

        body.Append("</tbody>\n</table>\n</main>\n");
        return HtmlExporter.Page("Instacart notebooks", body.ToString(), withCharts: false);
    }
}
