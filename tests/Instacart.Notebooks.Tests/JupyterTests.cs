using System.Text.Json.Nodes;
using Instacart.Interactive.Display;
using Microsoft.Playwright;

namespace Instacart.Notebooks.Tests;

/// <summary>Two notebooks of <c>notebooks/</c> run once through Jupyter (<see cref="Jupyter"/>), when a test asks for them.</summary>
public sealed class JupyterRun
{
    /// <summary>The notebooks run: a question with one chart, and one with a chart of two axes.</summary>
    public static readonly string[] Names = ["01-busiest-days", "03-spend-by-hour"];

    private readonly Lazy<Task<IReadOnlyList<Jupyter.Executed>>> _run = new(() => Jupyter.ExecuteAsync(RepoPaths.NewOutputFolder("jupyter"), Names));

    /// <summary>The executed notebooks, in the order of <see cref="Names"/>.</summary>
    public Task<IReadOnlyList<Jupyter.Executed>> Notebooks => _run.Value;
}

/// <summary>
/// Jupyter as a real client of the stock kernel (<c>Microsoft.dotnet-interactive</c> 1.0.712001, pinned in the tool
/// manifest): the notebooks run without an error, keep every chart's figure JSON, carry plotly.js once, and their
/// nbconvert page draws the charts in Chromium with the network cut off.
/// </summary>
public sealed class JupyterTests(JupyterRun run) : IClassFixture<JupyterRun>
{
    private static IEnumerable<JsonNode> Outputs(JsonNode cell) => cell["outputs"] is JsonArray outputs ? outputs.Select(o => o!) : [];

    private static string? Html(JsonNode output) => Jupyter.Text(output["data"]?["text/html"]);

    [JupyterFact]
    public async Task NbconvertExecute_TwoNotebooks_RunWithoutErrorsAndKeepEveryChartsFigureJson()
    {
        foreach (var notebook in await run.Notebooks)
        {
            var cells = notebook.Notebook["cells"]!.AsArray().Select(c => c!).ToList();
            var outputs = cells.SelectMany(Outputs).ToList();
            Assert.DoesNotContain(outputs, o => (string?)o["output_type"] == "error");

            var charts = outputs.Where(o => o["data"]?[ChartHtml.PlotlyMimeType] is not null).ToList();
            Assert.NotEmpty(charts);
            foreach (var chart in charts)
            {
                var figure = JsonNode.Parse(Jupyter.Text(chart["data"]![ChartHtml.PlotlyMimeType])!)!;
                Assert.NotEmpty(figure["data"]!.AsArray());
                Assert.Contains("Plotly.newPlot", Html(chart));
                Assert.DoesNotContain(ChartHtml.LoaderAttribute, Html(chart));
            }

            // plotly.js once, from the first code cell that starts the library.
            var loaders = cells.SelectMany(c => Outputs(c).Select(o => (Cell: c, Html: Html(o))))
                .Where(p => p.Html?.Contains(ChartHtml.LoaderAttribute, StringComparison.Ordinal) == true)
                .ToList();
            var loader = Assert.Single(loaders);
            Assert.Contains("NotebookSession.Open", Jupyter.Text(loader.Cell["source"]));
            Assert.Contains(PlotlyJsResource.Script[..200], loader.Html);
        }
    }

    [JupyterFact(Browser = true)]
    public async Task NbconvertHtml_TwoNotebooksOffline_DrawEveryChartWithoutPlotlyFromTheNetwork()
    {
        foreach (var notebook in await run.Notebooks)
        {
            await OfflineBrowser.VisitAsync(notebook.HtmlPath, async visit =>
            {
                var charts = visit.Page.Locator(".instacart-chart");
                Assert.True(await charts.CountAsync() >= 1, $"{notebook.Name} has a chart");
                for (var i = 0; i < await charts.CountAsync(); i++)
                {
                    await charts.Nth(i).Locator(".main-svg").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
                }

                Assert.DoesNotContain("needs plotly.js", await visit.Page.Locator("body").InnerTextAsync());
                // The page's own scripts (require.js, MathJax) are blocked like everything else; plotly.js is not asked for.
                Assert.DoesNotContain(visit.BlockedRequests, url => url.Contains("plot.ly", StringComparison.OrdinalIgnoreCase) || url.Contains("plotly", StringComparison.OrdinalIgnoreCase));
                await OfflineBrowser.ScreenshotAsync(visit.Page, $"jupyter-{notebook.Name}.png");
                return true;
            });
        }
    }
}
