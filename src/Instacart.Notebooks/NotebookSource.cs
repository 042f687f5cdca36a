using System.Text;
using Microsoft.DotNet.Interactive.Documents;

namespace Instacart.Notebooks;

/// <summary>One cell of a <c>.dib</c> notebook, with where it sits in the file.</summary>
/// <param name="Index">1-based position among the notebook's cells as in the file (markdown and code alike; the <c>#!meta</c> block is not a cell).</param>
/// <param name="KernelName">The cell's kernel: <c>csharp</c> or <c>markdown</c> (others are rejected when read).</param>
/// <param name="Contents">The cell text, without its separator line and leading/trailing blank lines.</param>
/// <param name="StartLine">1-based line in the <c>.dib</c> file of the cell's first line of <see cref="Contents"/>.</param>
public sealed record NotebookCell(int Index, string KernelName, string Contents, int StartLine)
{
    /// <summary>Whether the cell is C# code the kernel runs.</summary>
    public bool IsCode => KernelName == NotebookSource.CSharp;

    /// <summary>
    /// The first line of a notebook's library check: the cell before the one that references the library, which stops
    /// with one clear message (the path looked for, the working directory, the build command) when the library is not
    /// built. Under the runner it passes silently (the process has the library), and a page leaves it out when it did.
    /// </summary>
    internal const string LibraryCheckMarker = "// Library check:";

    /// <summary>Whether the cell is a notebook's library check (<see cref="LibraryCheckMarker"/>).</summary>
    internal bool IsLibraryCheck => IsCode && Contents.StartsWith(LibraryCheckMarker, StringComparison.Ordinal);
}

/// <summary>A <c>.dib</c> notebook as read from disk: its cells (parsed with .NET Interactive's <see cref="CodeSubmission"/>) and their line numbers.</summary>
public sealed class NotebookSource
{
    /// <summary>The kernel name of C# cells.</summary>
    public const string CSharp = "csharp";

    /// <summary>The kernel name of markdown cells.</summary>
    public const string Markdown = "markdown";

    // Every kernel a Polyglot notebook may name; they split cells so that a foreign one is reported, not glued to its neighbour.
    private static readonly (string Name, string[] Aliases)[] KnownKernels =
    [
        (CSharp, ["c#", "C#"]),
        (Markdown, ["md"]),
        ("fsharp", ["f#", "F#"]),
        ("pwsh", ["powershell"]),
        ("javascript", ["js"]),
        ("html", []),
        ("mermaid", []),
        ("value", []),
        ("http", []),
        ("sql", []),
        ("kql", []),
        ("python", []),
        ("r", []),
    ];

    private NotebookSource(string path, string displayPath, InteractiveDocument document, IReadOnlyList<NotebookCell> cells)
    {
        FilePath = path;
        DisplayPath = displayPath;
        Document = document;
        Cells = cells;
    }

    /// <summary>The notebook file's full path.</summary>
    public string FilePath { get; }

    /// <summary>The path used in messages and reports, e.g. <c>notebooks/01-busiest-days.dib</c> (folder name and file name).</summary>
    public string DisplayPath { get; }

    /// <summary>The file name without extension, e.g. <c>01-busiest-days</c>; the output files are named after it.</summary>
    public string Name => Path.GetFileNameWithoutExtension(FilePath);

    /// <summary>The folder the notebook lives in: the kernel's working directory while it runs.</summary>
    public string Directory => Path.GetDirectoryName(FilePath)!;

    /// <summary>The document as <see cref="CodeSubmission.Parse"/> read it.</summary>
    public InteractiveDocument Document { get; }

    /// <summary>The cells in file order.</summary>
    public IReadOnlyList<NotebookCell> Cells { get; }

    /// <summary>The title: the text of the first heading of the first markdown cell, else <see cref="Name"/>.</summary>
    public string Title
    {
        get
        {
            var first = Cells.FirstOrDefault(c => c.KernelName == Markdown);
            var heading = first?.Contents.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith('#'));
            return heading is null ? Name : heading.TrimStart('#').Trim();
        }
    }

    /// <summary>The title of a notebook file that may not be runnable: the first heading after the first <c>#!markdown</c> line, else null.</summary>
    /// <param name="path">The notebook file.</param>
    /// <returns>The heading text, or null.</returns>
    public static string? TryReadTitle(string path)
    {
        try
        {
            var inMarkdown = false;
            foreach (var line in File.ReadLines(path))
            {
                if (line.StartsWith("#!", StringComparison.Ordinal))
                {
                    if (inMarkdown)
                    {
                        return null;
                    }

                    inMarkdown = line is "#!markdown" or "#!md";
                }
                else if (inMarkdown && line.TrimStart().StartsWith('#'))
                {
                    return line.Trim().TrimStart('#').Trim();
                }
            }
        }
        catch (IOException)
        {
        }

        return null;
    }

    /// <summary>The kernel infos used to split cells: every known Polyglot kernel, so that a foreign cell is detected.</summary>
    internal static KernelInfoCollection KernelInfos()
    {
        var infos = new KernelInfoCollection { DefaultKernelName = CSharp };
        foreach (var (name, aliases) in KnownKernels)
        {
            infos.Add(new KernelInfo(name, aliases: aliases));
        }

        return infos;
    }

    /// <summary>Reads a <c>.dib</c> file (UTF-8, with or without BOM, LF or CRLF).</summary>
    /// <param name="path">The notebook file.</param>
    /// <returns>The parsed notebook.</returns>
    /// <exception cref="NotebookFormatException">A cell names a kernel other than <c>csharp</c> or <c>markdown</c>.</exception>
    public static NotebookSource Read(string path)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetFileName(Path.GetDirectoryName(full)) ?? "";
        var displayPath = folder.Length == 0 ? Path.GetFileName(full) : folder + "/" + Path.GetFileName(full);
        return Parse(File.ReadAllText(full, Encoding.UTF8), full, displayPath);
    }

    /// <summary>Parses <c>.dib</c> text.</summary>
    /// <param name="content">The file's text.</param>
    /// <param name="path">The path the text came from (for the working directory and file names).</param>
    /// <param name="displayPath">The path to name in messages.</param>
    /// <returns>The parsed notebook.</returns>
    /// <exception cref="NotebookFormatException">A cell names a kernel other than <c>csharp</c> or <c>markdown</c>.</exception>
    public static NotebookSource Parse(string content, string path, string displayPath)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length > 0 && content[0] == '\uFEFF')
        {
            content = content[1..];
        }

        var document = CodeSubmission.Parse(content, KernelInfos());
        var located = LocateCells(content);
        if (located.Count != document.Elements.Count)
        {
            throw new InvalidOperationException($"{displayPath}: found {located.Count} cells but the document parser found {document.Elements.Count}.");
        }

        var cells = new List<NotebookCell>(located.Count);
        for (var i = 0; i < located.Count; i++)
        {
            var element = document.Elements[i];
            var kernel = element.KernelName ?? CSharp;
            var cell = new NotebookCell(i + 1, kernel, element.Contents, located[i].StartLine);
            if (kernel is not (CSharp or Markdown))
            {
                throw new NotebookFormatException(displayPath, cell.Index, located[i].SeparatorLine,
                    $"{displayPath}: cell {cell.Index}, line {located[i].SeparatorLine}: the kernel '{kernel}' is not supported; a notebook may only have csharp and markdown cells.");
            }

            cells.Add(cell);
        }

        return new NotebookSource(Path.GetFullPath(path), displayPath, document, cells);
    }

    /// <summary>
    /// Finds each cell's first line the way <see cref="CodeSubmission.Parse"/> splits the text: a line
    /// <c>#!name</c> naming a known kernel starts a cell, the <c>#!meta</c> block is skipped, blank lines
    /// around a cell are trimmed and empty cells dropped.
    /// </summary>
    private static List<(int StartLine, int SeparatorLine)> LocateCells(string content)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, aliases) in KnownKernels)
        {
            names.Add(name);
            names.UnionWith(aliases);
        }

        var lines = content.Replace("\r\n", "\n").Split('\n');
        var result = new List<(int, int)>();
        var inMeta = false;
        var separatorLine = 0;
        int? firstContentLine = null;

        void Finish()
        {
            if (firstContentLine is { } start)
            {
                result.Add((start, separatorLine == 0 ? start : separatorLine));
            }

            firstContentLine = null;
        }

        var foundMeta = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var lineNumber = i + 1;
            if (!foundMeta && line.StartsWith("#!meta", StringComparison.Ordinal))
            {
                foundMeta = true;
                inMeta = true;
                continue;
            }

            if (line.StartsWith("#!", StringComparison.Ordinal) && names.Contains(line[2..]))
            {
                if (!inMeta)
                {
                    Finish();
                }

                inMeta = false;
                separatorLine = lineNumber;
                continue;
            }

            if (inMeta)
            {
                continue;
            }

            if (firstContentLine is null && line.Length > 0)
            {
                firstContentLine = lineNumber;
            }
        }

        Finish();
        return result;
    }
}

/// <summary>A notebook that cannot be run as it is written (e.g. a cell in an unsupported language).</summary>
public sealed class NotebookFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="notebook">The notebook's display path.</param>
    /// <param name="cell">The 1-based cell index.</param>
    /// <param name="line">The 1-based line in the file.</param>
    /// <param name="message">The full message, naming notebook, cell and line.</param>
    public NotebookFormatException(string notebook, int cell, int line, string message) : base(message)
    {
        Notebook = notebook;
        Cell = cell;
        Line = line;
    }

    /// <summary>The notebook's display path.</summary>
    public string Notebook { get; }

    /// <summary>The 1-based cell index.</summary>
    public int Cell { get; }

    /// <summary>The 1-based line in the file.</summary>
    public int Line { get; }
}
