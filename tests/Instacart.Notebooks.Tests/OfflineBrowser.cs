using Microsoft.Playwright;

namespace Instacart.Notebooks.Tests;

/// <summary>
/// Opens an exported page from <c>file://</c> in the system Chromium with every other request blocked, and
/// records console errors, dialogs and blocked requests: how a stakeholder's offline copy must behave.
/// </summary>
internal static class OfflineBrowser
{
    public sealed record PageVisit(IPage Page, List<string> ConsoleErrors, List<string> Dialogs, List<string> BlockedRequests);

    public static async Task<T> VisitAsync<T>(string path, Func<PageVisit, Task<T>> test)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 900 } });
        var page = await context.NewPageAsync();
        var visit = new PageVisit(page, [], [], []);
        await page.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith("file://", StringComparison.Ordinal))
            {
                await route.ContinueAsync();
            }
            else
            {
                visit.BlockedRequests.Add(route.Request.Url);
                await route.AbortAsync();
            }
        });
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                visit.ConsoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => visit.ConsoleErrors.Add(error);
        page.Dialog += async (_, dialog) =>
        {
            visit.Dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        await page.GotoAsync(new Uri(path).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        return await test(visit);
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(RepoPaths.Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Screenshots, name), FullPage = true });
    }
}
