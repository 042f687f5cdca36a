using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Instacart.Data.Files;
using Instacart.Data.Memory;

namespace Instacart.Notebooks;

/// <summary>
/// Worker mode of this assembly: <c>Instacart.Notebooks worker --notebook F --data D --out O --report-folder P --report R</c>
/// runs and exports one notebook into the staging folder O (of report folder P), writes progress as JSON lines on
/// stdout, and its <see cref="NotebookReport"/> with the files it wrote to R.
/// </summary>
public static class NotebookWorker
{
    /// <summary>The first argument that selects worker mode.</summary>
    public const string Verb = "worker";

    /// <summary>The worker's exit code when a report file could not be written (its one-line reason is on stderr).</summary>
    public const int WriteFailedExitCode = 3;

    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The worker's entry point.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>0 when the notebook was run and exported (whether or not it failed), 2 on bad arguments.</returns>
    public static async Task<int> MainAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        HugePages.AdviseManagedHeap();
        if (args.Length == 0 || args[0] != Verb)
        {
            await Console.Error.WriteLineAsync("Usage: Instacart.Notebooks worker --notebook FILE --data DIR --out DIR --report-folder DIR --report FILE [--page JSON] [--load-options JSON --cache DIR --expect-fingerprint F]");
            return 2;
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            options[args[i]] = args[i + 1];
        }

        if (!options.TryGetValue(Arguments.Notebook, out var notebook) || !options.TryGetValue(Arguments.Data, out var data) ||
            !options.TryGetValue(Arguments.Output, out var output) || !options.TryGetValue(Arguments.Report, out var reportFile) ||
            !options.TryGetValue(Arguments.ReportFolder, out var reportFolder))
        {
            await Console.Error.WriteLineAsync("worker: --notebook, --data, --out, --report-folder and --report are required.");
            return 2;
        }

        var page = options.TryGetValue(Arguments.Page, out var pageJson)
            ? JsonSerializer.Deserialize<PageContext>(pageJson, JsonOptions)
            : null;

        // The kernel redirects Console.Out while cells run; progress goes to the raw stdout stream instead.
        await using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true };
        var gate = new Lock();
        try
        {
            using var session = ChildData.FromArguments(options)?.Load(data);
            var exported = await NotebookRunner.RunAndExportAsync(notebook, data, session, output, reportFolder, page, e =>
            {
                var line = JsonSerializer.Serialize(new WorkerEvent(e.Kind, e.Cell?.Index, e.Error), JsonOptions);
                lock (gate)
                {
                    stdout.WriteLine(line);
                }
            }, CancellationToken.None);
            AtomicFile.WriteAllText(reportFile, JsonSerializer.Serialize(exported, JsonOptions));
            return 0;
        }
        catch (IOException e)
        {
            // A report file or the report of this worker could not be written (its message names the file), or another I/O failure.
            await Console.Error.WriteLineAsync(e is FileWriteException ? e.Message : $"out of disk space or unwritable: {e.Message}");
            return WriteFailedExitCode;
        }
    }

    internal static bool TryParseEvent(string line, out NotebookEventKind kind, out int? cell, out string? error)
    {
        kind = default;
        cell = null;
        error = null;
        if (!line.StartsWith('{'))
        {
            return false;
        }

        try
        {
            if (JsonSerializer.Deserialize<WorkerEvent>(line, JsonOptions) is not { } e)
            {
                return false;
            }

            (kind, cell, error) = (e.Kind, e.Cell, e.Error);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private sealed record WorkerEvent(NotebookEventKind Kind, int? Cell, string? Error);

    /// <summary>The worker's argument names, for <see cref="ChildProcessExecutor"/>, which starts it (the data's are <see cref="ChildData"/>'s).</summary>
    internal static class Arguments
    {
        public const string Notebook = "--notebook";
        public const string Data = "--data";
        public const string Output = "--out";
        public const string ReportFolder = "--report-folder";
        public const string Report = "--report";
        public const string Page = "--page";
    }
}
