using System.Diagnostics;
using System.IO.Enumeration;

namespace Instacart.Notebooks;

/// <summary>
/// Runs a folder of <c>.dib</c> notebooks in the real .NET Interactive C# kernel and writes, per notebook,
/// <c>NN-name.ipynb</c> (outputs included) and an offline <c>NN-name.html</c>, then <c>index.html</c>,
/// the extra report files (e.g. <c>answers.json</c>) and <c>run.json</c>. A failing cell fails its notebook
/// (the rest of it is skipped); the other notebooks still run.
/// </summary>
public static class NotebookRunner
{
    /// <summary>Runs the notebooks.</summary>
    /// <param name="options">What to run and where to write.</param>
    /// <param name="progress">Told about notebooks and cells as they start and finish (called synchronously, in order).</param>
    /// <param name="cancellationToken">Stops between cells.</param>
    /// <returns>The run report; <see cref="RunReport.ExitCode"/> is the CLI's exit code.</returns>
    public static async Task<RunReport> RunAsync(RunOptions options, IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var stopwatch = Stopwatch.StartNew();
        var notebooksDirectory = Path.GetFullPath(options.NotebooksDirectory);
        var outputDirectory = Path.GetFullPath(options.OutputDirectory);
        var dataDirectory = Path.GetFullPath(options.DataDirectory ?? Path.Combine(Path.GetDirectoryName(notebooksDirectory) ?? notebooksDirectory, "data-sample"));
        if (!Directory.Exists(notebooksDirectory))
        {
            throw new DirectoryNotFoundException($"The notebooks folder '{options.NotebooksDirectory}' does not exist.");
        }

        if (options.Pdf)
        {
            PdfPrinter.EnsureChromium();
        }

        Directory.CreateDirectory(outputDirectory);
        var files = FindNotebooks(notebooksDirectory, options.Only);
        progress?.Report(new RunProgress(RunProgressKind.RunStarted, "", 0, files.Count, null, 0, 0, TimeSpan.Zero, null));

        var reports = new NotebookReport[files.Count];
        if (options.Parallelism <= 1 || files.Count <= 1)
        {
            for (var i = 0; i < files.Count; i++)
            {
                reports[i] = await RunOneAsync(files[i], i + 1, files.Count, dataDirectory, outputDirectory, options, progress, cancellationToken);
            }
        }
        else
        {
            var reporter = progress is null ? null : new SynchronizedProgress(progress);
            await Parallel.ForEachAsync(Enumerable.Range(0, files.Count),
                new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken },
                async (i, token) => reports[i] = await RunOneAsync(files[i], i + 1, files.Count, dataDirectory, outputDirectory, options, reporter, token));
        }

        AtomicFile.WriteAllText(Path.Combine(outputDirectory, "index.html"), IndexPage.Render(reports));

        var fileResults = new List<ReportFileResult>();
        var context = new ExtraReportContext(dataDirectory, outputDirectory, reports);
        foreach (var extra in options.ExtraReportFiles)
        {
            progress?.Report(new RunProgress(RunProgressKind.ReportFile, extra.FileName, 0, files.Count, null, 0, 0, stopwatch.Elapsed, null));
            var started = Stopwatch.StartNew();
            try
            {
                await AtomicFile.WriteAsync(Path.Combine(outputDirectory, extra.FileName), stream => extra.WriteAsync(context, stream, cancellationToken));
                fileResults.Add(new ReportFileResult(extra.FileName, RunStatus.Succeeded, started.Elapsed, null));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                fileResults.Add(new ReportFileResult(extra.FileName, RunStatus.Failed, started.Elapsed, $"{exception.GetType().Name}: {exception.Message}"));
            }
        }

        if (options.Pdf)
        {
            progress?.Report(new RunProgress(RunProgressKind.ReportFile, PdfPrinter.FileName, 0, files.Count, null, 0, 0, stopwatch.Elapsed, null));
            var started = Stopwatch.StartNew();
            try
            {
                await PdfPrinter.WriteReportAsync(reports, outputDirectory, cancellationToken);
                fileResults.Add(new ReportFileResult(PdfPrinter.FileName, RunStatus.Succeeded, started.Elapsed, null));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                fileResults.Add(new ReportFileResult(PdfPrinter.FileName, RunStatus.Failed, started.Elapsed, $"{exception.GetType().Name}: {exception.Message}"));
            }
        }

        var report = new RunReport(outputDirectory, reports, fileResults, stopwatch.Elapsed);
        AtomicFile.WriteAllText(Path.Combine(outputDirectory, "run.json"), report.ToJson());
        return report;
    }

    /// <summary>The notebooks of a folder in run order (ordinal file name order), filtered by <paramref name="only"/>.</summary>
    /// <param name="notebooksDirectory">The folder.</param>
    /// <param name="only">The filter (see <see cref="RunOptions.Only"/>), or null.</param>
    /// <returns>Full paths.</returns>
    public static IReadOnlyList<string> FindNotebooks(string notebooksDirectory, string? only)
    {
        var patterns = (only ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return Directory.EnumerateFiles(notebooksDirectory, "*.dib", SearchOption.TopDirectoryOnly)
            .Where(path => patterns.Length == 0 || patterns.Any(p => Matches(Path.GetFileName(path), p)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static bool Matches(string fileName, string pattern) =>
        pattern.IndexOfAny(['*', '?']) >= 0
            ? FileSystemName.MatchesSimpleExpression(pattern, fileName, ignoreCase: true) ||
              FileSystemName.MatchesSimpleExpression(pattern, Path.GetFileNameWithoutExtension(fileName), ignoreCase: true)
            : fileName.Contains(pattern, StringComparison.OrdinalIgnoreCase);

    private static async Task<NotebookReport> RunOneAsync(
        string file,
        int number,
        int count,
        string dataDirectory,
        string outputDirectory,
        RunOptions options,
        IProgress<RunProgress>? progress,
        CancellationToken cancellationToken)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        var started = Stopwatch.StartNew();
        progress?.Report(new RunProgress(RunProgressKind.NotebookStarted, name, number, count, null, 0, 0, TimeSpan.Zero, null));
        Dictionary<int, int> codeCells;
        try
        {
            codeCells = NotebookSource.Read(file).Cells.Where(c => c.IsCode).Select((c, i) => (c.Index, Number: i + 1)).ToDictionary(p => p.Index, p => p.Number);
        }
        catch (NotebookFormatException)
        {
            codeCells = [];
        }

        void OnEvent(NotebookEventKind kind, int? cell, string? error)
        {
            var progressKind = kind switch
            {
                NotebookEventKind.KernelStarting => (RunProgressKind?)null,
                NotebookEventKind.KernelStarted => RunProgressKind.KernelStarted,
                NotebookEventKind.CellStarted => RunProgressKind.CellStarted,
                _ => RunProgressKind.CellFinished,
            };
            if (progressKind is { } k)
            {
                var cellNumber = cell is { } c && codeCells.TryGetValue(c, out var n) ? n : 0;
                progress?.Report(new RunProgress(k, name, number, count, cell, cellNumber, codeCells.Count, started.Elapsed, error));
            }
        }

        NotebookReport report;
        try
        {
            report = options.Parallelism > 1
                ? await ChildProcessExecutor.RunAsync(file, dataDirectory, outputDirectory, OnEvent, cancellationToken)
                : await RunAndExportAsync(file, dataDirectory, outputDirectory, e => OnEvent(e.Kind, e.Cell?.Index, e.Error), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var failed = NotebookExecutor.Unreadable(name, DisplayPathOf(file), $"{DisplayPathOf(file)}: {exception.GetType().Name}: {exception.Message}", NotebookSource.TryReadTitle(file));
            report = Export(failed, outputDirectory);
        }

        progress?.Report(new RunProgress(RunProgressKind.NotebookFinished, name, number, count, null, 0, codeCells.Count, started.Elapsed, report.Error));
        return report;
    }

    /// <summary>Reads, runs and exports one notebook in this process; what a worker process does for its notebook.</summary>
    internal static async Task<NotebookReport> RunAndExportAsync(
        string file,
        string dataDirectory,
        string outputDirectory,
        Action<NotebookEvent>? onEvent,
        CancellationToken cancellationToken)
    {
        ExecutedNotebook executed;
        try
        {
            var source = NotebookSource.Read(file);
            executed = await NotebookExecutor.RunAsync(source, dataDirectory, onEvent, cancellationToken);
        }
        catch (NotebookFormatException exception)
        {
            executed = NotebookExecutor.Unreadable(Path.GetFileNameWithoutExtension(file), DisplayPathOf(file), exception.Message, NotebookSource.TryReadTitle(file));
        }

        return Export(executed, outputDirectory);
    }

    private static NotebookReport Export(ExecutedNotebook notebook, string outputDirectory)
    {
        AtomicFile.WriteAllText(Path.Combine(outputDirectory, notebook.Name + ".ipynb"), IpynbWriter.ToJson(notebook));
        AtomicFile.WriteAllText(Path.Combine(outputDirectory, notebook.Name + ".html"), HtmlExporter.Render(notebook));
        return NotebookReport.From(notebook);
    }

    private static string DisplayPathOf(string file)
    {
        var folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(file))) ?? "";
        return folder.Length == 0 ? Path.GetFileName(file) : folder + "/" + Path.GetFileName(file);
    }

    private sealed class SynchronizedProgress(IProgress<RunProgress> inner) : IProgress<RunProgress>
    {
        private readonly Lock _gate = new();

        public void Report(RunProgress value)
        {
            lock (_gate)
            {
                inner.Report(value);
            }
        }
    }
}
