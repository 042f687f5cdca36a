using System.Diagnostics;
using System.IO.Enumeration;
using Instacart.Notebooks.Changes;
using Instacart.Notebooks.Publishing;
using Instacart.Notebooks.Refresh;

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
        var dataDirectory = Path.GetFullPath(options.DataDirectory ?? Path.Combine(Path.GetDirectoryName(notebooksDirectory) ?? notebooksDirectory, Instacart.Data.InstacartData.DefaultFolderName));
        if (!Directory.Exists(notebooksDirectory))
        {
            throw new DirectoryNotFoundException($"The notebooks folder '{options.NotebooksDirectory}' does not exist.");
        }

        var files = FindNotebooks(notebooksDirectory, options.Only);
        if (files.Count == 0 && options.Only is not null)
        {
            var known = FindNotebooks(notebooksDirectory, null).Select(Path.GetFileNameWithoutExtension);
            throw new ReportRefusedException($"no notebook matches '{options.Only}' (known: {string.Join(", ", known)})");
        }

        if (options.Pdf)
        {
            PdfPrinter.EnsureChromium();
        }

        using var folder = ReportFolder.Open(options.OutputDirectory, [(dataDirectory, "data folder"), (notebooksDirectory, "notebooks folder")]);
        var kept = KeptNotebooks(folder, options, files);

        // Re-run only what changed: the notebooks whose record differs run, the others keep their published pages.
        // The earlier answers are read now, before this run replaces them.
        var plan = RefreshPlan.Make(folder, options, files, kept, DisplayPathOf);
        var changes = ReportChanges.Plan(folder, options);
        var staging = folder.BeginStaging();
        try
        {
            var report = await RunIntoAsync(staging, plan, kept, changes, dataDirectory, options, progress, stopwatch, cancellationToken);
            folder.Publish(staging);
            return report with { OutputDirectory = folder.FullPath };
        }
        catch
        {
            // Interrupted, a write failed, or anything else: the published report stays as it was.
            staging.Discard();
            throw;
        }
    }

    private static async Task<RunReport> RunIntoAsync(
        ReportStaging staging,
        RefreshPlan plan,
        IReadOnlyList<NotebookReport> keptByOnly,
        ReportChanges? changes,
        string dataDirectory,
        RunOptions options,
        IProgress<RunProgress>? progress,
        Stopwatch stopwatch,
        CancellationToken cancellationToken)
    {
        var files = plan.ToRun;
        IReadOnlyList<NotebookReport> kept = [.. keptByOnly, .. plan.Reused];
        progress?.Report(new RunProgress(RunProgressKind.RunStarted, "", 0, files.Count, null, 0, 0, TimeSpan.Zero, null));
        var page = new PageContext { Dataset = options.Dataset, RunAt = options.RunAt, SelfContained = options.SelfContained };
        var pages = PageContexts(page, files, kept);
        var ran = new ExportedNotebook[files.Count];
        if (options.Parallelism <= 1 || files.Count <= 1)
        {
            for (var i = 0; i < files.Count; i++)
            {
                ran[i] = await RunOneAsync(files[i], i + 1, files.Count, dataDirectory, staging, options, pages, progress, cancellationToken);
            }
        }
        else
        {
            var reporter = progress is null ? null : new SynchronizedProgress(progress);
            await Parallel.ForEachAsync(Enumerable.Range(0, files.Count),
                new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken },
                async (i, token) => ran[i] = await RunOneAsync(files[i], i + 1, files.Count, dataDirectory, staging, options, pages, reporter, token));
        }

        // An --only run keeps the published pages of the other notebooks (same dataset and options, checked before), and
        // every run those of the notebooks whose record is unchanged (same source, build, dataset and options).
        foreach (var notebook in kept)
        {
            staging.Keep(notebook.Name + IpynbWriter.Extension);
            staging.Keep(notebook.Name + HtmlExporter.Extension);
        }

        var reports = ran.Select(n => n.Report).Concat(kept).OrderBy(n => n.Name, StringComparer.Ordinal).ToList();

        // One copy of plotly.js for every page of the folder (a kept page may read it even in a self-contained run).
        if (!options.SelfContained || kept.Count > 0)
        {
            staging.WriteAllText(PlotlyJs.FileName, PlotlyJs.Script);
        }

        var fileResults = new List<ReportFileResult>();
        var context = new ExtraReportContext(dataDirectory, staging.Folder, reports);
        foreach (var extra in options.ExtraReportFiles)
        {
            progress?.Report(new RunProgress(RunProgressKind.ReportFile, extra.FileName, 0, files.Count, null, 0, 0, stopwatch.Elapsed, null));
            var started = Stopwatch.StartNew();
            try
            {
                await staging.WriteAsync(extra.FileName, (stream, token) => extra.WriteAsync(context, stream, token), cancellationToken);
                fileResults.Add(new ReportFileResult(extra.FileName, RunStatus.Succeeded, started.Elapsed, null));
            }
            catch (Exception exception) when (exception is not (OperationCanceledException or ReportWriteException))
            {
                fileResults.Add(new ReportFileResult(extra.FileName, RunStatus.Failed, started.Elapsed, $"{exception.GetType().Name}: {exception.Message}"));
            }
        }

        var compared = changes?.Write(staging, options.Dataset);
        if (options.Pdf)
        {
            // A PDF that cannot be printed is left out of the new report (the old one is removed with the rest of the
            // old report): a report never holds a PDF of another run.
            progress?.Report(new RunProgress(RunProgressKind.ReportFile, PdfPrinter.FileName, 0, files.Count, null, 0, 0, stopwatch.Elapsed, null));
            var started = Stopwatch.StartNew();
            byte[]? pdf = null;
            try
            {
                // The notebooks this process ran are printed as they are in memory; the others (run by a worker process,
                // or kept by an --only run) from their .ipynb in the staging folder.
                var executed = ran.Where(n => n.Executed is not null).ToDictionary(n => n.Report.Name, n => n.Executed!, StringComparer.Ordinal);
                pdf = await PdfPrinter.PrintToBytesAsync(PrintPage.Render(reports, executed, staging.Folder, page, compared?.PrintSection), cancellationToken);
                fileResults.Add(new ReportFileResult(PdfPrinter.FileName, RunStatus.Succeeded, started.Elapsed, null));
            }
            catch (Exception exception) when (exception is not (OperationCanceledException or ReportWriteException))
            {
                // Playwright's messages carry the browser's whole command line and log on further lines.
                var reason = exception.Message.Split('\n', 2)[0].Trim();
                fileResults.Add(new ReportFileResult(PdfPrinter.FileName, RunStatus.Failed, started.Elapsed, $"{exception.GetType().Name}: {reason}"));
            }

            if (pdf is not null)
            {
                staging.WriteAllBytes(PdfPrinter.FileName, pdf);
            }
        }

        // The index last, so that it links only the files this report has.
        var links = fileResults.Where(f => f.Status == RunStatus.Succeeded)
            .OrderBy(f => f.FileName == PdfPrinter.FileName ? 0 : 1)
            .Select(f => new PageLink(f.FileName, f.FileName))
            .ToList();
        if (compared is not null)
        {
            // What moved since the last report comes first.
            links.Insert(0, new PageLink(ChangesPage.FileName, ChangesPage.Title));
        }

        staging.WriteAllText(IndexPage.FileName, IndexPage.Render(reports, page with { Files = links }));

        var report = new RunReport(staging.Report, reports, fileResults, stopwatch.Elapsed)
        {
            Dataset = options.Dataset,
            Options = options.RecordedOptions,
            Kept = [.. keptByOnly.Select(n => n.Name)],
            Refresh = plan.Decisions,
            Changes = compared?.Summary,
        };
        staging.WriteAllText(RefreshRecords.FileName, RefreshRecords.ToJson(plan.Records));
        staging.WriteAllText(RunReport.FileName, report.ToJson());
        return report;
    }

    /// <summary>
    /// For an <c>--only</c> run into a published report: the notebooks it keeps as they are (every one it does not run),
    /// after checking the report was made from the same dataset and options; otherwise a <see cref="ReportRefusedException"/>.
    /// </summary>
    private static List<NotebookReport> KeptNotebooks(ReportFolder folder, RunOptions options, IReadOnlyList<string> files)
    {
        if (options.Only is null || folder.Marker.Files.Count == 0)
        {
            return [];
        }

        var previous = RunRecord.Read(folder.FullPath)
            ?? throw new ReportRefusedException($"--only adds to a report, but the report in {folder.FullPath} has no readable {RunReport.FileName}: run without --only to make the whole report");
        if (previous.Dataset is null || options.Dataset is null)
        {
            throw new ReportRefusedException($"--only adds to a report of the same data, but the report in {folder.FullPath} does not record its dataset: run without --only to remake the whole report");
        }

        if (previous.Dataset.Fingerprint != options.Dataset.Fingerprint)
        {
            throw new ReportRefusedException(
                $"--only would mix two datasets in {folder.FullPath}: its report is of {previous.Dataset.FolderName} ({previous.Dataset.Fingerprint}), this run reads {options.Dataset.FolderName} ({options.Dataset.Fingerprint}); run without --only to remake the whole report, or choose another --out");
        }

        var differences = previous.Options.Keys.Union(options.RecordedOptions.Keys).Order(StringComparer.Ordinal)
            .Where(k => previous.Options.GetValueOrDefault(k) != options.RecordedOptions.GetValueOrDefault(k))
            .Select(k => $"{k} {previous.Options.GetValueOrDefault(k) ?? "(none)"} there, {options.RecordedOptions.GetValueOrDefault(k) ?? "(none)"} here")
            .ToList();
        if (differences.Count > 0)
        {
            throw new ReportRefusedException(
                $"--only would mix two runs' options in {folder.FullPath} ({string.Join("; ", differences)}): run without --only to remake the whole report, or with the same options");
        }

        var running = files.Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal);
        var published = folder.Marker.Files.ToHashSet(StringComparer.Ordinal);
        return [.. previous.Notebooks.Where(n => !running.Contains(n.Name) && published.Contains(n.Name + IpynbWriter.Extension) && published.Contains(n.Name + HtmlExporter.Extension))];
    }

    /// <summary>Each notebook's page context: the run's, with links to the pages before and after it in the report.</summary>
    private static Dictionary<string, PageContext> PageContexts(PageContext page, IReadOnlyList<string> files, IReadOnlyList<NotebookReport> kept)
    {
        var order = files.Select(f => (Name: Path.GetFileNameWithoutExtension(f), Title: NotebookSource.TryReadTitle(f) ?? Path.GetFileNameWithoutExtension(f)))
            .Concat(kept.Select(k => (k.Name, k.Title)))
            .OrderBy(n => n.Name, StringComparer.Ordinal)
            .Select(n => new PageLink(n.Name + HtmlExporter.Extension, n.Title))
            .ToList();
        var pages = new Dictionary<string, PageContext>(StringComparer.Ordinal);
        for (var i = 0; i < order.Count; i++)
        {
            pages[Path.GetFileNameWithoutExtension(order[i].Href)] = page with
            {
                Previous = i > 0 ? order[i - 1] : null,
                Next = i + 1 < order.Count ? order[i + 1] : null,
            };
        }

        return pages;
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

    private static async Task<ExportedNotebook> RunOneAsync(
        string file,
        int number,
        int count,
        string dataDirectory,
        ReportStaging staging,
        RunOptions options,
        IReadOnlyDictionary<string, PageContext> pages,
        IProgress<RunProgress>? progress,
        CancellationToken cancellationToken)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        var page = pages[name];
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

        ExportedNotebook exported;
        try
        {
            exported = options.Parallelism > 1
                ? await ChildProcessExecutor.RunAsync(file, dataDirectory, options.Session is null ? null : new ChildData(options.Session.Data.Options, options.Cache, options.Session.Data.Fingerprint, options.Session.Sample), staging, page, OnEvent, cancellationToken)
                : await RunAndExportAsync(file, dataDirectory, options.Session, staging.Folder, staging.Report, page, e => OnEvent(e.Kind, e.Cell?.Index, e.Error), cancellationToken);
        }
        catch (Exception exception) when (exception is not (OperationCanceledException or ReportWriteException))
        {
            var failed = NotebookExecutor.Unreadable(name, DisplayPathOf(file), $"{DisplayPathOf(file)}: {exception.GetType().Name}: {exception.Message}", NotebookSource.TryReadTitle(file));
            exported = Export(failed, staging.Folder, staging.Report, page);
        }

        foreach (var written in exported.Files)
        {
            staging.Record(written.Name, written.Digest);
        }

        progress?.Report(new RunProgress(RunProgressKind.NotebookFinished, name, number, count, null, 0, codeCells.Count, started.Elapsed, exported.Report.Error));
        return exported;
    }

    /// <summary>
    /// Reads, runs and exports one notebook in this process into <paramref name="stagingDirectory"/> (file names in
    /// errors are those of <paramref name="reportDirectory"/>); what a worker process does for its notebook.
    /// </summary>
    internal static async Task<ExportedNotebook> RunAndExportAsync(
        string file,
        string dataDirectory,
        Instacart.Analysis.Sessions.AnalysisSession? session,
        string stagingDirectory,
        string reportDirectory,
        PageContext? page,
        Action<NotebookEvent>? onEvent,
        CancellationToken cancellationToken)
    {
        ExecutedNotebook executed;
        try
        {
            var source = NotebookSource.Read(file);
            executed = await NotebookExecutor.RunAsync(source, dataDirectory, session, onEvent, cancellationToken);
        }
        catch (NotebookFormatException exception)
        {
            executed = NotebookExecutor.Unreadable(Path.GetFileNameWithoutExtension(file), DisplayPathOf(file), exception.Message, NotebookSource.TryReadTitle(file));
        }

        return Export(executed, stagingDirectory, reportDirectory, page ?? new PageContext());
    }

    private static ExportedNotebook Export(ExecutedNotebook notebook, string stagingDirectory, string reportDirectory, PageContext page)
    {
        var utf8 = new System.Text.UTF8Encoding(false);
        var ipynb = notebook.Name + IpynbWriter.Extension;
        var html = notebook.Name + HtmlExporter.Extension;
        return new ExportedNotebook(NotebookReport.From(notebook),
        [
            new WrittenFile(ipynb, ReportStaging.WriteFile(stagingDirectory, ipynb, utf8.GetBytes(IpynbWriter.ToJson(notebook)), reportDirectory)),
            new WrittenFile(html, ReportStaging.WriteFile(stagingDirectory, html, utf8.GetBytes(HtmlExporter.Render(notebook, page)), reportDirectory)),
        ])
        {
            Executed = notebook,
        };
    }

    internal static string DisplayPathOf(string file)
    {
        var folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(file))) ?? "";
        return folder.Length == 0 ? Path.GetFileName(file) : folder + "/" + Path.GetFileName(file);
    }

    /// <summary>A notebook's report and the files its export wrote.</summary>
    internal sealed record ExportedNotebook(NotebookReport Report, IReadOnlyList<WrittenFile> Files)
    {
        /// <summary>The executed notebook, when it ran in this process (a worker process sends only its report and files).</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public ExecutedNotebook? Executed { get; init; }
    }

    /// <summary>A report file a notebook's export wrote, with its digest.</summary>
    internal sealed record WrittenFile(string Name, ReportFileDigest Digest);

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
