using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Instacart.Tests.Shared;
using Microsoft.Playwright;

namespace Instacart.Notebooks.Tests;

[Collection(HostileDataRunCollection.Name)]
public sealed class HostileDataTests(HostileDataRun run)
{
    [Fact]
    public void Run_HostileNames_StillSucceeds() =>
        Assert.True(run.Report.Succeeded, string.Join(Environment.NewLine, run.Report.Errors));

    [Fact]
    public void Outputs_EveryFile_HoldsNoFirstNameOrSurname()
    {
        var files = Directory.GetFiles(run.OutputDirectory);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var text = Encoding.UTF8.GetString(File.ReadAllBytes(file));
            Assert.DoesNotContain(HostileDataRun.FirstMarker, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(HostileDataRun.SurnameMarker, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Outputs_ScriptPayload_NeverAppearsRawInHtml()
    {
        foreach (var file in Directory.GetFiles(run.OutputDirectory, "*.html"))
        {
            var html = File.ReadAllText(file);
            Assert.DoesNotContain("<script>alert(", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x onerror", html, StringComparison.Ordinal);
        }
    }

    [ChromiumFact]
    public async Task Pages_HostileNames_ShowAsTextAndFireNoDialog()
    {
        foreach (var notebook in run.Report.Notebooks)
        {
            await OfflineBrowser.VisitAsync(Path.Combine(run.OutputDirectory, $"{notebook.Name}.html"), async visit =>
            {
                var charts = visit.Page.Locator(".plotly-chart");
                for (var i = 0; i < await charts.CountAsync(); i++)
                {
                    await charts.Nth(i).Locator(".main-svg").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
                }

                if (notebook.Name.StartsWith("05-", StringComparison.Ordinal))
                {
                    var text = await visit.Page.Locator("body").InnerTextAsync();
                    Assert.Contains(HostileDataRun.ScriptDepartment, text);
                    Assert.Contains(HostileDataRun.ImageDepartment, text);
                    await OfflineBrowser.ScreenshotAsync(visit.Page, "hostile-05-departments.png");
                }

                Assert.Empty(visit.Dialogs);
                Assert.Empty(visit.ConsoleErrors);
                Assert.Empty(visit.BlockedRequests);
                return true;
            });
        }
    }

    [Fact]
    public void Notebooks_HostileNames_PlotlyOutputsHoldTheNamesOnlyEscaped()
    {
        var figures = 0;
        foreach (var notebook in run.Report.Notebooks)
        {
            using var ipynb = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.OutputDirectory, $"{notebook.Name}.ipynb")));
            foreach (var cell in ipynb.RootElement.GetProperty("cells").EnumerateArray().Where(c => c.TryGetProperty("outputs", out _)))
            {
                foreach (var output in cell.GetProperty("outputs").EnumerateArray())
                {
                    if (output.TryGetProperty("data", out var data) && data.TryGetProperty("application/vnd.plotly.v1+json", out var figure))
                    {
                        figures++;
                        Assert.Empty(PlotlyTextScan.Problems(figure, run.Names).Select(p => $"{notebook.Name}: {p}"));
                    }
                }
            }
        }

        Assert.True(figures >= 16, $"{figures} plotly outputs");
    }

    [ChromiumFact]
    public async Task Charts_HostileNames_DrawNoLinkNoStyledTextAndShowTheNamesAsText()
    {
        var hovered = 0;
        foreach (var notebook in run.Report.Notebooks)
        {
            await OfflineBrowser.VisitAsync(Path.Combine(run.OutputDirectory, $"{notebook.Name}.html"), async visit =>
            {
                var charts = await ChartTextProbe.ReadAsync(visit.Page);
                foreach (var chart in charts)
                {
                    Assert.Empty(chart.HoverErrors);
                    Assert.Empty(chart.Links);
                    Assert.Empty(chart.Styled);
                    Assert.Empty(chart.HoverStyled);

                    // Entities show decoded: what remains of one after the hostile names that are entity text is a miss.
                    var texts = string.Join("\n", chart.Texts.Concat(chart.HoverTexts));
                    var rest = Regex.Replace(texts.Replace(HostileNames.Entity, "", StringComparison.Ordinal), @"&lt;b&gt;\d+&lt;/b&gt;", "");
                    Assert.DoesNotMatch("&(amp|lt|gt|#36);", rest);
                    hovered += chart.HoverTexts.Length;
                }

                if (notebook.Name.StartsWith("05-", StringComparison.Ordinal))
                {
                    // The departments chart: every hostile name on the axis and in its bar's hover label, as text.
                    var chart = charts[0];
                    Assert.All(HostileNames.Departments.Values, name =>
                    {
                        Assert.Contains(name, chart.Texts);
                        Assert.Contains(chart.HoverTexts, t => t.Contains(name, StringComparison.Ordinal));
                    });
                    Assert.Contains(chart.HoverTexts, t => t.Contains('$', StringComparison.Ordinal));
                    await OfflineBrowser.ScreenshotAsync(visit.Page, "hostile-05-departments-chart.png");
                }

                if (notebook.Name.StartsWith("12-", StringComparison.Ordinal))
                {
                    // The product pairs: shortened names, drawn as text.
                    Assert.Contains(charts[0].Texts, t => t.Contains("<b>bold ", StringComparison.Ordinal) || t.Contains("<a href='http://e.co'>", StringComparison.Ordinal));
                }

                Assert.Empty(visit.ConsoleErrors);
                return true;
            });
        }

        Assert.True(hovered > 50, $"{hovered} hover labels read");
    }

    [PdfFact]
    public void Pdf_HostileNames_HasNoLinkFromTheDataAndPrintsTheNamesAsText()
    {
        var pdf = Path.Combine(run.OutputDirectory, "report.pdf");
        Assert.True(File.Exists(pdf), string.Join(Environment.NewLine, run.Report.Errors));

        var urls = Poppler.Run("pdfinfo", "-url", pdf);
        Assert.All(HostileNames.LinkHosts, host => Assert.DoesNotContain(host, urls, StringComparison.OrdinalIgnoreCase));
        // The same read from the file itself (Chromium writes link annotations as plain objects: /URI (http://…)).
        var uris = Regex.Matches(Encoding.Latin1.GetString(File.ReadAllBytes(pdf)), @"/URI\s*\(([^)]*)\)").Select(m => m.Groups[1].Value).ToList();
        Assert.All(uris, uri => Assert.DoesNotContain(HostileNames.LinkHosts, host => uri.Contains(host, StringComparison.OrdinalIgnoreCase)));

        var text = Poppler.Run("pdftotext", "-enc", "UTF-8", pdf, "-");
        Assert.Contains("click</a>", text, StringComparison.Ordinal);
        Assert.Contains("<b>bold</b>", text, StringComparison.Ordinal);
    }
}
