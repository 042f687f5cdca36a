using System.Net;
using Instacart.Analysis.Writing;

namespace Instacart.Interactive.Display;

/// <summary>A question's "What this suggests" as HTML: one <c>p.suggestion</c> element with the escaped text, which an index page can pick up.</summary>
public static class SuggestionHtml
{
    /// <summary>The element's class, for pages and indexes that look for it.</summary>
    public const string ClassName = "suggestion";

    /// <summary>Renders <paramref name="suggestion"/> as <c>&lt;p class="suggestion"&gt;…&lt;/p&gt;</c>, its text HTML-escaped.</summary>
    /// <param name="suggestion">The suggestion, e.g. from <c>answer.Suggestion()</c>.</param>
    /// <returns>The HTML fragment.</returns>
    public static string From(Suggestion suggestion)
    {
        ArgumentNullException.ThrowIfNull(suggestion);
        return $"<p class=\"{ClassName}\">{WebUtility.HtmlEncode(suggestion.Text)}</p>";
    }
}
