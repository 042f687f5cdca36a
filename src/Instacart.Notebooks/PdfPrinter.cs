using Instacart.Data.Files;
using Microsoft.Playwright;

namespace Instacart.Notebooks;

/// <summary>
/// Prints the run's <see cref="PrintPage"/> to <c>report.pdf</c> with the system Chromium's print-to-PDF (through
/// Playwright, which here cannot download a browser of its own): the page is opened from a temporary
/// <c>file://</c> copy with every other request blocked and printed once every chart is drawn; a run writes the
/// PDF's bytes into its report, <see cref="PrintAsync(string, string, CancellationToken)"/> with <see cref="AtomicFile"/>.
/// </summary>
public static class PdfPrinter
{
    /// <summary>The PDF's file name in the output folder.</summary>
    public const string FileName = "report.pdf";

    /// <summary>The environment variable naming the Chromium executable.</summary>
    public const string ChromiumPathVariable = "CHROMIUM_PATH";

    /// <summary>Where Debian's <c>chromium</c> package puts the browser; used when <see cref="ChromiumPathVariable"/> is not set.</summary>
    public const string DefaultChromiumPath = "/usr/bin/chromium";

    private static readonly TimeSpan ChartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The Chromium executable: <c>CHROMIUM_PATH</c> if set, else <c>/usr/bin/chromium</c>.</summary>
    /// <remarks>The browser is a machine tool, like <c>PATH</c>: its location is read here, where the browser is started.</remarks>
#pragma warning disable RS0030 // a machine setting, not a setting of the analysis
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable(ChromiumPathVariable) is { Length: > 0 } path ? path : DefaultChromiumPath;
#pragma warning restore RS0030

    /// <summary>Throws a one-line <see cref="FileNotFoundException"/> naming <c>CHROMIUM_PATH</c> when there is no Chromium to print with.</summary>
    /// <exception cref="FileNotFoundException">No file at <see cref="ChromiumPath"/>.</exception>
    public static void EnsureChromium() => EnsureChromium(ChromiumPath);

    internal static void EnsureChromium(string chromiumPath)
    {
        if (!File.Exists(chromiumPath))
        {
            throw new FileNotFoundException(
                $"The PDF report (--pdf) needs Chromium, and there is none at '{chromiumPath}': install it (apt-get install -y chromium) or set {ChromiumPathVariable} to its executable.",
                chromiumPath);
        }
    }

    /// <summary>Prints an HTML document (e.g. <see cref="PrintPage.Render(IReadOnlyList{NotebookReport}, string)"/>) to an A4 PDF.</summary>
    /// <param name="html">The self-contained document; it may load nothing from the network.</param>
    /// <param name="pdfPath">The PDF to write, whole or not at all (see <see cref="AtomicFile"/>).</param>
    /// <param name="cancellationToken">Stops the wait for the charts.</param>
    /// <returns>A task that completes when the PDF is written.</returns>
    /// <exception cref="FileNotFoundException">There is no Chromium (see <see cref="EnsureChromium()"/>).</exception>
    /// <exception cref="InvalidOperationException">The page did not draw its charts in time, or reported errors.</exception>
    public static async Task PrintAsync(string html, string pdfPath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pdfPath);
        var pdf = await PrintToBytesAsync(html, cancellationToken);
        AtomicFile.WriteAllBytes(pdfPath, pdf);
    }

    /// <summary>Prints an HTML document (e.g. the run's <see cref="PrintPage"/>) to an A4 PDF and returns its bytes (the caller writes them).</summary>
    /// <param name="html">The self-contained document; it may load nothing from the network.</param>
    /// <param name="cancellationToken">Stops the wait for the charts.</param>
    /// <returns>The PDF's bytes.</returns>
    /// <exception cref="FileNotFoundException">There is no Chromium (see <see cref="EnsureChromium()"/>).</exception>
    /// <exception cref="InvalidOperationException">The page did not draw its charts in time, or reported errors.</exception>
    public static async Task<byte[]> PrintToBytesAsync(string html, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        var chromium = ChromiumPath;
        EnsureChromium(chromium);
        var pagePath = Path.Combine(Path.GetTempPath(), $"instacart-print-{Environment.ProcessId}-{Guid.NewGuid():N}.html");
        try
        {
            await File.WriteAllTextAsync(pagePath, html, new System.Text.UTF8Encoding(false), cancellationToken);
            return await PrintFileAsync(chromium, pagePath, cancellationToken);
        }
        finally
        {
            File.Delete(pagePath);
        }
    }

    private static async Task<byte[]> PrintFileAsync(string chromium, string pagePath, CancellationToken cancellationToken)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });

        // 182 mm, the A4 text width, is about 690 CSS pixels: the page's body has exactly that width on screen and on paper.
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 794, Height = 1123 } });
        var page = await context.NewPageAsync();
        var pageErrors = new List<string>();
        page.PageError += (_, error) => pageErrors.Add(error);
        await page.RouteAsync("**/*", route =>
            route.Request.Url.StartsWith("file://", StringComparison.Ordinal) ? route.ContinueAsync() : route.AbortAsync());

        await page.GotoAsync(new Uri(pagePath).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        try
        {
            var wait = page.WaitForFunctionAsync(
                """
                () => document.body.hasAttribute('data-charts-failed') ||
                      (document.body.hasAttribute('data-charts-drawn') &&
                       Array.from(document.querySelectorAll('.plotly-chart')).every(c => c.querySelector('.main-svg')))
                """,
                null,
                new PageWaitForFunctionOptions { Timeout = (float)ChartTimeout.TotalMilliseconds, PollingInterval = 100 });
            await wait.WaitAsync(cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"The print page did not draw its charts within {ChartTimeout.TotalSeconds:0} s{Describe(pageErrors)}.");
        }

        if (await page.EvaluateAsync<string?>("() => document.body.getAttribute('data-charts-failed')") is { } failure)
        {
            throw new InvalidOperationException($"plotly.js could not draw a chart of the print page: {failure}{Describe(pageErrors)}.");
        }

        await page.EvaluateAsync("() => document.fonts.ready.then(() => true)");
        return await page.PdfAsync(new PagePdfOptions
        {
            Format = "A4",
            PrintBackground = true,
            PreferCSSPageSize = true,

            // Bookmarks from the headings: one entry per question, its sections under it.
            Outline = true,
            Tagged = true,
            DisplayHeaderFooter = true,
            HeaderTemplate = "<span></span>",
            FooterTemplate = "<div style=\"width:100%;font:8px system-ui,sans-serif;color:#616e7c;padding:0 14mm;display:flex;justify-content:space-between\"><span>Instacart notebooks</span><span><span class=\"pageNumber\"></span> / <span class=\"totalPages\"></span></span></div>",
        });
    }

    private static string Describe(List<string> pageErrors) =>
        pageErrors.Count == 0 ? "" : " (page errors: " + string.Join("; ", pageErrors) + ")";
}
