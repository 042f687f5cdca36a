using System.Text.Json;

namespace Instacart.Notebooks;

/// <summary>One notebook's outcome.</summary>
/// <param name="Name">File name without extension (also the output files' name).</param>
/// <param name="Source">Display path, e.g. <c>notebooks/01-busiest-days.dib</c>.</param>
/// <param name="Title">Title (first heading of the first markdown cell).</param>
/// <param name="Answer">The answer sentence (see <see cref="ExecutedNotebook.Answer"/>), if any.</param>
/// <param name="Status">Succeeded or failed.</param>
/// <param name="Error">The first failure message (<c>notebooks/NN-name.dib: cell K, line L: …</c>).</param>
/// <param name="KernelStart">Kernel start time.</param>
/// <param name="Duration">Total time, kernel start included.</param>
/// <param name="Cells">Every cell's status.</param>
public sealed record NotebookReport(
    string Name,
    string Source,
    string Title,
    string? Answer,
    RunStatus Status,
    string? Error,
    TimeSpan KernelStart,
    TimeSpan Duration,
    IReadOnlyList<CellReport> Cells)
{
    /// <summary>The page's one line of what its answer suggests (its <c>&lt;p class="suggestion"&gt;</c> as text), when it has one; the index shows it.</summary>
    public string? Suggestion { get; init; }

    /// <summary>Summarizes an executed notebook.</summary>
    /// <param name="notebook">The executed notebook.</param>
    /// <returns>Its report.</returns>
    public static NotebookReport From(ExecutedNotebook notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        return new(notebook.Name, notebook.DisplayPath, notebook.Title, notebook.Answer, notebook.Status, notebook.Error,
            notebook.KernelStart, notebook.Duration, notebook.Cells.Select(c => c.Report).ToList())
        {
            Suggestion = SuggestionText.Find(notebook),
        };
    }
}

/// <summary>An extra report file's outcome.</summary>
/// <param name="FileName">Its name in the output folder.</param>
/// <param name="Status">Succeeded or failed.</param>
/// <param name="Duration">Time to write it.</param>
/// <param name="Error">Why it failed.</param>
public sealed record ReportFileResult(string FileName, RunStatus Status, TimeSpan Duration, string? Error);

/// <summary>The outcome of a run.</summary>
/// <param name="OutputDirectory">The absolute output folder.</param>
/// <param name="Notebooks">Every notebook, in run order.</param>
/// <param name="ReportFiles">The extra report files.</param>
/// <param name="Duration">Wall time of the whole run.</param>
public sealed record RunReport(string OutputDirectory, IReadOnlyList<NotebookReport> Notebooks, IReadOnlyList<ReportFileResult> ReportFiles, TimeSpan Duration)
{
    /// <summary>The run record's file name in the report folder.</summary>
    public const string FileName = "run.json";

    /// <summary>The data the report was made from (recorded in <c>run.json</c>), when the run was told.</summary>
    public Publishing.DatasetIdentity? Dataset { get; init; }

    /// <summary>The run's options that decide the report's content (recorded in <c>run.json</c>; an <c>--only</c> run must match them).</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    /// <summary>Notebooks of the published report that this run kept as they were (<c>--only</c>), by name.</summary>
    public IReadOnlyCollection<string> Kept { get; init; } = [];

    /// <summary>Per notebook of the run: whether its published pages were reused, or why it ran.</summary>
    public IReadOnlyList<Instacart.Notebooks.Refresh.RefreshDecision> Refresh { get; init; } = [];

    /// <summary>The "What changed" summary line when the run compared with an earlier report (or kept that comparison), else null.</summary>
    public string? Changes { get; init; }

    /// <summary>Whether every notebook and report file succeeded (and there was at least one notebook).</summary>
    public bool Succeeded => Notebooks.Count > 0 && Notebooks.All(n => n.Status == RunStatus.Succeeded) && ReportFiles.All(f => f.Status == RunStatus.Succeeded);

    /// <summary>The process exit code for the CLI: 0 when <see cref="Succeeded"/>, else 1.</summary>
    public int ExitCode => Succeeded ? 0 : 1;

    /// <summary>Every failure message, notebooks first.</summary>
    public IEnumerable<string> Errors =>
        Notebooks.Where(n => n.Error is not null).Select(n => n.Error!)
            .Concat(ReportFiles.Where(f => f.Error is not null).Select(f => $"{f.FileName}: {f.Error}"));

    /// <summary>The <c>run.json</c> text: per notebook and cell, status, duration in milliseconds and error.</summary>
    /// <returns>Indented JSON.</returns>
    public string ToJson()
    {
        return JsonObjects.Document(json =>
        {
            json.WriteString("format", "instacart-run/2");
            json.WriteBoolean("succeeded", Succeeded);
            json.WriteNumber("durationMs", Ms(Duration));
            if (Dataset is { } dataset)
            {
                json.WriteStartObject("dataset");
                json.WriteString("fingerprint", dataset.Fingerprint);
                json.WriteString("folder", dataset.FolderName);
                WriteCount(json, "customers", dataset.Customers);
                WriteCount(json, "orders", dataset.Orders);
                WriteCount(json, "lines", dataset.Lines);
                if (dataset.Synthetic)
                {
                    json.WriteBoolean("synthetic", true);
                }
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("dataset");
            }

            json.WriteStartObject("options");
            foreach (var (name, value) in Options.OrderBy(o => o.Key, StringComparer.Ordinal))
            {
                json.WriteString(name, value);
            }

            json.WriteEndObject();
            json.WriteObjects("notebooks", Notebooks, (json, notebook) =>
            {
                json.WriteString("name", notebook.Name);
                json.WriteString("source", notebook.Source);
                json.WriteString("title", notebook.Title);
                json.WriteString("status", Status(notebook.Status));
                if (Kept.Contains(notebook.Name))
                {
                    json.WriteBoolean("kept", true);
                }

                json.WriteNumber("durationMs", Ms(notebook.Duration));
                json.WriteNumber("kernelStartMs", Ms(notebook.KernelStart));
                WriteNullable(json, "answer", notebook.Answer);
                WriteNullable(json, "error", notebook.Error);
                if (notebook.Suggestion is { } suggestion)
                {
                    json.WriteString("suggestion", suggestion);
                }

                json.WriteString("ipynb", notebook.Name + IpynbWriter.Extension);
                json.WriteString("html", notebook.Name + HtmlExporter.Extension);
                json.WriteObjects("cells", notebook.Cells, (json, cell) =>
                {
                    json.WriteNumber("index", cell.Index);
                    json.WriteNumber("line", cell.Line);
                    json.WriteString("kind", cell.Kind);
                    json.WriteString("status", Status(cell.Status));
                    json.WriteNumber("durationMs", Ms(cell.Duration));
                    WriteNullable(json, "error", cell.Error);
                });
            });
            json.WriteObjects("reportFiles", ReportFiles, (json, file) =>
            {
                json.WriteString("name", file.FileName);
                json.WriteString("status", Status(file.Status));
                json.WriteNumber("durationMs", Ms(file.Duration));
                WriteNullable(json, "error", file.Error);
            });
        });
    }

    private static long Ms(TimeSpan time) => (long)Math.Round(time.TotalMilliseconds);

    private static string Status(RunStatus status) => status switch
    {
        RunStatus.Succeeded => "succeeded",
        RunStatus.Failed => "failed",
        _ => "skipped",
    };

    private static void WriteCount(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } count)
        {
            json.WriteNumber(name, count);
        }
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
