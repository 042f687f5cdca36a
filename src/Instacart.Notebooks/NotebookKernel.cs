using System.Diagnostics;
using Instacart.Interactive.Display;
using Instacart.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.DotNet.Interactive.PackageManagement;
using Microsoft.DotNet.Interactive;

namespace Instacart.Notebooks;

/// <summary>The result of sending one cell to the kernel.</summary>
/// <param name="Outputs">The outputs, display updates applied.</param>
/// <param name="Succeeded">Whether the command succeeded.</param>
/// <param name="Failure">When it failed: the error code and message (<c>CS0029: …</c>) or exception type and message.</param>
/// <param name="FailureLine">0-based line within the cell of the first error diagnostic, when known.</param>
/// <param name="Duration">How long the kernel took.</param>
internal sealed record CellExecution(
    IReadOnlyList<InteractiveDocumentOutputElement> Outputs,
    bool Succeeded,
    string? Failure,
    int? FailureLine,
    TimeSpan Duration);

/// <summary>
/// The real .NET Interactive kernel as VS Code's Polyglot Notebooks sets it up for C#: a
/// <see cref="CompositeKernel"/> with a <see cref="CSharpKernel"/> (NuGet directive, kernel helpers such as
/// <c>display</c>, value sharing), Plotly.NET.Interactive's formatter extension, and then the library's
/// formatters so that they win.
/// </summary>
internal sealed class NotebookKernel : IDisposable
{
    private readonly CompositeKernel _kernel;
    private readonly OutputScrubber _scrubber;
    private int _executionCount;

    private NotebookKernel(CompositeKernel kernel, OutputScrubber scrubber)
    {
        _kernel = kernel;
        _scrubber = scrubber;
    }

    /// <summary>
    /// Starts a fresh kernel and hands it <paramref name="session"/> (when given) as the C# value
    /// <see cref="NotebookSession.SessionValueName"/>. Formatter state is process-wide, so it is reset first.
    /// </summary>
    public static async Task<NotebookKernel> StartAsync(OutputScrubber scrubber, Instacart.Analysis.Sessions.AnalysisSession? session)
    {
        Formatter.ResetToDefault();
        var csharp = new CSharpKernel()
            .UseNugetDirective((kernel, references) =>
            {
                kernel.AddAssemblyReferences(references.SelectMany(r => r.AssemblyPaths));
                return Task.CompletedTask;
            }, false)
            .UseKernelHelpers()
            .UseValueSharing();
        var composite = new CompositeKernel { csharp };
        composite.DefaultKernelName = csharp.Name;
        await ((IKernelExtension)new Plotly.NET.Interactive.FormatterKernelExtension()).OnLoadAsync(composite);
        NotebookSession.RegisterFormatters();
        // The pages draw charts from their figure JSON with plotly.js inlined once; the notebook need not carry it.
        NotebookSession.HostDrawsCharts = true;

        // Run the deferred setup (kernel helpers) now, so the first cell's time is the cell's own.
        var warmUp = await composite.SendAsync(new SubmitCode("", csharp.Name));
        if (warmUp.Events.OfType<CommandFailed>().FirstOrDefault() is { } failed)
        {
            composite.Dispose();
            throw new InvalidOperationException("The C# kernel did not start: " + failed.Message);
        }

        if (session is not null)
        {
            // Declared as object: the notebook's own #r of the library comes later, in its first cell. The process has
            // loaded the library once, so the value is the very AnalysisSession type the notebook's code asks for.
            await csharp.SetValueAsync(NotebookSession.SessionValueName, session, typeof(object));
        }

        return new NotebookKernel(composite, scrubber);
    }

    /// <summary>The execution count the next cell gets.</summary>
    public int NextExecutionCount => _executionCount + 1;

    /// <summary>Runs one C# cell and collects every event as an output.</summary>
    /// <param name="code">The cell's text.</param>
    /// <param name="source">The notebook's display path, for compiler messages.</param>
    /// <param name="startLine">The 1-based file line of the cell's first line, for compiler messages.</param>
    /// <param name="cancellationToken">Cancels the submission.</param>
    public async Task<CellExecution> RunAsync(string code, string source, int startLine, CancellationToken cancellationToken)
    {
        var executionCount = ++_executionCount;
        var command = new SubmitCode(code, NotebookSource.CSharp);
        var stopwatch = Stopwatch.StartNew();
        var result = await _kernel.SendAsync(command, cancellationToken);
        stopwatch.Stop();

        var outputs = new List<InteractiveDocumentOutputElement>();
        var displayIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        Diagnostic? firstError = null;
        var errors = new List<Diagnostic>();
        string? failure = null;
        var succeeded = true;

        foreach (var kernelEvent in result.Events)
        {
            switch (kernelEvent)
            {
                case StandardOutputValueProduced stdout:
                    AppendStream(outputs, "stdout", stdout.FormattedValues);
                    break;
                case StandardErrorValueProduced stderr:
                    AppendStream(outputs, "stderr", stderr.FormattedValues);
                    break;
                case DisplayedValueProduced produced:
                    if (produced.ValueId is { } newId)
                    {
                        displayIndex[newId] = outputs.Count;
                    }

                    outputs.Add(new DisplayElement(Bundle(produced.FormattedValues)));
                    break;
                case DisplayedValueUpdated updated:
                    // Keep the last state of a display; an update for an id never shown is appended, as VS Code does.
                    if (updated.ValueId is { } id && displayIndex.TryGetValue(id, out var index))
                    {
                        outputs[index] = new DisplayElement(Bundle(updated.FormattedValues));
                    }
                    else
                    {
                        if (updated.ValueId is { } unknownId)
                        {
                            displayIndex[unknownId] = outputs.Count;
                        }

                        outputs.Add(new DisplayElement(Bundle(updated.FormattedValues)));
                    }

                    break;
                case ReturnValueProduced returned when returned.Value is not DisplayedValue:
                    var element = new ReturnValueElement { ExecutionOrder = executionCount };
                    foreach (var (mime, value) in Bundle(returned.FormattedValues))
                    {
                        element.Data[mime] = value;
                    }

                    outputs.Add(element);
                    break;
                case DiagnosticsProduced diagnostics:
                    errors.AddRange(diagnostics.Diagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
                    firstError ??= errors.FirstOrDefault();
                    break;
                case ErrorProduced error:
                    outputs.Add(new ErrorElement(_scrubber.Scrub(error.Message), "Error", []));
                    break;
                case CommandFailed commandFailed when failure is null:
                    succeeded = false;
                    failure = _scrubber.Scrub(Describe(commandFailed, firstError));
                    outputs.Add(ErrorOutput(commandFailed, errors, code, source, startLine));
                    break;
            }
        }

        if (succeeded && result.Events.OfType<CommandFailed>().Any())
        {
            succeeded = false;
        }

        var failureLine = firstError is null ? (int?)null : CellLineOf(code, firstError.LinePositionSpan.Start.Line);
        return new CellExecution(outputs, succeeded, failure, failureLine, stopwatch.Elapsed);
    }

    /// <summary>
    /// The 0-based line within the cell of a diagnostic the kernel reported. The kernel compiles the cell without
    /// its directive lines (<c>#r "nuget:…"</c>, <c>#i</c>, <c>#!magic</c>) and maps a diagnostic back by adding only
    /// where the code starts, so after a <c>#r "path"</c> line (which stays in the code) followed by
    /// <c>#r "nuget:…"</c> lines its line is off by the number of those lines. Undo that: the compiled line is
    /// the reported line minus the first code line, and it is the n-th line of the cell that is not a directive.
    /// </summary>
    internal static int CellLineOf(string code, int reportedLine)
    {
        var lines = code.Replace("\r\n", "\n").Split('\n');
        var codeLines = new List<int>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            if (!IsDirective(lines[i]))
            {
                codeLines.Add(i);
            }
        }

        if (codeLines.Count == 0 || codeLines.Count == lines.Length)
        {
            return reportedLine;
        }

        var compiled = reportedLine - codeLines[0];
        return compiled >= 0 && compiled < codeLines.Count ? codeLines[compiled] : reportedLine;
    }

    private static bool IsDirective(string line)
    {
        var text = line.TrimStart();
        if (text.StartsWith("#!", StringComparison.Ordinal))
        {
            return true;
        }

        if (text.StartsWith("#i", StringComparison.Ordinal) && text.Length > 2 && char.IsWhiteSpace(text[2]))
        {
            return true;
        }

        if (!text.StartsWith("#r", StringComparison.Ordinal) || text.Length < 3 || !char.IsWhiteSpace(text[2]))
        {
            return false;
        }

        var argument = text[2..].TrimStart().TrimStart('"').TrimStart();
        return argument.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase);
    }

    private static string Describe(CommandFailed failed, Diagnostic? error)
    {
        if (error is not null)
        {
            return $"{error.Code}: {error.Message}";
        }

        return failed.Exception is { } exception
            ? $"{exception.GetType().FullName}: {exception.Message}"
            : failed.Message;
    }

    /// <summary>
    /// The error output of a failed cell. A compile failure lists every error in the compiler's usual form,
    /// positioned in the <c>.dib</c> file (<c>notebooks/01-x.dib(18,14): error CS0029: …</c>); the kernel's own
    /// message gives positions in the code it compiled, which are not the file's.
    /// </summary>
    private ErrorElement ErrorOutput(CommandFailed failed, IReadOnlyList<Diagnostic> errors, string code, string source, int startLine)
    {
        if (errors.Count > 0)
        {
            var lines = errors.Select(e =>
                $"{source}({startLine + CellLineOf(code, e.LinePositionSpan.Start.Line)},{e.LinePositionSpan.Start.Character + 1}): error {e.Code}: {e.Message}");
            return new ErrorElement(_scrubber.Scrub(string.Join("\n", lines)), errors[0].Code, []);
        }

        if (failed.Exception is { } exception)
        {
            var trace = (exception.StackTrace ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(_scrubber.ScrubStackLine)
                .ToArray();
            return new ErrorElement(_scrubber.Scrub(exception.Message), exception.GetType().FullName ?? "Exception", trace);
        }

        return new ErrorElement(_scrubber.Scrub(failed.Message), "Error", []);
    }

    private Dictionary<string, object> Bundle(IEnumerable<FormattedValue> values)
    {
        var bundle = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            bundle[value.MimeType] = _scrubber.Scrub(value.Value ?? "");
        }

        return bundle;
    }

    private void AppendStream(List<InteractiveDocumentOutputElement> outputs, string name, IEnumerable<FormattedValue> values)
    {
        var text = _scrubber.Scrub(string.Concat(values.Where(v => v.MimeType == PlainTextFormatter.MimeType).Select(v => v.Value)));
        if (outputs.Count > 0 && outputs[^1] is TextElement last && last.Name == name)
        {
            outputs[^1] = new TextElement(last.Text + text, name);
        }
        else
        {
            outputs.Add(new TextElement(text, name));
        }
    }

    /// <inheritdoc />
    public void Dispose() => _kernel.Dispose();
}
