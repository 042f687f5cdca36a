using System.Text.Json.Nodes;

namespace Instacart.Notebooks.Tests;

[Collection(FixtureRunCollection.Name)]
public sealed class RunnerTests(FixtureRun run)
{
    private static JsonArray Outputs(JsonNode notebook, string cellId) =>
        notebook["cells"]!.AsArray().Single(c => (string?)c!["id"] == cellId)!["outputs"]!.AsArray();

    private static string Text(JsonNode? lines) => lines is JsonArray array ? string.Concat(array.Select(l => (string?)l)) : (string?)lines ?? "";

    [Fact]
    public void RunAsync_FidelityNotebook_IpynbHoldsEveryOutput()
    {
        Assert.Equal(RunStatus.Succeeded, run.Notebook("01-fidelity").Status);
        var notebook = JsonNode.Parse(run.Read("01-fidelity.ipynb"))!;

        Assert.Equal(4, (int)notebook["nbformat"]!);
        Assert.Equal(".net-csharp", (string?)notebook["metadata"]!["kernelspec"]!["name"]);
        Assert.Equal(".NET (C#)", (string?)notebook["metadata"]!["kernelspec"]!["display_name"]);
        Assert.Equal("C#", (string?)notebook["metadata"]!["kernelspec"]!["language"]);
        Assert.Equal("polyglot-notebook", (string?)notebook["metadata"]!["language_info"]!["name"]);
        Assert.Equal("csharp", (string?)notebook["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]);
        JsonNode code = notebook["cells"]!.AsArray().First(c => (string?)c!["cell_type"] == "code")!;
        Assert.Equal("csharp", (string?)code["metadata"]!["dotnet_interactive"]!["language"]);
        Assert.Equal("csharp", (string?)code["metadata"]!["polyglot_notebook"]!["kernelName"]);

        // #r "nuget:" restored through the kernel's NuGet directive.
        Assert.Contains("Plotly.NET.CSharp, 0.14.0", Text(Outputs(notebook, "cell-2").Single()!["data"]!["text/html"]));

        // A string as trailing expression: the answer, as an execute_result.
        var answer = Outputs(notebook, "cell-3").Single()!;
        Assert.Equal("execute_result", (string?)answer["output_type"]);
        Assert.Equal("Bananas lead with 7 orders.", Text(answer["data"]!["text/plain"]));

        // Console output, display(...) and a trailing expression that uses a variable from an earlier cell.
        var cell4 = Outputs(notebook, "cell-4");
        Assert.Equal("stream", (string?)cell4[0]!["output_type"]);
        Assert.Equal("stdout", (string?)cell4[0]!["name"]);
        Assert.Equal("basket has 3 products\n", Text(cell4[0]!["text"]));
        Assert.Equal("display_data", (string?)cell4[1]!["output_type"]);
        Assert.Equal("shown with display", Text(cell4[1]!["data"]!["text/plain"]));
        Assert.Equal("execute_result", (string?)cell4[2]!["output_type"]);
        Assert.Contains("<pre>120</pre>", Text(cell4[2]!["data"]!["text/html"]));

        // The chart: figure JSON as an object, and HTML that draws it.
        var chart = Outputs(notebook, "cell-5").Single()!["data"]!;
        var figure = chart["application/vnd.plotly.v1+json"];
        Assert.IsType<JsonObject>(figure);
        Assert.Equal("bar", (string?)figure!["data"]![0]!["type"]);
        Assert.Equal("</script><script>alert(1)</script>", (string?)figure["data"]![0]!["name"]);
        var chartHtml = Text(chart["text/html"]);
        Assert.Contains("Plotly.newPlot", chartHtml);
        Assert.DoesNotContain("<script>alert(1)", chartHtml);

        // The DataFrame: a plain escaped table with the row count, and a text fallback.
        var table = Outputs(notebook, "cell-6").Single()!["data"]!;
        var tableHtml = Text(table["text/html"]);
        Assert.Contains("<th>Product</th>", tableHtml);
        Assert.Contains("&lt;/script&gt;", tableHtml);
        Assert.Contains("3 rows", tableHtml);
        Assert.Contains("Product", Text(table["text/plain"]));

        // The run's session, handed to the kernel as a value: the notebook's own folder argument is not read.
        Assert.Equal($"handed in: {RepoPaths.SampleSession.Data.Fingerprint}\n", Text(Outputs(notebook, "cell-7").Single()!["text"]));
    }

    [Fact]
    public void RunAsync_CompileError_ReportsNotebookCellAndLine()
    {
        var notebook = run.Notebook("02-compile-error");

        Assert.Equal(RunStatus.Failed, notebook.Status);
        Assert.Equal("notebooks/02-compile-error.dib: cell 3, line 18: CS0029: Cannot implicitly convert type 'string' to 'int'", notebook.Error);
        Assert.Equal([RunStatus.Succeeded, RunStatus.Succeeded, RunStatus.Failed, RunStatus.Skipped], notebook.Cells.Select(c => c.Status));
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.FixtureNotebooks, "02-compile-error.dib"));
        Assert.Contains("int broken", lines[18 - 1]);
    }

    [Fact]
    public void RunAsync_RuntimeException_ReportsExceptionTypeAndMessage()
    {
        var notebook = run.Notebook("03-runtime-error");

        Assert.Equal(RunStatus.Failed, notebook.Status);
        Assert.Equal("notebooks/03-runtime-error.dib: cell 3, line 15: System.InvalidOperationException: the basket is empty", notebook.Error);
        Assert.Equal(RunStatus.Skipped, notebook.Cells[^1].Status);
        var ipynb = JsonNode.Parse(run.Read("03-runtime-error.ipynb"))!;
        var error = Outputs(ipynb, "cell-3").Single()!;
        Assert.Equal("error", (string?)error["output_type"]);
        Assert.Equal("System.InvalidOperationException", (string?)error["ename"]);
        Assert.Empty(Outputs(ipynb, "cell-4"));
    }

    [Fact]
    public void RunAsync_FailingNotebooks_OtherNotebooksStillRunAndExitCodeIsOne()
    {
        Assert.Equal(1, run.Report.ExitCode);
        Assert.False(run.Report.Succeeded);
        Assert.Equal(["01-fidelity", "02-compile-error", "03-runtime-error", "04-plain-plotly", "05-fsharp-cell", "06-error-after-references"], run.Report.Notebooks.Select(n => n.Name));
        Assert.Equal(RunStatus.Succeeded, run.Notebook("04-plain-plotly").Status);
        Assert.Equal(4, run.Report.Errors.Count());
    }

    [Fact]
    public void RunAsync_CompileErrorAfterPathAndNuGetReferences_ReportsTheFileLineOfTheError()
    {
        var notebook = run.Notebook("06-error-after-references");

        Assert.Equal("notebooks/06-error-after-references.dib: cell 2, line 17: CS0029: Cannot implicitly convert type 'int' to 'string'", notebook.Error);
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.FixtureNotebooks, "06-error-after-references.dib"));
        Assert.Equal("string text = count;", lines[17 - 1]);
        var error = Outputs(JsonNode.Parse(run.Read("06-error-after-references.ipynb"))!, "cell-2").Last()!;
        Assert.Equal("CS0029", (string?)error["ename"]);
        Assert.Equal("notebooks/06-error-after-references.dib(17,15): error CS0029: Cannot implicitly convert type 'int' to 'string'", (string?)error["evalue"]);
    }

    [Theory]
    [InlineData("var a = 1;\nint b = \"x\";", 1, 1)]
    [InlineData("#r \"nuget: A, 1.0\"\n#r \"nuget: B, 1.0\"\n\nvar q = 1;\nint a = \"x\";", 4, 4)]
    [InlineData("#r \"lib.dll\"\n#r \"nuget: A, 1.0\"\n#r \"nuget: B, 1.0\"\n\nStart();\nusing X;", 3, 5)]
    [InlineData("#!time\nint a = \"x\";", 1, 1)]
    public void CellLineOf_KernelReportedLine_IsTheLineInTheCell(string code, int reported, int expected)
    {
        Assert.Equal(expected, NotebookKernel.CellLineOf(code, reported));
    }

    [Fact]
    public void RunAsync_FailedCell_HtmlShowsTheCellAndItsError()
    {
        var html = run.Read("02-compile-error.html");

        Assert.Contains("section class=\"cell code failed\" id=\"cell-3\"", html);
        Assert.Contains("CS0029", html);
        Assert.Contains("Cannot implicitly convert type &#39;string&#39; to &#39;int&#39;", html);
        Assert.Contains("Code (not run)", html);
    }

    [Fact]
    public void RunAsync_ForeignKernelCell_FailsNamingNotebookAndCell()
    {
        var notebook = run.Notebook("05-fsharp-cell");

        Assert.Equal(RunStatus.Failed, notebook.Status);
        Assert.StartsWith("notebooks/05-fsharp-cell.dib: cell 3, line 13: the kernel 'fsharp' is not supported", notebook.Error);
        Assert.Equal("05 · A cell in another language", notebook.Title);
    }

    [Fact]
    public void RunAsync_PlainPlotlyNotebook_RunsAndExportsOffline()
    {
        var notebook = run.Notebook("04-plain-plotly");
        Assert.Equal(RunStatus.Succeeded, notebook.Status);
        Assert.Equal("Aisles 24 and 83 sell the most.", notebook.Answer);

        // The runner's formatters apply to any notebook's charts: figure JSON in the .ipynb, drawn offline in the page.
        var ipynb = JsonNode.Parse(run.Read("04-plain-plotly.ipynb"))!;
        var figure = Outputs(ipynb, "cell-4").Single()!["data"]!["application/vnd.plotly.v1+json"];
        Assert.IsType<JsonObject>(figure);
        var html = run.Read("04-plain-plotly.html");
        Assert.Empty(HtmlChecks.PlotlyJsCopies(html));
        Assert.Contains("<script src=\"plotly.min.js\"></script>", html);
        Assert.Contains("class=\"plotly-figure\"", html);
        Assert.Empty(HtmlChecks.NetworkReferences(html));
    }

    [Fact]
    public async Task RunAsync_SelfContained_InlinesPlotlyJsInThePageAndWritesNoSharedCopy()
    {
        var output = RepoPaths.NewOutputFolder("fixture-self-contained");
        await NotebookRunner.RunAsync(new RunOptions(RepoPaths.FixtureNotebooks, output)
        {
            DataDirectory = RepoPaths.DataSample, Session = RepoPaths.SampleSession,
            Only = "04-*",
            SelfContained = true,
        });

        var html = File.ReadAllText(Path.Combine(output, "04-plain-plotly.html"));
        Assert.Single(HtmlChecks.PlotlyJsCopies(html));
        Assert.DoesNotContain("<script src=", html);
        Assert.False(File.Exists(Path.Combine(output, PlotlyJs.FileName)));
    }

    [Fact]
    public void RunAsync_Outputs_HoldNoMachinePathsTimestampsOrGuids()
    {
        foreach (var file in Directory.EnumerateFiles(run.OutputDirectory).Where(f => f.EndsWith(".ipynb") || f.EndsWith(".html")))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain(RepoPaths.Root, text);
            Assert.DoesNotContain(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + "/", text);
            Assert.DoesNotMatch(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", text);
            Assert.DoesNotMatch(@"\b20\d\d-\d\d-\d\dT\d\d:\d\d", text);
        }
    }

    [Fact]
    public async Task RunAsync_SameInputTwice_IpynbAndHtmlAreByteIdentical()
    {
        var second = RepoPaths.NewOutputFolder("fixture-run-again");
        await NotebookRunner.RunAsync(new RunOptions(RepoPaths.FixtureNotebooks, second) { DataDirectory = RepoPaths.DataSample, Session = RepoPaths.SampleSession });

        // Every notebook's files (the index differs: it links the fixture run's answers.json, which this run lacks).
        var files = Directory.EnumerateFiles(run.OutputDirectory).Select(Path.GetFileName)
            .Where(f => char.IsAsciiDigit(f![0]) && (f.EndsWith(".ipynb") || f.EndsWith(".html"))).ToList();
        Assert.Equal(12, files.Count);
        foreach (var file in files)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(run.OutputDirectory, file!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second, file!))), $"{file} differs between two runs");
        }
    }

    [Fact]
    public async Task RunAsync_ChildProcessPerNotebook_WritesTheSameFiles()
    {
        var parallel = RepoPaths.NewOutputFolder("fixture-run-processes");
        var report = await NotebookRunner.RunAsync(new RunOptions(RepoPaths.FixtureNotebooks, parallel)
        {
            DataDirectory = RepoPaths.DataSample, Session = RepoPaths.SampleSession,
            Parallelism = 2,
            Only = "01-*,02-*",
        });

        Assert.Equal([RunStatus.Succeeded, RunStatus.Failed], report.Notebooks.Select(n => n.Status));
        Assert.Equal(run.Notebook("02-compile-error").Error, report.Notebooks[1].Error);
        foreach (var file in new[] { "01-fidelity.ipynb", "01-fidelity.html", "02-compile-error.ipynb", "02-compile-error.html" })
        {
            // The pages link their neighbours in the report, and this one holds two notebooks: the rest is the same.
            Assert.Equal(HtmlChecks.WithoutPageLinks(run.Read(file)), HtmlChecks.WithoutPageLinks(File.ReadAllText(Path.Combine(parallel, file))));
        }
    }

    [Fact]
    public void RunAsync_RunJson_HasStatusDurationAndErrorPerNotebookAndCell()
    {
        var json = JsonNode.Parse(run.Read("run.json"))!;

        Assert.False((bool)json["succeeded"]!);
        var compile = json["notebooks"]!.AsArray().Single(n => (string?)n!["name"] == "02-compile-error")!;
        Assert.Equal("failed", (string?)compile["status"]);
        var cells = compile["cells"]!.AsArray();
        Assert.Equal(["succeeded", "succeeded", "failed", "skipped"], cells.Select(c => (string?)c!["status"]));
        Assert.Equal(16, (int)cells[2]!["line"]!);
        Assert.Contains("CS0029", (string?)cells[2]!["error"]);
        Assert.True((long)cells[1]!["durationMs"]! >= 0);
        Assert.Equal("answers.json", (string?)json["reportFiles"]![0]!["name"]);
        Assert.Equal("[\"01-fidelity\",\"02-compile-error\",\"03-runtime-error\",\"04-plain-plotly\",\"05-fsharp-cell\",\"06-error-after-references\"]\n", run.Read("answers.json"));
    }

    [Fact]
    public void RunAsync_IndexHtml_ListsEveryNotebookWithItsAnswerAndLink()
    {
        var index = run.Read("index.html");

        Assert.Contains("href=\"01-fidelity.html\"", index);
        Assert.Contains("Bananas lead with 7 orders.", index);
        Assert.Contains("href=\"04-plain-plotly.html\"", index);
        Assert.Contains("CS0029", index);
        Assert.Empty(HtmlChecks.NetworkReferences(index));
    }

    [Fact]
    public void RunAsync_Progress_ReportsNotebooksAndCellsInOrder()
    {
        var fidelity = run.Progress.Where(p => p.Notebook == "01-fidelity").Select(p => p.Kind).ToList();

        Assert.Equal(RunProgressKind.NotebookStarted, fidelity[0]);
        Assert.Equal(RunProgressKind.KernelStarted, fidelity[1]);
        Assert.Equal(6, fidelity.Count(k => k == RunProgressKind.CellFinished));
        Assert.Equal(RunProgressKind.NotebookFinished, fidelity[^1]);
        Assert.Equal(2, run.Progress.Single(p => p.Notebook == "02-compile-error" && p.Kind == RunProgressKind.CellFinished && p.Error is not null).CodeCellNumber);
    }

    [Fact]
    public void RoundTrip_DibToIpynbToDib_KeepsEveryCell()
    {
        var source = NotebookSource.Read(Path.Combine(RepoPaths.FixtureNotebooks, "01-fidelity.dib"));
        var ipynb = Microsoft.DotNet.Interactive.Documents.Jupyter.Notebook.Parse(run.Read("01-fidelity.ipynb"), NotebookSource.KernelInfos());
        var dib = Microsoft.DotNet.Interactive.Documents.CodeSubmission.ToCodeSubmissionContent(ipynb);
        var again = NotebookSource.Parse(dib, source.FilePath, source.DisplayPath);

        Assert.Equal(source.Cells.Select(c => (c.KernelName, c.Contents)), again.Cells.Select(c => (c.KernelName, c.Contents)));
        Assert.Equal(source.Cells.Select(c => (c.KernelName, c.Contents)), ipynb.Elements.Select(e => (e.KernelName!, e.Contents)));
        Assert.Equal(6, ipynb.Elements.Count(e => e.KernelName == "csharp" && e.Outputs.Count > 0));
    }
}
