using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Formatting;

namespace Instacart.Notebooks;

/// <summary>How a cell (or a notebook) ended.</summary>
public enum RunStatus
{
    /// <summary>Ran without error (a markdown cell is always kept, so it counts as succeeded).</summary>
    Succeeded,

    /// <summary>Failed: a compile error or an exception (for a notebook: any cell failed, or it could not be read or started).</summary>
    Failed,

    /// <summary>Not run because an earlier cell of the same notebook failed.</summary>
    Skipped,
}

/// <summary>What happened to one cell.</summary>
/// <param name="Index">1-based cell index as in the file (markdown and code cells alike).</param>
/// <param name="Line">1-based line in the <c>.dib</c> file where the cell's text starts.</param>
/// <param name="Kind"><c>csharp</c> or <c>markdown</c>.</param>
/// <param name="Status">How it ended.</param>
/// <param name="Duration">How long the kernel took (zero for markdown and skipped cells).</param>
/// <param name="Error">The failure message (<c>notebooks/NN-name.dib: cell K, line L: CS0029: …</c>), when it failed.</param>
public sealed record CellReport(int Index, int Line, string Kind, RunStatus Status, TimeSpan Duration, string? Error);

/// <summary>The outputs of a cell as notebook output elements (nbformat's <c>stream</c>, <c>display_data</c>, <c>execute_result</c>, <c>error</c>).</summary>
/// <param name="Cell">The cell.</param>
/// <param name="Report">Its status and timing.</param>
/// <param name="ExecutionCount">1-based order of execution among code cells; 0 when it did not run.</param>
/// <param name="Outputs">Its outputs in the order the kernel produced them, updates applied.</param>
public sealed record CellRun(NotebookCell Cell, CellReport Report, int ExecutionCount, IReadOnlyList<InteractiveDocumentOutputElement> Outputs);

/// <summary>A notebook after it ran (or failed to): what the exporters turn into <c>.ipynb</c> and HTML.</summary>
/// <param name="Name">The file name without extension.</param>
/// <param name="DisplayPath">The path used in messages, e.g. <c>notebooks/01-busiest-days.dib</c>.</param>
/// <param name="Title">The title (first heading of the first markdown cell).</param>
/// <param name="Cells">Every cell, run or not.</param>
/// <param name="KernelStart">Time to start the kernel.</param>
/// <param name="Duration">Total time for the notebook, kernel start included.</param>
/// <param name="Error">The first failure message, if any.</param>
public sealed record ExecutedNotebook(
    string Name,
    string DisplayPath,
    string Title,
    IReadOnlyList<CellRun> Cells,
    TimeSpan KernelStart,
    TimeSpan Duration,
    string? Error)
{
    /// <summary>Whether every cell ran without error.</summary>
    public RunStatus Status => Error is null ? RunStatus.Succeeded : RunStatus.Failed;

    /// <summary>
    /// The notebook's answer sentence. Convention: the return value of the first code cell whose result is
    /// plain text only (a <c>string</c> expression such as <c>answer.Sentence()</c>, which question notebooks put
    /// in their second code cell, right after the title and the setup cell). Null when no cell returned a string.
    /// </summary>
    public string? Answer
    {
        get
        {
            foreach (var cell in Cells)
            {
                foreach (var output in cell.Outputs)
                {
                    if (output is ReturnValueElement result && result.Data.Count == 1 &&
                        result.Data.TryGetValue(PlainTextFormatter.MimeType, out var value) && value is string text &&
                        !string.IsNullOrWhiteSpace(text))
                    {
                        return text.Trim();
                    }
                }
            }

            return null;
        }
    }
}
