using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Instacart.Notebooks;

/// <summary>Markdown cells to HTML with Markdig: raw HTML is escaped (not passed through) and only safe link schemes are kept.</summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseGridTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .UseAutoIdentifiers()
        .DisableHtml()
        .Build();

    /// <summary>Renders markdown text to an HTML fragment.</summary>
    /// <param name="markdown">The markdown.</param>
    /// <returns>HTML in which any HTML of the source appears as text.</returns>
    public static string ToHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.Url is { } url && !IsSafeUrl(url))
            {
                link.Url = "#";
            }
        }

        foreach (var link in document.Descendants<AutolinkInline>())
        {
            if (!IsSafeUrl(link.Url))
            {
                link.Url = "#";
            }
        }

        return document.ToHtml(Pipeline);
    }

    private static bool IsSafeUrl(string url)
    {
        var trimmed = url.Trim();
        var colon = trimmed.IndexOf(':');
        if (colon < 0)
        {
            return true; // relative link or fragment
        }

        var slash = trimmed.IndexOfAny(['/', '?', '#']);
        if (slash >= 0 && slash < colon)
        {
            return true; // the colon is in the path, not a scheme
        }

        var scheme = trimmed[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto";
    }
}
