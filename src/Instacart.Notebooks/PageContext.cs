using Instacart.Notebooks.Publishing;

namespace Instacart.Notebooks;

/// <summary>A link from one page of the report to another file of the report.</summary>
/// <param name="Href">The file name, relative to the page (pages and files share one folder).</param>
/// <param name="Text">The link's text.</param>
internal sealed record PageLink(string Href, string Text);

/// <summary>
/// What a report page says around its content: when the run was, which data it read (and whether the generator made
/// it), the pages before and after it, the report's other files (on the index), and whether plotly.js is inlined or
/// read from the report folder's <see cref="PlotlyJs.FileName"/>.
/// </summary>
internal sealed record PageContext
{
    /// <summary>The data the report was made from; null says nothing about it.</summary>
    public DatasetIdentity? Dataset { get; init; }

    /// <summary>When the run started; null leaves the date out (so two runs' pages can be compared byte for byte).</summary>
    public DateTimeOffset? RunAt { get; init; }

    /// <summary>The page before this one in the report, if any.</summary>
    public PageLink? Previous { get; init; }

    /// <summary>The page after this one in the report, if any.</summary>
    public PageLink? Next { get; init; }

    /// <summary>The report's other files the index links to (e.g. <c>report.pdf</c>, <c>answers.json</c>), in order.</summary>
    public IReadOnlyList<PageLink> Files { get; init; } = [];

    /// <summary>Whether a page with charts inlines plotly.js (a page to mail alone) rather than read the folder's copy.</summary>
    public bool SelfContained { get; init; }

    /// <summary>A page rendered on its own: nothing about the run, plotly.js inlined.</summary>
    public static PageContext Alone { get; } = new() { SelfContained = true };
}
