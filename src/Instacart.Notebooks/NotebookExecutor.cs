using System.Diagnostics;
using Instacart.Analysis.Sessions;
using Instacart.Interactive;
using Microsoft.DotNet.Interactive.Documents;

namespace Instacart.Notebooks;

/// <summary>
/// Runs one notebook in this process in a fresh kernel, handed the run's <see cref="AnalysisSession"/> as a kernel
/// value before the first cell (see <see cref="NotebookSession.Open"/>). Nothing process-wide is changed: not the
/// environment, not the working directory (a cell's relative <c>#r</c> path is resolved against the notebook's
/// folder before it is submitted). The kernel's formatters are process-wide, so notebooks still run one at a time
/// (a process-wide lock); cells run in order and the first failure skips the rest of the notebook.
/// </summary>
public static class NotebookExecutor
{
    /// <summary>What the data folder's path becomes in the outputs.</summary>
    public const string DataFolderToken = "$DATA";

    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>Runs <paramref name="notebook"/> and returns every cell's outputs and status.</summary>
    /// <param name="notebook">The notebook.</param>
    /// <param name="dataDirectory">The data folder (its path is scrubbed from the outputs).</param>
    /// <param name="session">The data handed to the kernel, or null.</param>
    /// <param name="progress">Told when the kernel is ready and when each cell starts and ends.</param>
    /// <param name="cancellationToken">Stops between cells.</param>
    /// <returns>The executed notebook.</returns>
    public static async Task<ExecutedNotebook> RunAsync(
        NotebookSource notebook,
        string dataDirectory,
        AnalysisSession? session,
        Action<NotebookEvent>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentNullException.ThrowIfNull(dataDirectory);
        await OneAtATime.WaitAsync(cancellationToken);
        try
        {
            return await RunCoreAsync(notebook, Path.GetFullPath(dataDirectory), session, progress, cancellationToken);
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private static async Task<ExecutedNotebook> RunCoreAsync(
        NotebookSource notebook,
        string dataDirectory,
        AnalysisSession? session,
        Action<NotebookEvent>? progress,
        CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var scrubber = new OutputScrubber(
        [
            (dataDirectory, DataFolderToken),
            (notebook.Directory, "."),
            (Path.GetDirectoryName(notebook.Directory), ".."),
            (Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), "~"),
        ]);
        var runs = new List<CellRun>(notebook.Cells.Count);
        string? error = null;

        progress?.Invoke(new NotebookEvent(NotebookEventKind.KernelStarting, null, TimeSpan.Zero, null));
        NotebookKernel? kernel = null;
        try
        {
            kernel = await NotebookKernel.StartAsync(scrubber, session);
        }
        catch (Exception exception)
        {
            error = $"{notebook.DisplayPath}: the kernel did not start: {exception.GetType().Name}: {exception.Message}";
        }

        var kernelStart = total.Elapsed;
        progress?.Invoke(new NotebookEvent(NotebookEventKind.KernelStarted, null, kernelStart, error));
        try
        {
            foreach (var cell in notebook.Cells)
            {
                if (!cell.IsCode)
                {
                    runs.Add(new CellRun(cell, new CellReport(cell.Index, cell.StartLine, cell.KernelName, RunStatus.Succeeded, TimeSpan.Zero, null), 0, []));
                    continue;
                }

                if (error is not null || kernel is null)
                {
                    runs.Add(new CellRun(cell, new CellReport(cell.Index, cell.StartLine, cell.KernelName, RunStatus.Skipped, TimeSpan.Zero, null), 0, []));
                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();
                progress?.Invoke(new NotebookEvent(NotebookEventKind.CellStarted, cell, TimeSpan.Zero, null));
                var executionCount = kernel.NextExecutionCount;
                var execution = await kernel.RunAsync(ReferenceDirectives.Resolve(cell.Contents, notebook.Directory), notebook.DisplayPath, cell.StartLine, cancellationToken);
                string? cellError = null;
                if (!execution.Succeeded)
                {
                    var line = cell.StartLine + (execution.FailureLine ?? 0);
                    cellError = $"{notebook.DisplayPath}: cell {cell.Index}, line {line}: {execution.Failure}";
                    error = cellError;
                }

                var report = new CellReport(cell.Index, cell.StartLine, cell.KernelName,
                    execution.Succeeded ? RunStatus.Succeeded : RunStatus.Failed, execution.Duration, cellError);
                runs.Add(new CellRun(cell, report, executionCount, execution.Outputs));
                progress?.Invoke(new NotebookEvent(NotebookEventKind.CellFinished, cell, execution.Duration, cellError));
            }
        }
        finally
        {
            kernel?.Dispose();
        }

        return new ExecutedNotebook(notebook.Name, notebook.DisplayPath, notebook.Title, runs, kernelStart, total.Elapsed, error);
    }

    /// <summary>A notebook that could not be read: every cell is listed as skipped and the error explains why.</summary>
    internal static ExecutedNotebook Unreadable(string name, string displayPath, string error, string? title = null) =>
        new(name, displayPath, title ?? name, [], TimeSpan.Zero, TimeSpan.Zero, error);
}

/// <summary>What happened inside one notebook's run.</summary>
public enum NotebookEventKind
{
    /// <summary>The kernel is being created.</summary>
    KernelStarting,

    /// <summary>The kernel is ready (or failed to start: then the event carries the error).</summary>
    KernelStarted,

    /// <summary>A code cell was sent to the kernel.</summary>
    CellStarted,

    /// <summary>A code cell finished (the event carries its duration and error, if any).</summary>
    CellFinished,
}

/// <summary>An event inside one notebook's run.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Cell">The cell concerned, for cell events.</param>
/// <param name="Duration">The kernel start or cell duration, for the finishing events.</param>
/// <param name="Error">The failure message, if any.</param>
public sealed record NotebookEvent(NotebookEventKind Kind, NotebookCell? Cell, TimeSpan Duration, string? Error);
