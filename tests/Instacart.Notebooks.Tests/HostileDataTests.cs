using System.Text;
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
}
