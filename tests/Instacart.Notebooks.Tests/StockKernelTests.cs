using System.Diagnostics;
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
        var output = Path.Combine(folder, name + ".ipynb");
        await File.WriteAllTextAsync(notebook, dibText);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList = { "dotnet-repl", "--run", notebook, "--exit-after-run", "--output-format", "ipynb", "--output-path", output },
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        var json = File.Exists(output) ? JsonNode.Parse(await File.ReadAllTextAsync(output)) : null;
        return (process.ExitCode, json, await stdout + await stderr);
    }

    private static IEnumerable<JsonNode> AllOutputs(JsonNode notebook) =>
        notebook["cells"]!.AsArray().SelectMany(c => c!["outputs"] is JsonArray outputs ? outputs.Select(o => o!) : []);

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
            .Replace("Instacart.Analysis.Display.NotebookSession.Start();", "// no NotebookSession.Start()", StringComparison.Ordinal);

        var (exitCode, notebook, _) = await RunDotnetReplAsync(dib, "without-start");

        Assert.Equal(2, exitCode);
        var error = AllOutputs(notebook!).Single(o => (string?)o["output_type"] == "error");
        Assert.Contains("FSharp.Core, Version=10.1.0.0", (string?)error["evalue"]);
    }
}
