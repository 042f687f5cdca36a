using System.Text.Json.Nodes;
using Instacart.Interactive.Display;

namespace Instacart.Notebooks.Tests;

/// <summary>
/// A fact that needs the <c>dotnet-repl</c> 0.3.259 tool of the repository's tool manifest restored
/// (<c>dotnet tool restore</c>); skipped with the reason otherwise.
/// </summary>
public sealed class DotnetReplFactAttribute : FactAttribute
{
    public const string Version = "0.3.259";

    public DotnetReplFactAttribute()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } custom
            ? custom
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        if (!Directory.Exists(Path.Combine(packages, "dotnet-repl", Version)))
        {
            Skip = $"The dotnet-repl {Version} tool is not restored: run 'dotnet tool restore' at the repository root.";
        }
    }
}

/// <summary>The theory form of <see cref="DotnetReplFactAttribute"/>.</summary>
public sealed class DotnetReplTheoryAttribute : TheoryAttribute
{
    public DotnetReplTheoryAttribute()
    {
        Skip = new DotnetReplFactAttribute().Skip;
    }
}

/// <summary>
/// The stock kernel, as CI and analysts run notebooks outside our runner: dotnet-repl ships FSharp.Core 10.0
/// while Plotly.NET 6 needs 10.1, and <c>NotebookSession.Start()</c> is what makes charts work there.
/// </summary>
public sealed class StockKernelTests
{
    private static async Task<(int ExitCode, JsonNode? Notebook, string Log)> RunDotnetReplAsync(string dibText, string name)
    {
        // The output folder is as deep below the repository as the fixture folders, so the notebook's relative #r resolves the same.
        var folder = RepoPaths.NewOutputFolder("stock-kernel-" + name);
        var notebook = Path.Combine(folder, $"{name}.dib");
        await File.WriteAllTextAsync(notebook, dibText);
        return await DotnetRepl.RunAsync(notebook, folder, Path.Combine(folder, name + ".ipynb"));
    }

    private static IEnumerable<JsonNode> AllOutputs(JsonNode notebook) => DotnetRepl.AllOutputs(notebook);

    private static IEnumerable<JsonNode> Outputs(JsonNode cell) => cell["outputs"] is JsonArray outputs ? outputs.Select(o => o!) : [];

    [DotnetReplFact]
    public async Task DotnetRepl_LibraryNotebookWithStart_RendersPlotlyChart()
    {
        var dib = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Fixtures, "stock", "stock-kernel.dib"));

        var (exitCode, notebook, log) = await RunDotnetReplAsync(dib, "with-start");

        Assert.True(exitCode == 0, $"dotnet-repl exited with {exitCode}: {log}");
        var chart = AllOutputs(notebook!).Single(o => o["data"]?["application/vnd.plotly.v1+json"] is not null);
        Assert.Contains("Plotly.newPlot", Jupyter.Text(chart["data"]!["text/html"]));
        Assert.DoesNotContain(AllOutputs(notebook!), o => (string?)o["output_type"] == "error");

        // plotly.js once, in the cell that calls Start(), and never inside a chart's own output.
        var cells = notebook!["cells"]!.AsArray();
        var loader = Assert.Single(AllOutputs(notebook!), o => Jupyter.Text(o["data"]?["text/html"])?.Contains(ChartHtml.LoaderAttribute, StringComparison.Ordinal) == true);
        Assert.Contains(Outputs(cells[1]!), o => ReferenceEquals(o, loader));
        Assert.DoesNotContain(ChartHtml.LoaderAttribute, Jupyter.Text(chart["data"]!["text/html"]));
    }

    [DotnetReplFact]
    public async Task DotnetRepl_NotebookWithoutTheBuiltLibrary_FirstErrorNamesThePathTheFolderAndTheBuildCommand()
    {
        // A copy of a notebook one folder below a folder without the build, as a fresh clone is before `dotnet build`.
        var clone = RepoPaths.NewOutputFolder("stock-kernel-unbuilt");
        var notebooks = Directory.CreateDirectory(Path.Combine(clone, "notebooks")).FullName;
        var copy = Path.Combine(notebooks, "01-busiest-days.dib");
        File.Copy(Path.Combine(RepoPaths.Notebooks, "01-busiest-days.dib"), copy);

        var (exitCode, notebook, log) = await DotnetRepl.RunAsync(copy, notebooks, Path.Combine(clone, "out.ipynb"));

        Assert.True(exitCode == 2, $"dotnet-repl exited with {exitCode}: {log}");
        var firstError = notebook!["cells"]!.AsArray().SelectMany(c => Outputs(c!).Select(o => (Cell: c!, Output: o)))
            .First(p => (string?)p.Output["output_type"] == "error");
        Assert.StartsWith("// Library check:", Jupyter.Text(firstError.Cell["source"]));
        var message = (string?)firstError.Output["evalue"];
        Assert.Contains(Path.Combine(clone, "artifacts", "bin", "Instacart.Interactive", "release", "Instacart.Interactive.dll") + " does not exist", message);
        Assert.Contains($"the kernel's working directory is {notebooks}", message);
        Assert.Contains("Run 'dotnet build -c Release' at the repository root", message);
        Assert.DoesNotContain("CS0006", message);
    }

    [DotnetReplFact]
    public async Task DotnetRepl_PlotlyChartWithoutStart_FailsOnFSharpCoreVersion()
    {
        var dib = (await File.ReadAllTextAsync(Path.Combine(RepoPaths.Fixtures, "stock", "stock-kernel.dib")))
            .Replace("Instacart.Interactive.NotebookSession.Start();", "// no NotebookSession.Start()", StringComparison.Ordinal);

        var (exitCode, notebook, _) = await RunDotnetReplAsync(dib, "without-start");

        Assert.Equal(2, exitCode);
        var error = AllOutputs(notebook!).Single(o => (string?)o["output_type"] == "error");
        Assert.Contains("FSharp.Core, Version=10.1.0.0", (string?)error["evalue"]);
    }
}
