using Microsoft.Playwright;

namespace Instacart.Notebooks.Tests;

/// <summary>
/// A fact that needs a Chromium executable: <c>CHROMIUM_PATH</c> if set, else <c>/usr/bin/chromium</c> (Debian's
/// <c>chromium</c> package; Playwright cannot download its own browsers here). Without it the test is reported
/// as skipped with the reason, since xUnit 2 has no dynamic skip.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!File.Exists(ExecutablePath))
        {
            Skip = $"No Chromium at {ExecutablePath}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.";
        }
    }

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";
}

[Collection(FixtureRunCollection.Name)]
public sealed class BrowserTests(FixtureRun run)
{
    private Task<T> WithPageAsync<T>(string file, Func<OfflineBrowser.PageVisit, Task<T>> test) =>
        OfflineBrowser.VisitAsync(Path.Combine(run.OutputDirectory, file), test);

    private static Task ScreenshotAsync(IPage page, string name) => OfflineBrowser.ScreenshotAsync(page, name);

    [ChromiumFact]
    public async Task Page_FidelityNotebookOffline_ChartsRenderAnswerAndTableShowWithoutErrors()
    {
        await WithPageAsync("01-fidelity.html", async visit =>
        {
            var page = visit.Page;
            var charts = page.Locator(".plotly-chart");
            Assert.Equal(1, await charts.CountAsync());
            for (var i = 0; i < await charts.CountAsync(); i++)
            {
                await charts.Nth(i).Locator(".main-svg").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
                Assert.True(await charts.Nth(i).Locator("svg.main-svg").CountAsync() > 0);
                Assert.True(await charts.Nth(i).Locator("g.point").CountAsync() >= 3, "the bars are drawn");
            }

            Assert.Equal("Bananas lead with 7 orders.", (await page.Locator(".answer p").InnerTextAsync()).Trim());
            Assert.Equal(4, await page.Locator(".instacart-table table tr").CountAsync());
            Assert.Contains("</script><script>alert(1)</script>", await page.Locator(".instacart-table").InnerTextAsync());
            await ScreenshotAsync(page, "01-fidelity.png");

            Assert.Empty(visit.ConsoleErrors);
            Assert.Empty(visit.Dialogs);
            Assert.Empty(visit.BlockedRequests);
            return true;
        });
    }

    [ChromiumFact]
    public async Task Page_ThirdPartyPlotlyNotebookOffline_ChartRendersWithoutErrors()
    {
        await WithPageAsync("04-plain-plotly.html", async visit =>
        {
            await visit.Page.Locator(".plotly-chart .main-svg").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
            Assert.Contains("Aisles 24 and 83 sell the most.", await visit.Page.Locator(".answer").InnerTextAsync());
            await ScreenshotAsync(visit.Page, "04-plain-plotly.png");

            Assert.Empty(visit.ConsoleErrors);
            Assert.Empty(visit.Dialogs);
            Assert.Empty(visit.BlockedRequests);
            return true;
        });
    }

    [ChromiumFact]
    public async Task NotebookChartHtml_PageWithPlotly_DrawsWithoutLoadingAnythingOrRunningTheTraceName()
    {
        // What VS Code or Jupyter shows: the chart's text/html output, in a page that already has plotly.js.
        var notebook = System.Text.Json.Nodes.JsonNode.Parse(run.Read("01-fidelity.ipynb"))!;
        var chartHtml = notebook["cells"]!.AsArray()
            .SelectMany(c => c!["outputs"] is System.Text.Json.Nodes.JsonArray outputs ? outputs : [])
            .Select(o => o!["data"]?["text/html"])
            .OfType<System.Text.Json.Nodes.JsonArray>()
            .Select(lines => string.Concat(lines.Select(l => (string?)l)))
            .Single(html => html.Contains("Plotly.newPlot", StringComparison.Ordinal));
        await File.WriteAllTextAsync(Path.Combine(run.OutputDirectory, "notebook-chart-output.html"),
            $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><script>{PlotlyJs.Script}</script></head><body>{chartHtml}</body></html>");

        await WithPageAsync("notebook-chart-output.html", async visit =>
        {
            await visit.Page.Locator(".instacart-chart .main-svg").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
            Assert.Empty(visit.ConsoleErrors);
            Assert.Empty(visit.Dialogs);
            Assert.Empty(visit.BlockedRequests);
            return true;
        });
    }

    [ChromiumFact]
    public async Task Page_IndexAndFailedNotebook_ShowStatusWithoutErrors()
    {
        await WithPageAsync("index.html", async visit =>
        {
            Assert.Equal(6, await visit.Page.Locator("table.index tbody tr").CountAsync());
            Assert.Equal(4, await visit.Page.Locator("td.status.failed").CountAsync());
            await ScreenshotAsync(visit.Page, "index.png");
            Assert.Empty(visit.ConsoleErrors);
            Assert.Empty(visit.BlockedRequests);
            return true;
        });

        await WithPageAsync("02-compile-error.html", async visit =>
        {
            Assert.Contains("CS0029", await visit.Page.Locator("section.cell.failed").InnerTextAsync());
            await ScreenshotAsync(visit.Page, "02-compile-error.png");
            Assert.Empty(visit.ConsoleErrors);
            return true;
        });
    }
}
