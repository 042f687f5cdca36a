using System.Net;
using System.Text;
using Instacart.Interactive.Display;
using Microsoft.DotNet.Interactive.Documents;

namespace Instacart.Notebooks;

/// <summary>
/// Writes an executed notebook as one offline HTML page: the title cell and the answer at the
/// top (the answer once: the cell that computed it shows no second copy), markdown rendered with Markdig (raw HTML
/// escaped), code in collapsible <c>&lt;details&gt;</c>, every other output (see <see cref="OutputRenderer"/>), charts
/// drawn from their Plotly figure by plotly.js (the report folder's one copy, or inlined in a page made to stand
/// alone), and a Content-Security-Policy that allows nothing from the network.
/// </summary>
public static class HtmlExporter
{
    /// <summary>The extension of a notebook's <c>NN-name.html</c> page in the report folder.</summary>
    public const string Extension = ".html";

    /// <summary>The page's Content-Security-Policy: inline script and style only, images from data: URLs, no network.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:";

    /// <summary>The Content-Security-Policy of a report folder's page: as <see cref="ContentSecurityPolicy"/>, and scripts from the page's own folder (its copy of plotly.js).</summary>
    internal const string FolderContentSecurityPolicy = "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:";

    /// <summary>Renders the notebook page on its own: plotly.js inlined, the data named when given.</summary>
    /// <param name="notebook">The executed notebook.</param>
    /// <param name="dataset">The data the notebook ran on, named in the page's header (folder name and fingerprint).</param>
    /// <returns>The HTML document.</returns>
    public static string Render(ExecutedNotebook notebook, Publishing.DatasetIdentity? dataset = null) =>
        Render(notebook, PageContext.Alone with { Dataset = dataset });

    /// <summary>Renders the notebook page of a report: its header from <paramref name="context"/>.</summary>
    internal static string Render(ExecutedNotebook notebook, PageContext context)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentNullException.ThrowIfNull(context);
        var body = new StringBuilder();
        var outputs = new OutputRenderer(OutputStyle.Page);
        var cells = notebook.Cells.ToList();
        var titleCell = cells.FirstOrDefault(c => c.Cell.KernelName == NotebookSource.Markdown);

        body.Append("<header class=\"page\">\n").Append(PageHeader.Render(context, notebook.DisplayPath));
        body.Append(TitleBlock(titleCell?.Cell.Contents, notebook.Title));
        body.Append(AnswerBlock(notebook.Error, notebook.Answer));
        body.Append("</header>\n<main>\n");

        var answerShown = false;
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

            var rendered = new StringBuilder();
            var outputIndex = 0;
            foreach (var output in run.Outputs)
            {
                outputIndex++;

                // The answer sentence is already at the top of the page, in the answer box.
                if (!answerShown && notebook.Answer is { } answer && OutputRenderer.IsAnswer(output, answer))
                {
                    answerShown = true;
                    continue;
                }

                rendered.Append(outputs.Render(output, $"figure-{run.Cell.Index}-{outputIndex}"));
            }

            var status = run.Report.Status switch
            {
                RunStatus.Failed => "failed",
                RunStatus.Skipped => "skipped",
                _ => "ok",
            };

            // A cell that shows nothing is one quiet line (its code still one click away), not an empty box.
            var quiet = rendered.Length == 0 && run.Report.Error is null ? " quiet" : "";
            body.Append("<section class=\"cell code ").Append(status).Append(quiet).Append("\" id=\"cell-").Append(run.Cell.Index).Append("\">\n");
            body.Append("<details").Append(run.Report.Status == RunStatus.Failed ? " open" : "").Append("><summary>")
                .Append(run.Report.Status switch
                {
                    RunStatus.Failed => "Code (failed)",
                    RunStatus.Skipped => "Code (not run)",
                    _ => "Code",
                })
                .Append(" · cell ").Append(run.Cell.Index).Append("</summary><pre><code class=\"language-csharp\">")
                .Append(Encode(run.Cell.Contents)).Append("</code></pre></details>\n");
            body.Append(rendered);

            if (run.Report.Error is { } error)
            {
                body.Append("<div class=\"output failure\"><strong>This cell failed.</strong> ").Append(Encode(error)).Append("</div>\n");
            }

            body.Append("</section>\n");
        }

        body.Append("</main>\n");
        return Page(notebook.Title, body.ToString(), outputs.Charts > 0, context.SelfContained);
    }

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

    /// <summary>
    /// Wraps a body in the page shell: styles, the CSP, and when charts are present plotly.js (inlined once when
    /// <paramref name="selfContained"/>, else read from the report folder's <see cref="PlotlyJs.FileName"/>) and the
    /// script that draws them.
    /// </summary>
    internal static string Page(string title, string body, bool withCharts, bool selfContained = true)
    {
        var inline = withCharts && selfContained;
        var page = new StringBuilder(inline ? PlotlyJs.Script.Length + body.Length + 8192 : body.Length + 8192);
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(selfContained ? ContentSecurityPolicy : FolderContentSecurityPolicy).Append("\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(title)).Append("</title>\n")
            .Append("<style>\n").Append(PageStyle.Css).Append("</style>\n</head>\n<body>\n")
            .Append(body);
        if (inline)
        {
            page.Append("<script>\n").Append(PlotlyJs.Script).Append("\n</script>\n");
        }
        else if (withCharts)
        {
            page.Append("<script src=\"").Append(PlotlyJs.FileName).Append("\"></script>\n");
        }

        if (withCharts)
        {
            page.Append("<script>\n").Append(DrawChartsScript).Append("</script>\n");
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
            if (typeof Plotly === 'undefined') {
              // A page copied out of its report folder: say what the chart needs rather than leave a blank.
              target.style.height = 'auto';
              target.textContent = 'This chart is drawn by plotly.min.js, which lives beside this page in the report folder: open the page there, or make the report with --self-contained.';
              continue;
            }
            var config = Object.assign({ responsive: true, displaylogo: false }, figure.config || {});
            Plotly.newPlot(target, figure.data || [], figure.layout || {}, config);
          }
        })();

        """;

    internal static string Encode(string text) => WebUtility.HtmlEncode(text);
}
