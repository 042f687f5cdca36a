namespace Instacart.Notebooks;

/// <summary>What to run and where to write it.</summary>
/// <param name="NotebooksDirectory">The folder of <c>NN-name.dib</c> notebooks.</param>
/// <param name="OutputDirectory">
/// The report folder (created if missing): per notebook <c>NN-name.ipynb</c> and <c>NN-name.html</c>, then <c>index.html</c>,
/// <c>run.json</c> and the extra report files. It must be new, empty or a report an earlier run made (it carries the
/// marker file); the run writes into a staging folder inside it and replaces only its own earlier files at the end.
/// </param>
public sealed record RunOptions(string NotebooksDirectory, string OutputDirectory)
{
    /// <summary>
    /// The run's data folder (made absolute; default: <see cref="Instacart.Data.InstacartData.DefaultFolderName"/> beside the notebooks folder): the report is
    /// never written into it, and child processes (<see cref="Parallelism"/> above 1) load it for their notebook.
    /// </summary>
    public string? DataDirectory { get; init; }

    /// <summary>
    /// The loaded data every notebook gets: it is handed to each notebook's kernel as the value
    /// <see cref="Instacart.Interactive.NotebookSession.SessionValueName"/> before the notebook's cells run, and the
    /// notebook's <c>NotebookSession.Open(…)</c> returns it (so every notebook and <c>answers.json</c> share one load and
    /// its models). With <see cref="Parallelism"/> above 1, each child process loads <see cref="DataDirectory"/> once
    /// with the session's options and <see cref="Cache"/>, and a child whose load has another fingerprint fails its
    /// notebook rather than mix two datasets. Null: nothing is handed in (notebooks that need no data).
    /// </summary>
    public Instacart.Analysis.Sessions.AnalysisSession? Session { get; init; }

    /// <summary>The cache <see cref="Session"/> was loaded with, for the child processes' loads (null: none).</summary>
    public Instacart.Data.Cache.CacheOptions? Cache { get; init; }

    /// <summary>
    /// Runs only the notebooks whose file name matches: a pattern with <c>*</c> and <c>?</c> (e.g. <c>01-*</c>), or else a
    /// plain substring of the file name (e.g. <c>busiest</c>); several may be given separated by commas. Null runs every notebook.
    /// </summary>
    public string? Only { get; init; }

    /// <summary>
    /// How many notebooks run at once. 1 (the default, and the fastest measured on two cores) runs them one after
    /// another in this process, each in a fresh kernel. Above 1, each notebook runs in its own child process
    /// (isolated assembly loads, working directory and formatters), that many at a time.
    /// </summary>
    public int Parallelism { get; init; } = 1;

    /// <summary>Files written after the notebooks, e.g. <c>answers.json</c> (the CLI passes the writer).</summary>
    public IReadOnlyList<ExtraReportFile> ExtraReportFiles { get; init; } = [];

    /// <summary>
    /// Also prints <c>report.pdf</c> after the extra report files: the index and every notebook's title, answer,
    /// text, charts and tables, code left out (see <see cref="PdfPrinter"/>). Needs Chromium: without it the run
    /// throws a <see cref="FileNotFoundException"/> naming <c>CHROMIUM_PATH</c> before any notebook runs.
    /// </summary>
    public bool Pdf { get; init; }

    /// <summary>The data the run reads, recorded in <c>run.json</c> and every page's header; an <c>--only</c> run adds to a report only of the same dataset.</summary>
    public Publishing.DatasetIdentity? Dataset { get; init; }

    /// <summary>When the run started, shown in the header of the index and of every page; null leaves the date out.</summary>
    public DateTimeOffset? RunAt { get; init; }

    /// <summary>
    /// Whether each page with charts inlines plotly.js (about 3.6 MB a page; a page can then be mailed alone). By default
    /// the report folder holds one <c>plotly.min.js</c> that its pages read from beside them, offline as well.
    /// </summary>
    public bool SelfContained { get; init; }

    /// <summary>The options that decide the report's content (e.g. <c>on_bad_rows</c>), recorded in <c>run.json</c>; an <c>--only</c> run adds to a report only made with the same.</summary>
    public IReadOnlyDictionary<string, string> RecordedOptions { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Runs every notebook. Without it, a run into an existing report reuses the pages of each notebook whose source,
    /// library build, data and options are those recorded for it there (<c>refresh.json</c>), and runs the others.
    /// </summary>
    public bool Force { get; init; }

    /// <summary>
    /// An earlier report folder to compare with: the run writes <c>changes.html</c> and <c>changes.json</c>, what moved
    /// since then. Without it, a run into a report made from other data compares with that report.
    /// </summary>
    public string? CompareWith { get; init; }

    /// <summary>The library build identity to record and compare instead of this process's (for tests); null: the real one.</summary>
    internal string? BuildIdentity { get; init; }
}

/// <summary>A report file the runner writes (atomically) into the output folder after the notebooks ran.</summary>
/// <param name="FileName">The file name inside the output folder, e.g. <c>answers.json</c>.</param>
/// <param name="WriteAsync">Writes the content to the stream it is given.</param>
public sealed record ExtraReportFile(string FileName, Func<ExtraReportContext, Stream, CancellationToken, Task> WriteAsync);

/// <summary>What an extra report file writer may use.</summary>
/// <param name="DataDirectory">The absolute data folder of the run.</param>
/// <param name="OutputDirectory">The absolute output folder.</param>
/// <param name="Notebooks">The notebooks' results.</param>
public sealed record ExtraReportContext(string DataDirectory, string OutputDirectory, IReadOnlyList<NotebookReport> Notebooks);

/// <summary>Where a run is.</summary>
public enum RunProgressKind
{
    /// <summary>The run found its notebooks.</summary>
    RunStarted,

    /// <summary>A notebook started (kernel starting).</summary>
    NotebookStarted,

    /// <summary>A notebook's kernel is ready.</summary>
    KernelStarted,

    /// <summary>A code cell started.</summary>
    CellStarted,

    /// <summary>A code cell finished.</summary>
    CellFinished,

    /// <summary>A notebook finished and its files are written.</summary>
    NotebookFinished,

    /// <summary>An extra report file is being written.</summary>
    ReportFile,
}

/// <summary>A progress report.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Notebook">The notebook's name (file name without extension), or the report file's name.</param>
/// <param name="NotebookNumber">1-based position of the notebook in the run.</param>
/// <param name="NotebookCount">How many notebooks the run has.</param>
/// <param name="Cell">The 1-based cell index, for cell events.</param>
/// <param name="CodeCellNumber">1-based position of the cell among the notebook's code cells, for cell events.</param>
/// <param name="CodeCellCount">How many code cells the notebook has.</param>
/// <param name="Elapsed">Time since the notebook started.</param>
/// <param name="Error">A failure message, when the event is a failure.</param>
public sealed record RunProgress(
    RunProgressKind Kind,
    string Notebook,
    int NotebookNumber,
    int NotebookCount,
    int? Cell,
    int CodeCellNumber,
    int CodeCellCount,
    TimeSpan Elapsed,
    string? Error);
