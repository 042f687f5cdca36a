using System.Net;
using System.Text;
using Instacart.Interactive.Display;
using Microsoft.DotNet.Interactive.Documents;

namespace Instacart.Notebooks;

/// <summary>
/// Writes an executed notebook as one self-contained, offline HTML page: the title cell and the answer at the
/// top, markdown rendered with Markdig (raw HTML escaped), code in collapsible <c>&lt;details&gt;</c>, every
/// output (see <see cref="OutputRenderer"/>), charts drawn from their Plotly figure by plotly.js inlined once, and a
/// Content-Security-Policy that allows nothing from the network.
/// </summary>
public static class HtmlExporter
{
    /// <summary>The extension of a notebook's <c>NN-name.html</c> page in the report folder.</summary>
    public const string Extension = ".html";

    /// <summary>The page's Content-Security-Policy: inline script and style only, images from data: URLs, no network.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:";

    /// <summary>Renders the notebook page.</summary>
    /// <param name="notebook">The executed notebook.</param>
    /// <param name="dataset">The data the notebook ran on, named in the page's header (folder name and fingerprint).</param>
    /// <returns>The HTML document.</returns>
    public static string Render(ExecutedNotebook notebook, Publishing.DatasetIdentity? dataset = null)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var body = new StringBuilder();
        var outputs = new OutputRenderer(OutputStyle.Page);
        var cells = notebook.Cells.ToList();
        var titleCell = cells.FirstOrDefault(c => c.Cell.KernelName == NotebookSource.Markdown);

        body.Append("<header class=\"page\">\n<nav><a href=\"").Append(IndexPage.FileName).Append("\">← All notebooks</a><span class=\"source\">")
            .Append(Encode(notebook.DisplayPath)).Append("</span>").Append(DatasetLine(dataset)).Append("</nav>\n");
        body.Append(TitleBlock(titleCell?.Cell.Contents, notebook.Title));
        body.Append(AnswerBlock(notebook.Error, notebook.Answer));
        body.Append("</header>\n<main>\n");

        foreach (var run in cells)
        {
            if (ReferenceEquals(run, titleCell) || (run.Cell.IsLibraryCheck && run.Report.Status == RunStatus.Succeeded && run.Outputs.Count == 0))
            {
                continue;
            }

            if (!run.Cell.IsCode)
            {
                body.Append("<section class=\"cell markdown\" id=\"cell-").Append(run.Cell.Index).Append("\">\n")
                    .Append(MarkdownRenderer.ToHtml(run.Cell.Contents))
                    .Append("</section>\n");
                continue;
            }

            var status = run.Report.Status switch
            {
                RunStatus.Failed => "failed",
                RunStatus.Skipped => "skipped",
                _ => "ok",
            };
            body.Append("<section class=\"cell code ").Append(status).Append("\" id=\"cell-").Append(run.Cell.Index).Append("\">\n");
            body.Append("<details").Append(run.Report.Status == RunStatus.Failed ? " open" : "").Append("><summary>")
                .Append(run.Report.Status switch
                {
                    RunStatus.Failed => "Code (failed)",
                    RunStatus.Skipped => "Code (not run)",
                    _ => "Code",
                })
                .Append(" · cell ").Append(run.Cell.Index).Append("</summary><pre><code class=\"language-csharp\">")
                .Append(Encode(run.Cell.Contents)).Append("</code></pre></details>\n");

            var outputIndex = 0;
            foreach (var output in run.Outputs)
            {
                outputIndex++;
                body.Append(outputs.Render(output, $"figure-{run.Cell.Index}-{outputIndex}"));
            }

            if (run.Report.Error is { } error)
            {
                body.Append("<div class=\"output failure\"><strong>This cell failed.</strong> ").Append(Encode(error)).Append("</div>\n");
            }

            body.Append("</section>\n");
        }

        body.Append("</main>\n");
        return Page(notebook.Title, body.ToString(), outputs.Charts > 0);
    }

    /// <summary>The header's note of the data a page was made from: folder name and fingerprint.</summary>
    internal static string DatasetLine(Publishing.DatasetIdentity? dataset) =>
        dataset is null
            ? ""
            : $"<span class=\"dataset\">Data: {Encode(dataset.FolderName)} · <span class=\"fingerprint\">{Encode(dataset.Fingerprint)}</span></span>";

    /// <summary>The title at the top of a notebook's page: its title cell's markdown, else the title as a heading.</summary>
    internal static string TitleBlock(string? titleMarkdown, string title) =>
        titleMarkdown is not null
            ? $"<div class=\"title markdown\">{MarkdownRenderer.ToHtml(titleMarkdown)}</div>\n"
            : $"<h1>{Encode(title)}</h1>\n";

    /// <summary>The answer sentence under a notebook's title, or its failure; nothing when it has neither.</summary>
    internal static string AnswerBlock(string? error, string? answer)
    {
        if (error is not null)
        {
            return $"<div class=\"answer failed\"><span class=\"label\">Failed</span><p>{Encode(error)}</p></div>\n";
        }

        return answer is not null
            ? $"<div class=\"answer\"><span class=\"label\">Answer</span><p>{Encode(answer)}</p></div>\n"
            : "";
    }

    /// <summary>Wraps a body in the page shell: styles, the CSP, and when charts are present plotly.js (once) and the script that draws them.</summary>
    internal static string Page(string title, string body, bool withCharts)
    {
        var page = new StringBuilder(withCharts ? PlotlyJs.Script.Length + body.Length + 8192 : body.Length + 8192);
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(ContentSecurityPolicy).Append("\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(title)).Append("</title>\n")
            .Append("<style>\n").Append(PageStyle.Css).Append("</style>\n</head>\n<body>\n")
            .Append(body);
        if (withCharts)
        {
            page.Append("<script>\n").Append(PlotlyJs.Script).Append("\n</script>\n")
                .Append("<script>\n").Append(DrawChartsScript).Append("</script>\n");
        }

        page.Append("</body>\n</html>\n");
        return page.ToString();
    }

    private const string DrawChartsScript = """
        (function () {
          var figures = document.querySelectorAll('script.plotly-figure');
          for (var i = 0; i < figures.length; i++) {
            var figure = JSON.parse(figures[i].textContent);
            var target = document.getElementById(figures[i].getAttribute('data-target'));
            var config = Object.assign({ responsive: true, displaylogo: false }, figure.config || {});
            Plotly.newPlot(target, figure.data || [], figure.layout || {}, config);
          }
        })();

        """;

    internal static string Encode(string text) => WebUtility.HtmlEncode(text);
}
