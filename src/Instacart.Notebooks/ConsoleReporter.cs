using System.Globalization;
using Spectre.Console;

namespace Instacart.Notebooks;

/// <summary>
/// Shows a run on the console with Spectre.Console: a live progress display (notebook, cell, elapsed) on an
/// interactive terminal, one plain line per event when output is redirected (CI logs), and a summary table
/// at the end. The CLI's <c>run</c> command calls <see cref="RunAsync"/> and returns <see cref="RunReport.ExitCode"/>.
/// </summary>
public sealed class ConsoleReporter
{
    private readonly IAnsiConsole _console;

    /// <summary>Creates a reporter writing to <paramref name="console"/> (default: <see cref="AnsiConsole.Console"/>).</summary>
    /// <param name="console">The console to write to.</param>
    public ConsoleReporter(IAnsiConsole? console = null)
    {
        _console = console ?? AnsiConsole.Console;
        if (!_console.Profile.Capabilities.Interactive && _console.Profile.Width < RedirectedWidth)
        {
            // Redirected output (CI logs) gets Spectre's default 80 columns: too narrow for the summary's sentences.
            _console.Profile.Width = RedirectedWidth;
        }
    }

    private const int RedirectedWidth = 160;

    private const int MaxCellText = 160;

    /// <summary>Runs the notebooks while showing progress, then writes the summary table.</summary>
    /// <param name="options">What to run.</param>
    /// <param name="cancellationToken">Stops between cells.</param>
    /// <returns>The run report.</returns>
    public async Task<RunReport> RunAsync(RunOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        RunReport report;
        if (_console.Profile.Capabilities.Interactive && !Console.IsOutputRedirected)
        {
            report = await _console.Progress()
                .AutoClear(false)
                .HideCompleted(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                .StartAsync(context => NotebookRunner.RunAsync(options, new LiveProgress(context), cancellationToken));
        }
        else
        {
            report = await NotebookRunner.RunAsync(options, new LineProgress(_console), cancellationToken);
        }

        WriteSummary(report);
        return report;
    }

    /// <summary>Writes the summary table (notebook, status, cells, time, the whole answer wrapped in its column, or the error) and the failures.</summary>
    /// <param name="report">The run report.</param>
    public void WriteSummary(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var table = new Table().Border(TableBorder.Rounded).Title("Notebooks");
        table.AddColumn("Notebook");
        table.AddColumn("Status");
        table.AddColumn(new TableColumn("Cells").RightAligned());
        table.AddColumn(new TableColumn("Time").RightAligned());
        table.AddColumn("Answer");
        foreach (var notebook in report.Notebooks)
        {
            var code = notebook.Cells.Where(c => c.Kind == NotebookSource.CSharp).ToList();
            var ran = code.Count(c => c.Status != RunStatus.Skipped);
            table.AddRow(
                new Markup(Markup.Escape(notebook.Name)),
                notebook.Status == RunStatus.Succeeded ? new Markup("[green]ok[/]") : new Markup("[red]failed[/]"),
                new Text($"{ran}/{code.Count}"),
                new Text(Seconds(notebook.Duration)),
                notebook.Status == RunStatus.Succeeded
                    ? new Text(notebook.Answer ?? "")
                    : new Markup("[red]" + Markup.Escape(Shorten(notebook.Error ?? "failed")) + "[/]"));
        }

        foreach (var file in report.ReportFiles)
        {
            table.AddRow(
                new Text(file.FileName),
                file.Status == RunStatus.Succeeded ? new Markup("[green]ok[/]") : new Markup("[red]failed[/]"),
                new Text(""),
                new Text(Seconds(file.Duration)),
                new Text(file.Error ?? ""));
        }

        _console.Write(table);
        var failed = report.Notebooks.Count(n => n.Status != RunStatus.Succeeded);
        _console.MarkupLine(Markup.Escape($"{report.Notebooks.Count} notebooks, {failed} failed, in {Seconds(report.Duration)}"));
        foreach (var error in report.Errors)
        {
            _console.MarkupLine("[red]error:[/] " + Markup.Escape(error));
        }
    }

    private static string Shorten(string text) => text.Length <= MaxCellText ? text : text[..(MaxCellText - 1)] + "…";

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    /// <summary>Progress as one plain line per event, for redirected output.</summary>
    private sealed class LineProgress(IAnsiConsole console) : IProgress<RunProgress>
    {
        public void Report(RunProgress value)
        {
            var prefix = $"[{value.NotebookNumber}/{value.NotebookCount}] {value.Notebook}";
            var line = value.Kind switch
            {
                RunProgressKind.RunStarted => $"Running {value.NotebookCount} notebooks",
                RunProgressKind.NotebookStarted => $"{prefix}: starting the kernel",
                RunProgressKind.KernelStarted => value.Error is null ? $"{prefix}: kernel ready ({Seconds(value.Elapsed)})" : $"{prefix}: {value.Error}",
                RunProgressKind.CellStarted => null,
                RunProgressKind.CellFinished => $"{prefix}: cell {value.Cell} ({value.CodeCellNumber}/{value.CodeCellCount} code) {(value.Error is null ? "ok" : "FAILED")} at {Seconds(value.Elapsed)}",
                RunProgressKind.NotebookFinished => $"{prefix}: {(value.Error is null ? "done" : "FAILED: " + value.Error)} in {Seconds(value.Elapsed)}",
                RunProgressKind.ReportFile => $"Writing {value.Notebook}",
                _ => null,
            };
            if (line is not null)
            {
                console.WriteLine(line);
            }
        }
    }

    /// <summary>Progress as a live Spectre display: one bar per notebook, advancing by code cell.</summary>
    private sealed class LiveProgress(ProgressContext context) : IProgress<RunProgress>
    {
        private readonly Dictionary<string, ProgressTask> _tasks = new(StringComparer.Ordinal);

        public void Report(RunProgress value)
        {
            if (value.Kind is RunProgressKind.RunStarted or RunProgressKind.ReportFile)
            {
                if (value.Kind == RunProgressKind.ReportFile)
                {
                    var file = context.AddTask(Markup.Escape($"writing {value.Notebook}"), maxValue: 1);
                    file.Increment(1);
                }

                return;
            }

            if (!_tasks.TryGetValue(value.Notebook, out var task))
            {
                task = context.AddTask(Markup.Escape(value.Notebook), maxValue: 1);
                _tasks[value.Notebook] = task;
            }

            var name = Markup.Escape(value.Notebook);
            switch (value.Kind)
            {
                case RunProgressKind.NotebookStarted:
                    task.Description = $"{name} [grey]starting kernel[/]";
                    break;
                case RunProgressKind.KernelStarted:
                    task.MaxValue = Math.Max(1, value.CodeCellCount);
                    task.Description = $"{name} [grey]kernel ready[/]";
                    break;
                case RunProgressKind.CellStarted:
                    task.Description = $"{name} [grey]cell {value.Cell} ({value.CodeCellNumber}/{value.CodeCellCount})[/]";
                    break;
                case RunProgressKind.CellFinished:
                    task.Value = value.CodeCellNumber;
                    break;
                case RunProgressKind.NotebookFinished:
                    task.Description = value.Error is null ? $"{name} [green]done[/]" : $"{name} [red]failed[/]";
                    task.Value = task.MaxValue;
                    task.StopTask();
                    break;
            }
        }
    }
}
