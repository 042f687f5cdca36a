using Instacart.Interactive.Display;
using Microsoft.Playwright;

namespace Instacart.Notebooks.Tests;

/// <summary>
/// A notebook chart's <c>text/html</c> and the plotly.js the library hands a front end once per kernel session, in
/// pages put together as VS Code or an exported Jupyter page shows outputs, opened offline in Chromium.
/// </summary>
public sealed class NotebookChartTests
{
    private const string Figure = """{"data":[{"type":"bar","x":["Monday","Sunday"],"y":[3,5]}],"layout":{"title":{"text":"orders"}}}""";

    private static async Task<OfflineBrowser.PageVisit> VisitAsync(string name, string head, string body, Func<OfflineBrowser.PageVisit, Task> test)
    {
        var path = Path.Combine(RepoPaths.NewOutputFolder("notebook-chart-" + name), "page.html");
        await File.WriteAllTextAsync(path, $"<!DOCTYPE html><html><head><meta charset=\"utf-8\">{head}</head><body>{body}</body></html>");
        return await OfflineBrowser.VisitAsync(path, async visit =>
        {
            await test(visit);
            return visit;
        });
    }

    private static string Chart(string id) => ChartHtml.ForNotebook(Figure, _ => id);

    [Fact]
    public void PlotlyJsLoader_Always_InlinesTheEmbeddedCopyWithAmdHiddenAndNoNetworkAddress()
    {
        var loader = ChartHtml.PlotlyJsLoader();

        Assert.StartsWith($"<script type=\"text/javascript\" {ChartHtml.LoaderAttribute}=\"{ChartHtml.PlotlyJsVersion}\">", loader);
        Assert.Contains("(function (define, module, exports) {", loader);
        Assert.Contains(PlotlyJsResource.Script, loader);
        Assert.Contains($"plotly-{ChartHtml.PlotlyJsVersion}.min.js", PlotlyJsResource.ResourceName);
        Assert.Equal(1, loader.Split("</script>").Length - 1);
    }

    [ChromiumFact]
    public async Task ChartAfterLoader_PageWithRequireJsDefine_DrawsWithoutAnAnonymousModule()
    {
        // A page with an AMD loader, as classic Jupyter and an nbconvert page online have: plotly.js must still become window.Plotly.
        const string amd = "<script>window.anonymousDefines = 0; window.define = function () { window.anonymousDefines++; }; window.define.amd = {};</script>";

        var result = await VisitAsync("amd", amd, ChartHtml.PlotlyJsLoader() + Chart("chart-amd"), async visit =>
        {
            await visit.Page.Locator("#chart-amd .main-svg").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
            Assert.Equal(0, await visit.Page.EvaluateAsync<int>("window.anonymousDefines"));
        });

        Assert.Empty(result.ConsoleErrors);
        Assert.Empty(result.BlockedRequests);
    }

    [ChromiumFact]
    public async Task ChartBeforeLoader_Offline_DrawsOncePlotlyJsArrives()
    {
        // A front end may render a chart's output before the output that carries plotly.js: the chart waits for it.
        var result = await VisitAsync("late", "", Chart("chart-late") + ChartHtml.PlotlyJsLoader(), async visit =>
        {
            await visit.Page.Locator("#chart-late .main-svg").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
            Assert.DoesNotContain("needs plotly.js", await visit.Page.Locator("body").InnerTextAsync());
        });

        // Only the blocked request for plotly.js from its CDN, tried while the chart waited.
        Assert.All(result.ConsoleErrors, error => Assert.Contains("Failed to load resource", error));
    }

    [ChromiumFact]
    public async Task ChartWithoutLoader_Offline_SaysHowToGetPlotlyJsInsteadOfStayingBlank()
    {
        await VisitAsync("missing", "", Chart("chart-missing"), async visit =>
        {
            var message = visit.Page.Locator("#chart-missing");
            await Assertions.Expect(message).ToContainTextAsync("needs plotly.js", new LocatorAssertionsToContainTextOptions { Timeout = 15_000 });
            Assert.Contains("run the notebook from the top", await message.InnerTextAsync());
            Assert.NotEmpty(visit.BlockedRequests);
        });
    }
}
