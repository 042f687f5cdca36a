using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.Playwright;

namespace Instacart.Notebooks.Tests;

[Collection(ReportRunCollection.Name)]
public sealed class ReportTests(ReportRun run)
{
    [Fact]
    public void Run_EveryNotebookOnTheSample_SucceedsWithAComputedAnswer()
    {
        Assert.True(run.NotebookNames.Count >= 12, "notebooks 00-11 at least");
        Assert.True(run.Report.Succeeded, string.Join(Environment.NewLine, run.Report.Errors));
        Assert.All(run.Report.Notebooks, n => Assert.False(string.IsNullOrWhiteSpace(n.Answer), n.Name));
        Assert.Equal(run.NotebookNames, run.Report.Notebooks.Select(n => n.Name));
    }

    [Fact]
    public void Run_Report_WritesIpynbAndHtmlPerNotebookIndexAnswersAndRunJson()
    {
        var files = Directory.GetFiles(run.OutputDirectory).Select(Path.GetFileName).ToHashSet();

        foreach (var name in run.NotebookNames)
        {
            Assert.Contains($"{name}.ipynb", files);
            Assert.Contains($"{name}.html", files);
        }

        Assert.Contains("index.html", files);
        Assert.Contains("run.json", files);
        var answers = JsonNode.Parse(File.ReadAllText(Path.Combine(run.OutputDirectory, "answers.json")))!;
        Assert.Equal("instacart-answers/1", (string?)answers["format"]);
        Assert.NotNull(answers["questions"]!["basket_affinity"]);
    }

    [Fact]
    public void Run_EveryIpynb_HasNoErrorOutputAndAChartAsFigureJson()
    {
        foreach (var name in run.NotebookNames)
        {
            var notebook = JsonNode.Parse(File.ReadAllText(Path.Combine(run.OutputDirectory, $"{name}.ipynb")))!;
            var outputs = DotnetRepl.AllOutputs(notebook).ToList();

            Assert.DoesNotContain(outputs, o => (string?)o["output_type"] == "error");
            Assert.Contains(outputs, o => o["data"]?["application/vnd.plotly.v1+json"] is JsonObject);
        }
    }

    [Fact]
    public void Run_EveryNotebook_KeepsTheLibraryCheckInTheIpynbOnlyAndNoPlotlyJsInIt()
    {
        foreach (var name in run.NotebookNames)
        {
            var ipynb = File.ReadAllText(Path.Combine(run.OutputDirectory, $"{name}.ipynb"));
            var page = File.ReadAllText(Path.Combine(run.OutputDirectory, $"{name}.html"));

            // The report's pages draw charts with their own plotly.js: the notebook does not carry another copy.
            Assert.DoesNotContain(Instacart.Interactive.Display.ChartHtml.LoaderAttribute, ipynb, StringComparison.Ordinal);
            // The check passed silently under the runner: a record of the run keeps it, the page leaves it out.
            Assert.Contains(NotebookCell.LibraryCheckMarker, ipynb, StringComparison.Ordinal);
            Assert.DoesNotContain(NotebookCell.LibraryCheckMarker, page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RoundTrip_EveryNotebook_DibToExportedIpynbToDibKeepsEveryCell()
    {
        foreach (var name in run.NotebookNames)
        {
            var source = NotebookSource.Read(Path.Combine(RepoPaths.Notebooks, $"{name}.dib"));
            var ipynb = Microsoft.DotNet.Interactive.Documents.Jupyter.Notebook.Parse(File.ReadAllText(Path.Combine(run.OutputDirectory, $"{name}.ipynb")), NotebookSource.KernelInfos());
            var again = NotebookSource.Parse(CodeSubmission.ToCodeSubmissionContent(ipynb), source.FilePath, source.DisplayPath);

            Assert.Equal(source.Cells.Select(c => (c.KernelName, c.Contents)), again.Cells.Select(c => (c.KernelName, c.Contents)));
        }
    }

    [Fact]
    public void Pages_EveryPageAndTheIndex_SayWhenWhichDataAndThatItIsSynthetic()
    {
        var data = run.Session.Data;
        var fingerprint = data.Fingerprint;
        foreach (var file in run.NotebookNames.Select(n => n + ".html").Append("index.html"))
        {
            var html = File.ReadAllText(Path.Combine(run.OutputDirectory, file));
            Assert.Contains("<span class=\"run-at\">Run 2026-01-02 03:04 UTC</span>", html);
            Assert.Contains($"Data: data-sample ({data.Reconciliation.CustomersRows:N0} customers, {data.Reconciliation.PriorOrders:N0} orders, {data.Reconciliation.LinesMerged:N0} order lines)", html);
            Assert.Contains(fingerprint, html);
            Assert.Contains("<p class=\"banner synthetic\"><strong>Synthetic sample data</strong>", html);
        }

        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(run.OutputDirectory, "run.json")))!;
        Assert.True((bool)json["dataset"]!["synthetic"]!);
        Assert.Equal(data.Reconciliation.CustomersRows, (long)json["dataset"]!["customers"]!);
    }

    [Fact]
    public void Index_Report_LinksAnswersJsonNotAnUnprintedPdfAndGroupsTheQuestionsByPart()
    {
        var index = File.ReadAllText(Path.Combine(run.OutputDirectory, "index.html"));

        Assert.Contains("<a href=\"answers.json\">answers.json</a>", index);
        Assert.DoesNotContain("report.pdf", index);
        Assert.DoesNotContain("<th>Status</th>", index);
        Assert.DoesNotContain("class=\"status ok\"", index);
        var contents = System.Text.RegularExpressions.Regex.Match(index, "<nav class=\"contents\">(.*?)</nav>").Groups[1].Value;
        Assert.Equal(["#part-data", "#part-time", "#part-products", "#part-customers", "#part-beyond"],
            System.Text.RegularExpressions.Regex.Matches(contents, "href=\"([^\"]+)\"").Select(m => m.Groups[1].Value));
        var customers = index[index.IndexOf("id=\"part-customers\"", StringComparison.Ordinal)..index.IndexOf("id=\"part-beyond\"", StringComparison.Ordinal)];
        foreach (var name in new[] { "07-loyalty", "08-regions", "09-age-and-family", "10-income", "11-customer-profiles" })
        {
            Assert.Contains($"href=\"{name}.html\"", customers);
        }

        // A page's "what this suggests" line, when it has one, is on the index under its answer.
        foreach (var notebook in run.Report.Notebooks.Where(n => n.Suggestion is not null))
        {
            Assert.Contains($"<p class=\"suggestion\">{System.Net.WebUtility.HtmlEncode(notebook.Suggestion)}</p>", index);
        }
    }

    [Fact]
    public void Pages_EveryPage_LinksThePagesBeforeAndAfterIt()
    {
        var names = run.NotebookNames;
        for (var i = 0; i < names.Count; i++)
        {
            var html = File.ReadAllText(Path.Combine(run.OutputDirectory, names[i] + ".html"));
            Assert.Contains("<a href=\"index.html\">", html);
            Assert.Equal(i > 0, html.Contains($"<a rel=\"prev\" href=\"{(i > 0 ? names[i - 1] : "")}.html\">", StringComparison.Ordinal));
            Assert.Equal(i + 1 < names.Count, html.Contains($"<a rel=\"next\" href=\"{(i + 1 < names.Count ? names[i + 1] : "")}.html\">", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Pages_Report_ReadOneCopyOfPlotlyJsBesideThemAndShowTheAnswerOnce()
    {
        Assert.Equal(PlotlyJs.Script, File.ReadAllText(Path.Combine(run.OutputDirectory, PlotlyJs.FileName)));
        foreach (var notebook in run.Report.Notebooks)
        {
            var html = File.ReadAllText(Path.Combine(run.OutputDirectory, notebook.Name + ".html"));
            Assert.Empty(HtmlChecks.PlotlyJsCopies(html));
            Assert.Equal(1, HtmlChecks.Count(html, "<script src=\"plotly.min.js\"></script>"));
            Assert.True(HtmlChecks.Count(html, System.Net.WebUtility.HtmlEncode(notebook.Answer!)) == 1, $"{notebook.Name} shows its answer once");
        }

        // The whole folder at sample scale: one plotly.js (3.6 MB), not one per page.
        var bytes = Directory.GetFiles(run.OutputDirectory).Sum(f => new FileInfo(f).Length);
        Assert.True(bytes < 15_000_000, $"the report folder holds {bytes:N0} bytes");
    }

    [ChromiumFact]
    public async Task Pages_EveryNotebookOffline_DrawEveryChartShowTheAnswerAndATableWithoutErrors()
    {
        foreach (var notebook in run.Report.Notebooks)
        {
            await OfflineBrowser.VisitAsync(Path.Combine(run.OutputDirectory, $"{notebook.Name}.html"), async visit =>
            {
                var page = visit.Page;
                var charts = page.Locator(".plotly-chart");
                Assert.True(await charts.CountAsync() >= 1, $"{notebook.Name} has a chart");
                for (var i = 0; i < await charts.CountAsync(); i++)
                {
                    await charts.Nth(i).Locator(".main-svg").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
                }

                Assert.Contains(notebook.Answer!, (await page.Locator(".answer").InnerTextAsync()).Replace("\n", " "));
                Assert.True(await page.Locator(".instacart-table table").CountAsync() >= 1, $"{notebook.Name} has a table");
                if (notebook.Name.StartsWith("01-", StringComparison.Ordinal))
                {
                    await OfflineBrowser.ScreenshotAsync(page, "report-01-busiest-days.png");
                }

                Assert.Empty(visit.ConsoleErrors);
                Assert.Empty(visit.Dialogs);
                Assert.Empty(visit.BlockedRequests);
                return true;
            });
        }
    }

    [ChromiumFact]
    public async Task Index_Offline_ListsEveryQuestionWithItsAnswerAndLink()
    {
        await OfflineBrowser.VisitAsync(Path.Combine(run.OutputDirectory, "index.html"), async visit =>
        {
            var text = await visit.Page.Locator("body").InnerTextAsync();
            foreach (var notebook in run.Report.Notebooks)
            {
                Assert.Equal(1, await visit.Page.Locator($"a[href='{notebook.Name}.html']").CountAsync());
            }

            Assert.DoesNotContain("failed", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Status", text, StringComparison.Ordinal);
            await OfflineBrowser.ScreenshotAsync(visit.Page, "report-index.png");
            Assert.Empty(visit.ConsoleErrors);
            Assert.Empty(visit.BlockedRequests);
            return true;
        });
    }
}

/// <summary>
/// Every notebook in the stock kernel (dotnet-repl 0.3.259, the build VS Code and Jupyter launch), run from
/// <c>notebooks/</c> as an analyst's VS Code would: no error output anywhere.
/// </summary>
public sealed class StockKernelNotebookTests
{
    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(RepoPaths.Notebooks, "*.dib").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [DotnetReplTheory]
    [MemberData(nameof(Notebooks))]
    public async Task DotnetRepl_Notebook_RunsWithoutAnErrorOutput(string file)
    {
        var folder = RepoPaths.NewOutputFolder("stock-" + Path.GetFileNameWithoutExtension(file));
        var (exitCode, notebook, log) = await DotnetRepl.RunAsync(Path.Combine(RepoPaths.Notebooks, file), RepoPaths.Notebooks, Path.Combine(folder, "out.ipynb"));

        Assert.True(exitCode == 0, $"dotnet-repl exited with {exitCode}: {log}");
        Assert.DoesNotContain(DotnetRepl.AllOutputs(notebook!), o => (string?)o["output_type"] == "error");
        Assert.Contains(DotnetRepl.AllOutputs(notebook!), o => o["data"]?["application/vnd.plotly.v1+json"] is not null);
        Assert.Single(DotnetRepl.AllOutputs(notebook!), o => Jupyter.Text(o["data"]?["text/html"])?.Contains(Instacart.Interactive.Display.ChartHtml.LoaderAttribute, StringComparison.Ordinal) == true);
    }
}
