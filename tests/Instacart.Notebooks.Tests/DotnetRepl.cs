using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Instacart.Notebooks.Tests;

/// <summary>Runs a notebook in the stock kernel with the repository's pinned <c>dotnet-repl</c> tool, as CI does.</summary>
internal static class DotnetRepl
{
    /// <summary>Runs <paramref name="notebook"/> with <paramref name="workingDirectory"/> as the current folder, writing an .ipynb.</summary>
    public static async Task<(int ExitCode, JsonNode? Notebook, string Log)> RunAsync(string notebook, string workingDirectory, string outputIpynb, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList = { "dotnet-repl", "--run", notebook, "--exit-after-run", "--output-format", "ipynb", "--output-path", outputIpynb },
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        var json = File.Exists(outputIpynb) ? JsonNode.Parse(await File.ReadAllTextAsync(outputIpynb)) : null;
        return (process.ExitCode, json, await stdout + await stderr);
    }

    /// <summary>Every output of every cell of an .ipynb.</summary>
    public static IEnumerable<JsonNode> AllOutputs(JsonNode notebook) =>
        notebook["cells"]!.AsArray().SelectMany(c => c!["outputs"] is JsonArray outputs ? outputs.Select(o => o!) : []);
}
