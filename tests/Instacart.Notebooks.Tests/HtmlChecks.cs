using System.Text.RegularExpressions;

namespace Instacart.Notebooks.Tests;

internal static partial class HtmlChecks
{
    /// <summary>Each copy of plotly.js in a page (its licence banner names the version once per copy).</summary>
    public static IReadOnlyList<string> PlotlyJsCopies(string html) => PlotlyBanner().Matches(html).Select(m => m.Value).ToList();

    /// <summary>Every script, stylesheet, image or frame the page would load from the network.</summary>
    public static IReadOnlyList<string> NetworkReferences(string html) => NetworkSource().Matches(html).Select(m => m.Value).ToList();

    /// <summary>The page without its links to the pages before and after it.</summary>
    public static string WithoutPageLinks(string html) => PageLinks().Replace(html, "");

    /// <summary>How many times <paramref name="text"/> occurs in <paramref name="html"/>.</summary>
    public static int Count(string html, string text) => Regex.Count(html, Regex.Escape(text));

    [GeneratedRegex(@"<span class=""neighbours"">.*?</span>")]
    private static partial Regex PageLinks();

    [GeneratedRegex(@"plotly\.js v\d+\.\d+\.\d+")]
    private static partial Regex PlotlyBanner();

    [GeneratedRegex(@"<(script|link|img|iframe|embed|object|source|audio|video)\b[^>]*\b(src|href|data)\s*=\s*[""']?\s*(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex NetworkSource();
}
