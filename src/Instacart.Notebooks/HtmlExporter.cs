using System.Net;
using System.Text;
using Instacart.Interactive.Display;
using Microsoft.DotNet.Interactive.Documents;

namespace Instacart.Notebooks;

/// <summary>
/// Writes an executed notebook as one self-contained, offline HTML page: the title cell and the answer at the
/// top, markdown rendered with Markdig (raw HTML escaped), code in collapsible <c>&lt;details&gt;</c>, every
/// output, charts drawn from their <c>application/vnd.plotly.v1+json</c> figure (escaped for HTML) by plotly.js
/// inlined once, and a Content-Security-Policy that allows nothing from the network.
/// </summary>
public static class HtmlExporter
{
    /// <summary>The Plotly figure MIME type.</summary>
    public const string PlotlyMimeType = "application/vnd.plotly.v1+json";

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
        var charts = 0;
        var cells = notebook.Cells.ToList();
        var titleCell = cells.FirstOrDefault(c => c.Cell.KernelName == NotebookSource.Markdown);

        body.Append("<header class=\"page\">\n<nav><a href=\"index.html\">← All notebooks</a><span class=\"source\">")
            .Append(Encode(notebook.DisplayPath)).Append("</span>").Append(DatasetLine(dataset)).Append("</nav>\n");
        if (titleCell is not null)
        {
            body.Append("<div class=\"title markdown\">").Append(MarkdownRenderer.ToHtml(titleCell.Cell.Contents)).Append("</div>\n");
        }
        else
        {
            body.Append("<h1>").Append(Encode(notebook.Title)).Append("</h1>\n");
        }

        body.Append(AnswerBlock(notebook));
        body.Append("</header>\n<main>\n");

        foreach (var run in cells)
        {
            if (ReferenceEquals(run, titleCell))
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
                body.Append(RenderOutput(output, $"figure-{run.Cell.Index}-{outputIndex}", ref charts));
            }

            if (run.Report.Error is { } error)
            {
                body.Append("<div class=\"output failure\"><strong>This cell failed.</strong> ").Append(Encode(error)).Append("</div>\n");
            }

            body.Append("</section>\n");
        }

        body.Append("</main>\n");
        return Page(notebook.Title, body.ToString(), charts > 0);
    }

    /// <summary>The header's note of the data a page was made from: folder name and fingerprint.</summary>
    internal static string DatasetLine(Publishing.DatasetIdentity? dataset) =>
        dataset is null
            ? ""
            : $"<span class=\"dataset\">Data: {Encode(dataset.FolderName)} · <span class=\"fingerprint\">{Encode(dataset.Fingerprint)}</span></span>";

    private static string AnswerBlock(ExecutedNotebook notebook)
    {
        if (notebook.Error is { } error)
        {
            return $"<div class=\"answer failed\"><span class=\"label\">Failed</span><p>{Encode(error)}</p></div>\n";
        }

        return notebook.Answer is { } answer
            ? $"<div class=\"answer\"><span class=\"label\">Answer</span><p>{Encode(answer)}</p></div>\n"
            : "";
    }

    private static string RenderOutput(InteractiveDocumentOutputElement output, string figureId, ref int charts)
    {
        switch (output)
        {
            case TextElement text:
                return $"<pre class=\"output stream {Encode(text.Name ?? "stdout")}\">{Encode(text.Text)}</pre>\n";
            case ErrorElement error:
                var trace = error.StackTrace.Length == 0 ? "" : "\n" + string.Join("\n", error.StackTrace);
                return $"<pre class=\"output error\"><strong>{Encode(error.ErrorName ?? "Error")}</strong>: {Encode(error.ErrorValue ?? "")}{Encode(trace)}</pre>\n";
            case DisplayElement display:
                return RenderBundle(display.Data, figureId, isResult: false, ref charts);
            case ReturnValueElement result:
                return RenderBundle(result.Data, figureId, isResult: true, ref charts);
            default:
                return "";
        }
    }

    private static string RenderBundle(IDictionary<string, object> data, string figureId, bool isResult, ref int charts)
    {
        var kind = isResult ? "result" : "display";
        if (data.TryGetValue(PlotlyMimeType, out var figure) && AsText(figure) is { } figureJson)
        {
            charts++;
            return $"<div class=\"output chart\"><div class=\"plotly-chart\" id=\"{figureId}\"></div>" +
                   $"<script type=\"application/json\" class=\"plotly-figure\" data-target=\"{figureId}\">{HtmlJson.Escape(figureJson)}</script></div>\n";
        }

        if (data.TryGetValue("text/html", out var html) && AsText(html) is { } htmlText)
        {
            return $"<div class=\"output html {kind}\">{htmlText}</div>\n";
        }

        if (data.TryGetValue("text/markdown", out var markdown) && AsText(markdown) is { } markdownText)
        {
            return $"<div class=\"output markdown {kind}\">{MarkdownRenderer.ToHtml(markdownText)}</div>\n";
        }

        if (data.TryGetValue("text/plain", out var plain) && AsText(plain) is { } plainText)
        {
            return $"<pre class=\"output text {kind}\">{Encode(plainText)}</pre>\n";
        }

        if (data.TryGetValue("image/png", out var png) && AsText(png) is { } base64)
        {
            return $"<div class=\"output image {kind}\"><img alt=\"\" src=\"data:image/png;base64,{Encode(base64.Trim())}\"></div>\n";
        }

        if (data.FirstOrDefault() is { Key: not null } first && AsText(first.Value) is { } other)
        {
            return $"<pre class=\"output text {kind}\" data-mime=\"{Encode(first.Key)}\">{Encode(other)}</pre>\n";
        }

        return "";
    }

    private static string? AsText(object? value) => value switch
    {
        string s => s,
        IEnumerable<string> lines => string.Concat(lines),
        null => null,
        _ => System.Text.Json.JsonSerializer.Serialize(value),
    };

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
