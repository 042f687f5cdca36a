using System.Text.Json.Nodes;

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

    [DotnetReplFact]
    public async Task DotnetRepl_LibraryNotebookWithStart_RendersPlotlyChart()
    {
        var dib = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Fixtures, "stock", "stock-kernel.dib"));

        var (exitCode, notebook, log) = await RunDotnetReplAsync(dib, "with-start");

        Assert.True(exitCode == 0, $"dotnet-repl exited with {exitCode}: {log}");
        var chart = AllOutputs(notebook!).Single(o => o["data"]?["application/vnd.plotly.v1+json"] is not null);
        Assert.Contains("Plotly.newPlot", string.Concat(chart["data"]!["text/html"]!.AsArray().Select(l => (string?)l)));
        Assert.DoesNotContain(AllOutputs(notebook!), o => (string?)o["output_type"] == "error");
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
