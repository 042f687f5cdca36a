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
        ExecutedNotebook executed;
        NotebookSource? source = null;
        try
        {
            source = NotebookSource.Read(file);
        }
        catch (NotebookFormatException exception)
        {
            var folder = Path.GetFileName(Path.GetDirectoryName(file)) ?? "";
            executed = NotebookExecutor.Unreadable(name, folder + "/" + Path.GetFileName(file), exception.Message);
            return Finish(executed);
        }

        var codeCells = source.Cells.Where(c => c.IsCode).Select((c, i) => (c.Index, Number: i + 1)).ToDictionary(p => p.Index, p => p.Number);
        void OnEvent(NotebookEvent e)
        {
            var kind = e.Kind switch
            {
                NotebookEventKind.KernelStarting => (RunProgressKind?)null,
                NotebookEventKind.KernelStarted => RunProgressKind.KernelStarted,
                NotebookEventKind.CellStarted => RunProgressKind.CellStarted,
                _ => RunProgressKind.CellFinished,
            };
            if (kind is { } k)
            {
                var cellNumber = e.Cell is null ? 0 : codeCells[e.Cell.Index];
                progress?.Report(new RunProgress(k, name, number, count, e.Cell?.Index, cellNumber, codeCells.Count, started.Elapsed, e.Error));
            }
        }

        executed = options.Parallelism > 1
            ? await ChildProcessExecutor.RunAsync(source, dataDirectory, OnEvent, cancellationToken)
            : await NotebookExecutor.RunAsync(source, dataDirectory, OnEvent, cancellationToken);
        return Finish(executed);

        NotebookReport Finish(ExecutedNotebook notebook)
        {
            AtomicFile.WriteAllText(Path.Combine(outputDirectory, notebook.Name + ".ipynb"), IpynbWriter.ToJson(notebook));
            AtomicFile.WriteAllText(Path.Combine(outputDirectory, notebook.Name + ".html"), HtmlExporter.Render(notebook));
            var report = NotebookReport.From(notebook);
            progress?.Report(new RunProgress(RunProgressKind.NotebookFinished, name, number, count, null, 0, report.Cells.Count(c => c.Kind == NotebookSource.CSharp), started.Elapsed, notebook.Error));
            return report;
        }
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
