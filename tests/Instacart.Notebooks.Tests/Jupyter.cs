using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Instacart.Notebooks.Tests;

/// <summary>
/// A fact that needs Jupyter's <c>nbconvert</c> (Debian: <c>apt-get install -y jupyter-nbconvert python3-nbclient</c>) and
/// the <c>Microsoft.dotnet-interactive</c> tool of the repository's tool manifest (<c>dotnet tool restore</c>), and with
/// <see cref="Browser"/> the system Chromium too; skipped with what to install otherwise.
/// </summary>
public sealed class JupyterFactAttribute : FactAttribute
{
    public JupyterFactAttribute()
    {
        Skip = Jupyter.MissingReason();
    }

    /// <summary>Whether the test also opens the exported page in Chromium.</summary>
    public bool Browser
    {
        get => _browser;
        set
        {
            _browser = value;
            Skip ??= value ? new ChromiumFactAttribute().Skip : null;
        }
    }

    private bool _browser;
}

/// <summary>
/// Runs notebooks through Jupyter as an analyst does: the <c>.net-csharp</c> kernel that <c>dotnet interactive jupyter
/// install</c> registers (here into a folder of the run's own, found through <c>JUPYTER_PATH</c>), the notebook converted
/// from its <c>.dib</c> to an <c>.ipynb</c> in a folder laid out like the repository (so its relative <c>#r</c> and data
/// paths resolve as from <c>notebooks/</c>), executed with <c>jupyter nbconvert --to notebook --execute</c> and exported
/// with <c>jupyter nbconvert --to html</c>.
/// </summary>
public static class Jupyter
{
    /// <summary>The pinned tool version (<c>.config/dotnet-tools.json</c>): the kernel VS Code and Jupyter launch.</summary>
    public const string DotnetInteractiveVersion = "1.0.712001";

    /// <summary>What a notebook's relative paths reach from <c>notebooks/</c>: the build, the sample data, and the tool manifest the kernel is started from.</summary>
    private static readonly string[] SharedFolders = ["artifacts", "data-sample", ".config"];

    /// <summary>Why Jupyter notebooks cannot run here, or null when they can.</summary>
    public static string? MissingReason()
    {
        if (!OnPath("jupyter-nbconvert"))
        {
            return "Jupyter's nbconvert is not installed: run 'apt-get install -y jupyter-nbconvert python3-nbclient jupyter-client' (Debian) or 'pip install nbconvert nbclient'.";
        }

        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } custom
            ? custom
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return Directory.Exists(Path.Combine(packages, "microsoft.dotnet-interactive", DotnetInteractiveVersion))
            ? null
            : $"The Microsoft.dotnet-interactive {DotnetInteractiveVersion} tool is not restored: run 'dotnet tool restore' at the repository root.";
    }

    /// <summary>One notebook after Jupyter ran it: the executed <c>.ipynb</c> and its nbconvert HTML page.</summary>
    public sealed record Executed(string Name, JsonNode Notebook, string HtmlPath);

    /// <summary>Executes <paramref name="names"/> (files of <c>notebooks/</c> without extension) and exports them to <paramref name="outputFolder"/>.</summary>
    public static async Task<IReadOnlyList<Executed>> ExecuteAsync(string outputFolder, params string[] names)
    {
        var mirror = Path.Combine(Path.GetTempPath(), "instacart-jupyter-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var notebooks = Directory.CreateDirectory(Path.Combine(mirror, "notebooks")).FullName;
            foreach (var shared in SharedFolders)
            {
                Directory.CreateSymbolicLink(Path.Combine(mirror, shared), Path.Combine(RepoPaths.Root, shared));
            }

            var kernels = Directory.CreateDirectory(Path.Combine(mirror, "jupyter", "kernels")).FullName;
            var environment = new Dictionary<string, string>
            {
                ["JUPYTER_PATH"] = Path.Combine(mirror, "jupyter"),
                ["JUPYTER_RUNTIME_DIR"] = Directory.CreateDirectory(Path.Combine(mirror, "runtime")).FullName,
                ["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1",
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                ["DOTNET_NOLOGO"] = "1",
            };
            await RunAsync("dotnet", RepoPaths.Root, environment, "interactive", "jupyter", "install", "--path", kernels);

            var inputs = new List<string>();
            foreach (var name in names)
            {
                var source = NotebookSource.Read(Path.Combine(RepoPaths.Notebooks, name + ".dib"));
                var unexecuted = new ExecutedNotebook(source.Name, source.DisplayPath, source.Title,
                    source.Cells.Select(c => new CellRun(c, new CellReport(c.Index, c.StartLine, c.KernelName, RunStatus.Skipped, TimeSpan.Zero, null), 0, [])).ToList(),
                    TimeSpan.Zero, TimeSpan.Zero, null);
                var input = Path.Combine(notebooks, name + ".ipynb");
                await File.WriteAllTextAsync(input, IpynbWriter.ToJson(unexecuted));
                inputs.Add(input);
            }

            await RunAsync("jupyter", notebooks, environment,
                ["nbconvert", "--to", "notebook", "--execute", "--inplace", "--ExecutePreprocessor.timeout=600", "--ExecutePreprocessor.kernel_name=.net-csharp", .. inputs]);
            await RunAsync("jupyter", notebooks, environment, ["nbconvert", "--to", "html", "--output-dir", outputFolder, .. inputs]);

            var executed = new List<Executed>();
            foreach (var (name, input) in names.Zip(inputs))
            {
                var copy = Path.Combine(outputFolder, name + ".ipynb");
                File.Copy(input, copy, overwrite: true);
                executed.Add(new Executed(name, JsonNode.Parse(await File.ReadAllTextAsync(copy))!, Path.Combine(outputFolder, name + ".html")));
            }

            return executed;
        }
        finally
        {
            // The links go first, one by one, so that nothing they point to is ever deleted.
            foreach (var shared in SharedFolders)
            {
                var link = Path.Combine(mirror, shared);
                if (new FileInfo(link).LinkTarget is not null)
                {
                    File.Delete(link);
                }
            }

            Directory.Delete(mirror, recursive: true);
        }
    }

    /// <summary>A MIME value of an output as text: a string, lines to join, or JSON (an nbformat <c>+json</c> value is an object).</summary>
    public static string? Text(JsonNode? value) => value switch
    {
        null => null,
        JsonArray lines when lines.All(l => l is JsonValue) => string.Concat(lines.Select(l => (string?)l)),
        JsonValue text => (string?)text,
        _ => value.ToJsonString(),
    };

    private static async Task RunAsync(string program, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await stdout}\n{await stderr}");
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, program)));
}
