using System.Diagnostics;
using System.Text.Json;
using Instacart.Notebooks.Publishing;

namespace Instacart.Notebooks;

/// <summary>
/// Runs a notebook in a child process (for <see cref="RunOptions.Parallelism"/> above 1): this assembly started
/// again in worker mode, which runs and exports the notebook and reports its progress as JSON lines on stdout and
/// its <see cref="NotebookReport"/> as a JSON file. A child has its own formatters and assembly loads, so notebooks
/// can run side by side. Everything a child needs comes on its command line: the data folder, and the run's load
/// options, cache and fingerprint, so that it loads the same data once for its notebook (never the environment).
/// </summary>
internal static class ChildProcessExecutor
{
    public static async Task<NotebookRunner.ExportedNotebook> RunAsync(
        string file,
        string dataDirectory,
        ChildData? data,
        ReportStaging staging,
        PageContext page,
        Action<NotebookEventKind, int?, string?> onEvent,
        CancellationToken cancellationToken)
    {
        var reportFile = Path.Combine(staging.Folder, $".{Path.GetFileNameWithoutExtension(file)}.{Environment.ProcessId}.{Guid.NewGuid():N}.report.json");
        List<string> arguments =
        [
            NotebookWorker.Arguments.Notebook, Path.GetFullPath(file),
            NotebookWorker.Arguments.Data, dataDirectory,
            NotebookWorker.Arguments.Output, staging.Folder,
            NotebookWorker.Arguments.ReportFolder, staging.Report,
            NotebookWorker.Arguments.Report, reportFile,
        ];
        arguments.AddRange([NotebookWorker.Arguments.Page, JsonSerializer.Serialize(page, NotebookWorker.JsonOptions)]);

        if (data is not null)
        {
            arguments.AddRange(data.ToArguments());
        }

        var start = WorkerCommand(arguments);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the notebook worker process.");
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
            {
                if (NotebookWorker.TryParseEvent(line, out var kind, out var cell, out var error))
                {
                    onEvent(kind, cell, error);
                }
            }

            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        try
        {
            if (process.ExitCode == NotebookWorker.WriteFailedExitCode)
            {
                // The worker could not write a report file (a full disk): the run stops as it would in this process.
                throw new ReportWriteException(staging.Report, (await stderr).Trim());
            }

            if (process.ExitCode != 0 || !File.Exists(reportFile))
            {
                throw new InvalidOperationException($"The notebook worker exited with code {process.ExitCode}: {(await stderr).Trim()}");
            }

            await using var stream = File.OpenRead(reportFile);
            return await JsonSerializer.DeserializeAsync<NotebookRunner.ExportedNotebook>(stream, NotebookWorker.JsonOptions, cancellationToken)
                   ?? throw new InvalidOperationException("The notebook worker wrote an empty report.");
        }
        finally
        {
            File.Delete(reportFile);
        }
    }

    /// <summary>How to start this assembly in worker mode with the same runtime and dependencies as this process.</summary>
    private static ProcessStartInfo WorkerCommand(IEnumerable<string> arguments)
    {
        var assembly = typeof(ChildProcessExecutor).Assembly.Location;
        var start = new ProcessStartInfo
        {
            FileName = DotnetHost(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        var ownConfig = Path.ChangeExtension(assembly, ".runtimeconfig.json");
        if (!File.Exists(ownConfig) && System.Reflection.Assembly.GetEntryAssembly()?.Location is { Length: > 0 } entry)
        {
            // Referenced from another application: borrow its runtime configuration and dependency list.
            start.ArgumentList.Add("--runtimeconfig");
            start.ArgumentList.Add(Path.ChangeExtension(entry, ".runtimeconfig.json"));
            start.ArgumentList.Add("--depsfile");
            start.ArgumentList.Add(Path.ChangeExtension(entry, ".deps.json"));
        }

        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add(NotebookWorker.Verb);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static string DotnetHost()
    {
        if (Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return path;
        }

#pragma warning disable RS0030 // where the SDK put the dotnet host: a machine setting, needed to start the child
        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
#pragma warning restore RS0030
    }
}
