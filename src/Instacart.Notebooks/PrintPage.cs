using System.Text;
using System.Text.Json.Nodes;
using System.Text.Json;
using Instacart.Interactive.Display;
using Microsoft.DotNet.Interactive.Documents;

namespace Instacart.Notebooks;

/// <summary>
/// The one self-contained page that <see cref="PdfPrinter"/> prints as <c>report.pdf</c>: a cover (title, date, data,
/// and a banner on synthetic data), the contents (every notebook's title and answer sentence, or its failure), then
/// every notebook from a new page with its title
/// cell, answer, markdown text and outputs (charts, tables, text), code cells left out. Outputs are rendered by the
/// pages' own <see cref="OutputRenderer"/> (in its print style); charts are drawn from their figure JSON by plotly.js
/// (inlined once) as static plots sized to the A4 text width; nothing is loaded from the network. A run prints the
/// notebooks it ran in this process from memory; a notebook it did not (one a worker process ran, or one an
/// <c>--only</c> run keeps) is read from its <c>NN-name.ipynb</c>, and so is every notebook of an existing report folder.
/// </summary>
public static class PrintPage
{
    /// <summary>The text width of an A4 page with the page's margins (210 mm less 2 × 14 mm).</summary>
    private const string TextWidth = "182mm";

    /// <summary>Renders the print page of an existing report from the <c>.ipynb</c> files in its folder.</summary>
    /// <param name="notebooks">The report's notebooks, in order.</param>
    /// <param name="outputDirectory">The folder holding their <c>NN-name.ipynb</c> files; a notebook without one shows its title and failure only.</param>
    /// <returns>The HTML document.</returns>
    public static string Render(IReadOnlyList<NotebookReport> notebooks, string outputDirectory) =>
        Render(notebooks, new Dictionary<string, ExecutedNotebook>(), outputDirectory);

    /// <summary>
    /// Renders the print page of a run: each notebook from <paramref name="executed"/> (by name) when this process ran
    /// it, else from its <c>.ipynb</c> in <paramref name="outputDirectory"/>.
    /// </summary>
    /// <param name="notebooks">The run's notebooks, in order.</param>
    /// <param name="executed">The notebooks this process ran, by name.</param>
    /// <param name="outputDirectory">The folder holding the other notebooks' <c>NN-name.ipynb</c> files.</param>
    /// <returns>The HTML document.</returns>
    /// <param name="page">The run (date, data) named on the cover; null names neither.</param>
    /// <param name="firstPage">A section printed after the cover on a page of its own (the "What changed" page), or null.</param>
    internal static string Render(IReadOnlyList<NotebookReport> notebooks, IReadOnlyDictionary<string, ExecutedNotebook> executed, string outputDirectory, PageContext? page = null, string? firstPage = null)
    {
        ArgumentNullException.ThrowIfNull(notebooks);
        ArgumentNullException.ThrowIfNull(executed);
        ArgumentNullException.ThrowIfNull(outputDirectory);
        return Render([.. notebooks.Select(n => (n, executed.TryGetValue(n.Name, out var run)
            ? IpynbWriter.ToDocument(run)
            : IpynbReader.TryRead(Path.Combine(outputDirectory, n.Name + IpynbWriter.Extension))))], page ?? new PageContext(), firstPage);
    }

    /// <summary>Renders the print page from each notebook's report and document (null when there is none).</summary>
    private static string Render(IReadOnlyList<(NotebookReport Report, InteractiveDocument? Document)> notebooks, PageContext page, string? firstPage)
    {
        var body = new StringBuilder();
        var outputs = new OutputRenderer(OutputStyle.Print);
        var failed = notebooks.Count(n => n.Report.Status != RunStatus.Succeeded);

        // The cover and the contents carry no heading element: the PDF's outline, made from the headings, then holds
        // one entry per question (with its sections under it).
        body.Append("<section class=\"cover\">\n<p class=\"cover-title\">Instacart notebooks</p>\n")
            .Append("<p class=\"cover-subtitle\">What the orders say: ").Append(notebooks.Count).Append(notebooks.Count == 1 ? " question" : " questions")
            .Append(", each answered from the data</p>\n");
        if (page.Dataset is { Synthetic: true })
        {
            body.Append("<p class=\"banner synthetic\"><strong>").Append(PageHeader.SyntheticBanner)
                .Append("</strong> · made by the project's generator to try the report: the numbers describe no real customers.</p>\n");
        }

        if (page.RunAt is { } runAt)
        {
            body.Append("<p class=\"cover-fact\">Run ").Append(Encode(PageHeader.Date(runAt))).Append("</p>\n");
        }

        if (PageHeader.DataLine(page.Dataset) is { Length: > 0 } data)
        {
            body.Append("<p class=\"cover-fact\">").Append(data).Append("</p>\n");
        }

        body.Append("<p class=\"cover-fact\">")
            .Append(failed == 0 ? "Every notebook ran without error." : $"{failed} of {notebooks.Count} notebooks failed: their pages say where.")
            .Append("</p>\n</section>\n");
        // What moved since the last report: the page after the cover.
        if (firstPage is not null)
        {
            body.Append("<div class=\"first-page\">\n").Append(firstPage).Append("</div>\n");
        }

        body.Append("<header class=\"page contents\">\n<p class=\"contents-title\">Contents</p>\n</header>\n<main>\n<table class=\"index\">\n<thead><tr><th>Question</th><th>Answer</th></tr></thead>\n<tbody>\n");
        foreach (var (report, _) in notebooks)
        {
            var ok = report.Status == RunStatus.Succeeded;
            body.Append("<tr><td><a href=\"#").Append(Anchor(report)).Append("\">").Append(Encode(report.Title)).Append("</a></td>")
                .Append(ok ? "<td>" : "<td class=\"status failed\">")
                .Append(Encode(ok ? report.Answer ?? "" : "Failed: " + (report.Error ?? "")))
                .Append("</td></tr>\n");
        }

        body.Append("</tbody>\n</table>\n</main>\n");

        foreach (var (report, document) in notebooks)
        {
            body.Append("<article class=\"notebook\" id=\"").Append(Anchor(report)).Append("\">\n");
            RenderNotebook(body, report, document, outputs);
            body.Append("</article>\n");
        }

        return Shell(body.ToString(), outputs.Charts > 0);
    }

    private static void RenderNotebook(StringBuilder body, NotebookReport report, InteractiveDocument? document, OutputRenderer outputs)
    {
        var cells = document?.Elements ?? [];
        var titleCell = cells.FirstOrDefault(c => c.KernelName == NotebookSource.Markdown);
        body.Append("<header class=\"page\">\n")
            .Append(HtmlExporter.TitleBlock(titleCell?.Contents, report.Title))
            .Append(HtmlExporter.AnswerBlock(report.Error, report.Answer))
            .Append("</header>\n<main>\n");
        var answerShown = false;
        var cellNumber = 0;
        foreach (var cell in cells)
        {
            cellNumber++;
            if (ReferenceEquals(cell, titleCell))
            {
                continue;
            }

            if (cell.KernelName == NotebookSource.Markdown)
            {
                body.Append("<section class=\"cell markdown\">\n").Append(MarkdownRenderer.ToHtml(cell.Contents)).Append("</section>\n");
                continue;
            }

            var rendered = new StringBuilder();
            var outputIndex = 0;
            foreach (var output in cell.Outputs)
            {
                outputIndex++;

                // The answer sentence is already at the top of the notebook's page.
                if (!answerShown && report.Answer is { } answer && OutputRenderer.IsAnswer(output, answer))
                {
                    answerShown = true;
                    continue;
                }

                rendered.Append(outputs.Render(output, $"print-{Anchor(report)}-{cellNumber}-{outputIndex}"));
            }

            if (rendered.Length > 0)
            {
                body.Append("<section class=\"cell outputs\">\n").Append(rendered).Append("</section>\n");
            }
        }

        body.Append("</main>\n");
    }

    private static string Anchor(NotebookReport report) => "notebook-" + Encode(report.Name);

    private static string Encode(string text) => HtmlExporter.Encode(text);

    private static string Shell(string body, bool withCharts)
    {
        var page = new StringBuilder(withCharts ? PlotlyJs.Script.Length + body.Length + 16384 : body.Length + 16384);
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(HtmlExporter.ContentSecurityPolicy).Append("\">\n")
            .Append("<title>Instacart notebooks</title>\n")
            .Append("<style>\n").Append(PageStyle.Css).Append(PrintCss).Append("</style>\n</head>\n<body>\n")
            .Append(body);
        if (withCharts)
        {
            page.Append("<script>\n").Append(PlotlyJs.Script).Append("\n</script>\n");
        }

        page.Append("<script>\n").Append(DrawChartsScript).Append("</script>\n</body>\n</html>\n");
        return page.ToString();
    }

    /// <summary>
    /// After the pages' own stylesheet: A4 with fixed margins, the body exactly the text width on screen as on
    /// paper (so charts drawn at the screen width fit the page), each notebook from a new page, no shadows or tints.
    /// </summary>
    private const string PrintCss = $$"""
        @page { size: A4; margin: 16mm 14mm 18mm; }
        section.cover { break-after: page; padding-top: 55mm; }
        .cover-title { font-size: 30pt; font-weight: 700; line-height: 1.2; margin: 0 0 4mm; }
        .cover-subtitle { font-size: 14pt; color: var(--muted); margin: 0 0 14mm; }
        .cover-fact { font-size: 11pt; margin: 0 0 2mm; }
        .cover .run-info, .cover .dataset { font-size: 11pt; color: var(--ink); }
        .cover .fingerprint { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 9pt; }
        .cover .banner.synthetic { margin: 0 0 8mm; font-size: 11pt; }
        .contents-title { font-size: 20pt; font-weight: 700; margin: 0 0 .5rem; }
        html, body { background: #fff; }
        body { width: {{TextWidth}}; margin: 0; font-size: 11pt; line-height: 1.45; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        header.page, main { max-width: none; margin: 0; padding: 0; }
        header.page { padding-top: 0; }
        h1 { font-size: 20pt; margin: 0 0 .5rem; }
        h2 { font-size: 14pt; break-after: avoid; }
        h3 { font-size: 12pt; break-after: avoid; }
        p, li { orphans: 3; widows: 3; }
        section.cell.markdown { break-after: avoid; }
        section.cell.markdown:has(h2:only-child), section.cell.markdown:has(h3:only-child) { break-after: avoid; break-inside: avoid; }
        .output.text.result, .output.markdown { break-inside: avoid; }
        .instacart-table-caption { break-before: avoid; }
        pre.output.text.result { font: inherit; white-space: pre-wrap; background: transparent; padding: 0; }
        article.notebook { break-before: page; }
        div.first-page { break-after: page; }
        .answer { box-shadow: none; border: 1px solid var(--line); border-left: 6px solid var(--accent); margin: .75rem 0 1rem; }
        .answer p { font-size: 13pt; }
        .answer.failed { border-color: var(--bad); }
        section.cell, section.cell.outputs { background: transparent; border: 0; border-radius: 0; padding: 0; margin: 0 0 .75rem; overflow: visible; break-inside: auto; }
        .output.chart { break-inside: avoid; }
        .plotly-chart { min-height: 0; }
        table { font-size: 9pt; max-width: 100%; }
        th, td { padding: .2rem .5rem; }
        tr { break-inside: avoid; }
        table.transposed tbody th { text-align: left; white-space: nowrap; }
        thead { display: table-header-group; }
        .instacart-table { break-inside: auto; }
        table.index { border: 1px solid var(--line); font-size: 10pt; }
        table.index td:first-child { width: 36%; }
        table.index td { padding: .45rem .6rem; }
        table.index a { color: var(--ink); text-decoration: none; font-weight: 600; }
        pre.output { font-size: 8.5pt; }

        """;

    /// <summary>
    /// Fits every table to the text width (Chromium would otherwise shrink the whole document to the widest one):
    /// a wide table of few rows is shown transposed, one still too wide is zoomed out. Then draws every chart as a
    /// static plot laid out at the HTML pages' chart width and scaled to the text width, and sets
    /// <c>data-charts-drawn</c> on the body (or <c>data-charts-failed</c>).
    /// </summary>
    private const string DrawChartsScript = """
        (function () {
          var limit = document.body.clientWidth;
          var tables = document.querySelectorAll('article.notebook table');
          for (var t = 0; t < tables.length; t++) {
            var table = tables[t];
            if (table.getBoundingClientRect().width <= limit) continue;
            var head = table.tHead && table.tHead.rows.length === 1 ? table.tHead.rows[0] : null;
            var rows = table.tBodies.length === 1 ? table.tBodies[0].rows : [];
            if (head && rows.length > 0 && rows.length <= 12 && Array.prototype.every.call(rows, function (r) { return r.cells.length === head.cells.length; })) {
              var flipped = document.createElement('table');
              flipped.className = 'transposed';
              var body = flipped.createTBody();
              for (var c = 0; c < head.cells.length; c++) {
                var line = body.insertRow();
                var name = document.createElement('th');
                name.textContent = head.cells[c].textContent;
                line.appendChild(name);
                for (var r = 0; r < rows.length; r++) line.appendChild(rows[r].cells[c].cloneNode(true));
              }
              table.parentNode.replaceChild(flipped, table);
              var caption = flipped.parentNode.querySelector('.instacart-table-caption');
              if (caption) caption.textContent += ' \u00b7 shown transposed';
              table = flipped;
            }
            var width = table.getBoundingClientRect().width;
            if (width > limit) table.style.zoom = String(limit / width);
          }

          // Charts are laid out at the width they have in the HTML pages (so legends and labels wrap the same),
          // then scaled down to the text width once drawn.
          var chartWidth = 886;
          var figures = document.querySelectorAll('script.plotly-figure');
          var drawing = [];
          for (var i = 0; i < figures.length; i++) {
            var figure = JSON.parse(figures[i].textContent);
            var target = document.getElementById(figures[i].getAttribute('data-target'));
            var layout = Object.assign({}, figure.layout || {});
            layout.width = chartWidth;
            layout.autosize = false;
            var config = Object.assign({}, figure.config || {}, { staticPlot: true, responsive: false, displayModeBar: false, displaylogo: false });
            drawing.push(Plotly.newPlot(target, figure.data || [], layout, config));
          }
          Promise.all(drawing).then(
            function () {
              var charts = document.querySelectorAll('.output.chart');
              for (var k = 0; k < charts.length; k++) charts[k].style.zoom = String(Math.min(1, limit / chartWidth));
              document.body.setAttribute('data-charts-drawn', String(drawing.length));
            },
            function (error) { document.body.setAttribute('data-charts-failed', String(error)); });
        })();

        """;
}
