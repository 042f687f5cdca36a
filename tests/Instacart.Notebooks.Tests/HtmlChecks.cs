using System.Text.RegularExpressions;

namespace Instacart.Notebooks.Tests;

internal static partial class HtmlChecks
{
    /// <summary>Each copy of plotly.js in a page (its licence banner names the version once per copy).</summary>
    public static IReadOnlyList<string> PlotlyJsCopies(string html) => PlotlyBanner().Matches(html).Select(m => m.Value).ToList();

    /// <summary>Every script, stylesheet, image or frame the page would load from the network.</summary>
    public static IReadOnlyList<string> NetworkReferences(string html) => NetworkSource().Matches(html).Select(m => m.Value).ToList();

    [GeneratedRegex(@"plotly\.js v\d+\.\d+\.\d+")]
    private static partial Regex PlotlyBanner();

    [GeneratedRegex(@"<(script|link|img|iframe|embed|object|source|audio|video)\b[^>]*\b(src|href|data)\s*=\s*[""']?\s*(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex NetworkSource();
}
