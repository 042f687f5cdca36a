using Microsoft.Playwright;

namespace Instacart.Notebooks.Tests;

/// <summary>
/// A fact that takes the README's screenshots: it runs only when <c>docs/screenshots.sh</c> names the report to
/// photograph (<c>INSTACART_SCREENSHOT_REPORT</c>) and where to put the pictures (<c>INSTACART_SCREENSHOT_OUT</c>), and
/// needs Chromium. Otherwise it is reported as skipped with the reason.
/// </summary>
public sealed class ScreenshotFactAttribute : FactAttribute
{
    public ScreenshotFactAttribute()
    {
        if (ScreenshotTests.Report is null || ScreenshotTests.Output is null)
        {
            Skip = "Takes the README's screenshots when asked: run docs/screenshots.sh (it needs chromium and poppler-utils).";
        }
        else if (!File.Exists(ChromiumFactAttribute.ExecutablePath))
        {
            Skip = $"No Chromium at {ChromiumFactAttribute.ExecutablePath}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.";
        }
    }
}

public sealed class ScreenshotTests
{
    /// <summary>The pages photographed besides the index, by notebook number.</summary>
    private static readonly string[] Pages = ["01", "03", "07", "11", "12", "13", "14", "15"];

    /// <summary>The report folder to photograph, when the screenshot script runs.</summary>
    public static string? Report => Environment.GetEnvironmentVariable("INSTACART_SCREENSHOT_REPORT") is { Length: > 0 } path ? path : null;

    /// <summary>Where the pictures go, when the screenshot script runs.</summary>
    public static string? Output => Environment.GetEnvironmentVariable("INSTACART_SCREENSHOT_OUT") is { Length: > 0 } path ? path : null;

    [ScreenshotFact]
    public async Task Screenshots_Report_TakesTheIndexAndTheChosenPagesOffline()
    {
        Directory.CreateDirectory(Output!);
        var files = new List<string> { "index.html" };
        foreach (var number in Pages)
        {
            files.Add(Path.GetFileName(Assert.Single(Directory.GetFiles(Report!, number + "-*.html"))));
        }

        foreach (var file in files)
        {
            await OfflineBrowser.VisitAsync(Path.Combine(Report!, file), async visit =>
            {
                var page = visit.Page;
                await page.SetViewportSizeAsync(1200, 900);
                var charts = page.Locator(".plotly-chart");
                for (var i = 0; i < await charts.CountAsync(); i++)
                {
                    await charts.Nth(i).Locator(".main-svg").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
                }

                // Full width, and as much of the page as a reader sees in a few screens (the pictures stay small).
                var height = Math.Min(3200, await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight"));
                await page.ScreenshotAsync(new PageScreenshotOptions
                {
                    Path = Path.Combine(Output!, Path.ChangeExtension(file, ".png")),
                    FullPage = true,
                    Clip = new Clip { X = 0, Y = 0, Width = 1200, Height = height },
                });
                Assert.Empty(visit.ConsoleErrors);
                Assert.Empty(visit.BlockedRequests);
                return true;
            });
        }
    }
}
