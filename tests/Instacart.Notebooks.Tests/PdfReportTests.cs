using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Instacart.Notebooks.Tests;

/// <summary>
/// A fact that prints a PDF and reads it back: it needs Chromium (see <see cref="ChromiumFactAttribute"/>) and
/// poppler's <c>pdftotext</c> and <c>pdfinfo</c> (Debian's <c>poppler-utils</c>). Without them the test is reported
/// as skipped with the reason.
/// </summary>
public sealed class PdfFactAttribute : FactAttribute
{
    public PdfFactAttribute()
    {
        if (!File.Exists(ChromiumFactAttribute.ExecutablePath))
        {
            Skip = $"No Chromium at {ChromiumFactAttribute.ExecutablePath}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.";
        }
        else if (Poppler.Find("pdftotext") is null || Poppler.Find("pdfinfo") is null)
        {
            Skip = "No pdftotext/pdfinfo on PATH to read the PDF back: install them (apt-get install -y poppler-utils).";
        }
    }
}

/// <summary>poppler-utils' command line tools, found on <c>PATH</c>.</summary>
internal static class Poppler
{
    public static string? Find(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, tool))
            .FirstOrDefault(File.Exists);

    public static string Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(Find(tool) ?? tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} failed ({process.ExitCode}): {stderr.Result}");
        return output;
    }
}

[Collection(FixtureRunCollection.Name)]
public sealed class PdfReportTests(FixtureRun run)
{
    [PdfFact]
    public async Task Pdf_FixtureRunWithPdf_PrintsIndexAndEveryNotebookWithAnswersTitlesAndNoCode()
    {
        var output = RepoPaths.NewOutputFolder("pdf-run");
        var report = await NotebookRunner.RunAsync(new RunOptions(RepoPaths.FixtureNotebooks, output)
        {
            DataDirectory = RepoPaths.DataSample, Session = RepoPaths.SampleSession,
            Pdf = true,
        });

        var pdfResult = Assert.Single(report.ReportFiles, f => f.FileName == PdfPrinter.FileName);
        Assert.True(pdfResult.Status == RunStatus.Succeeded, pdfResult.Error);
        var pdf = Path.Combine(output, PdfPrinter.FileName);
        Assert.True(File.Exists(pdf));
        // No temporary file is left: the only hidden files are the report's marker and lock.
        Assert.Equal([".instacart-report.json", ".instacart.lock"], Directory.GetFiles(output, ".*").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("report.pdf", File.ReadAllText(Path.Combine(output, "run.json")), StringComparison.Ordinal);

        // The cover, the contents, then every notebook from a new page.
        var pages = int.Parse(Regex.Match(Poppler.Run("pdfinfo", pdf), @"^Pages:\s+(\d+)", RegexOptions.Multiline).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(pages >= report.Notebooks.Count + 2, $"{pages} pages for {report.Notebooks.Count} notebooks, the cover and the contents");

        var text = Poppler.Run("pdftotext", "-enc", "UTF-8", pdf, "-");
        var pageTexts = text.Split('\f').Select(Flat).ToList();
        var all = Flat(text);
        Assert.StartsWith("Instacart notebooks", pageTexts[0], StringComparison.Ordinal);
        Assert.StartsWith("Contents", pageTexts[1], StringComparison.Ordinal);
        foreach (var notebook in report.Notebooks)
        {
            // The contents are a two-column table, whose cells pdftotext may interleave: every word of the title is there.
            Assert.All(Flat(notebook.Title).Split(' '), word => Assert.Contains(word, pageTexts[1], StringComparison.Ordinal));
            Assert.Contains(pageTexts.Skip(1), page => page.StartsWith(Flat(notebook.Title), StringComparison.Ordinal));
            if (notebook.Answer is { } answer)
            {
                Assert.Contains(Flat(answer), all, StringComparison.Ordinal);
            }
        }

        Assert.Equal(2, report.Notebooks.Count(n => n.Answer is not null));
        Assert.Contains("Bananas lead with 7 orders.", pageTexts[1], StringComparison.Ordinal);
        Assert.Contains("Aisles 24 and 83 sell the most.", pageTexts[1], StringComparison.Ordinal);

        // The index links the printed PDF; the PDF has a bookmark per notebook (its title heading).
        Assert.Contains("<a href=\"report.pdf\">report.pdf</a>", File.ReadAllText(Path.Combine(output, "index.html")), StringComparison.Ordinal);
        Assert.Equal(report.Notebooks.Count, PdfOutline.TopLevelCount(File.ReadAllBytes(pdf)));
        Assert.Contains("CS0029", all, StringComparison.Ordinal);

        // Markdown text and outputs are kept (the table, console output); code and kernel chatter are not.
        Assert.Contains("Raw HTML", all, StringComparison.Ordinal);
        Assert.Contains("basket has 3 products", all, StringComparison.Ordinal);
        Assert.Contains("</script><script>alert(1)</script>", all, StringComparison.Ordinal);
        foreach (var code in new[] { "NotebookSession.Start", "#r \"", "Console.WriteLine", "var basket", "Plotly.NET.CSharp.Chart", "Installed Packages", "Submission#" })
        {
            Assert.DoesNotContain(code, all, StringComparison.Ordinal);
        }

        // The chart's axis labels are text in the PDF (plotly drew it): "Milk" once under a bar, once in the table.
        Assert.True(Regex.Count(pageTexts.Single(p => p.StartsWith("01 · Kernel fidelity", StringComparison.Ordinal)), "Milk") >= 2, "the chart is drawn");

        // A picture of the first notebook's page for people to look at.
        if (Poppler.Find("pdftoppm") is not null)
        {
            Directory.CreateDirectory(RepoPaths.Screenshots);
            Poppler.Run("pdftoppm", "-png", "-r", "60", "-f", "3", "-l", "3", "-singlefile", pdf, Path.Combine(RepoPaths.Screenshots, "report-page-3"));
        }

        // The PDF changes nothing else: every notebook's .ipynb and .html are byte-identical to the run without it.
        foreach (var notebook in report.Notebooks)
        {
            foreach (var extension in new[] { ".ipynb", ".html" })
            {
                Assert.True(
                    File.ReadAllBytes(Path.Combine(output, notebook.Name + extension)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(run.OutputDirectory, notebook.Name + extension))),
                    $"{notebook.Name}{extension} differs with --pdf");
            }
        }
    }

    [Fact]
    public void Pdf_PrintPageOfFixtureRun_HasIndexAnswersOutputsAndNoCode()
    {
        var html = PrintPage.Render(run.Report.Notebooks, run.OutputDirectory);

        Assert.Equal(run.Report.Notebooks.Count, Regex.Count(html, "<article class=\"notebook\""));
        Assert.Contains("article.notebook { break-before: page; }", html, StringComparison.Ordinal);
        Assert.Equal(1, Regex.Count(html, Regex.Escape(PlotlyJs.Script[..200])));
        Assert.Equal(2, Regex.Count(html, "class=\"plotly-figure\""));
        Assert.Contains("staticPlot: true", html, StringComparison.Ordinal);
        Assert.Contains("Bananas lead with 7 orders.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("NotebookSession.Start", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<details", html, StringComparison.Ordinal);
        Assert.DoesNotContain("language-csharp", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_PrintPageOfNotebooksRunHere_IsTheSameAsFromTheirIpynb()
    {
        // A run prints its own notebooks from memory, and pages it keeps or a worker made from their .ipynb: both the same.
        var output = RepoPaths.NewOutputFolder("print-from-memory");
        var exported = new List<NotebookRunner.ExportedNotebook>();
        foreach (var name in new[] { "01-fidelity", "03-runtime-error", "04-plain-plotly" })
        {
            exported.Add(await NotebookRunner.RunAndExportAsync(
                Path.Combine(RepoPaths.FixtureNotebooks, name + ".dib"), RepoPaths.DataSample, RepoPaths.SampleSession, output, output, null, null, CancellationToken.None));
        }

        var reports = exported.Select(e => e.Report).ToList();
        var fromMemory = PrintPage.Render(reports, exported.ToDictionary(e => e.Report.Name, e => e.Executed!), output);
        var fromFiles = PrintPage.Render(reports, output);

        // The figures are the same JSON; in memory it is the formatter's text, read back it is the .ipynb's object.
        var memoryFigures = new List<JsonNode?>();
        var fileFigures = new List<JsonNode?>();
        Assert.Equal(WithoutFigures(fromFiles, fileFigures), WithoutFigures(fromMemory, memoryFigures));
        Assert.Equal(2, memoryFigures.Count);
        Assert.Equal(memoryFigures.Count, fileFigures.Count);
        Assert.All(memoryFigures.Zip(fileFigures), pair => Assert.True(JsonNode.DeepEquals(pair.First, pair.Second)));
        Assert.Contains("the basket is empty", fromMemory, StringComparison.Ordinal);
        Assert.Contains("before the failure", fromMemory, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_NoChromium_FailsBeforeAnyNotebookWithOneLineNamingChromiumPath()
    {
        var output = RepoPaths.NewOutputFolder("pdf-no-chromium");
        var previous = Environment.GetEnvironmentVariable(PdfPrinter.ChromiumPathVariable);
        Environment.SetEnvironmentVariable(PdfPrinter.ChromiumPathVariable, Path.Combine(output, "no-chromium-here"));
        try
        {
            var error = await Assert.ThrowsAsync<FileNotFoundException>(() => NotebookRunner.RunAsync(new RunOptions(RepoPaths.FixtureNotebooks, output)
            {
                DataDirectory = RepoPaths.DataSample, Session = RepoPaths.SampleSession,
                Pdf = true,
            }));
            Assert.Contains("CHROMIUM_PATH", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', error.Message);
            Assert.Empty(Directory.GetFiles(output));
        }
        finally
        {
            Environment.SetEnvironmentVariable(PdfPrinter.ChromiumPathVariable, previous);
        }
    }

    /// <summary>The page with every chart's figure JSON taken out into <paramref name="figures"/>.</summary>
    private static string WithoutFigures(string html, List<JsonNode?> figures) =>
        Regex.Replace(html, "(<script type=\"application/json\" class=\"plotly-figure\" data-target=\"[^\"]*\">)(.*?)(</script>)", match =>
        {
            figures.Add(JsonNode.Parse(match.Groups[2].Value));
            return match.Groups[1].Value + match.Groups[3].Value;
        }, RegexOptions.Singleline);

    /// <summary>Whitespace (line breaks of the PDF's text) as single spaces.</summary>
    private static string Flat(string text) => Regex.Replace(text, @"\s+", " ").Trim();
}
