using System.Net;
using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Formatting;

namespace Instacart.Notebooks;

/// <summary>
/// Finds a page's "what this suggests" line: the text of the first <c>&lt;p class="suggestion"&gt;</c> element in the
/// notebook's HTML outputs, as plain text (tags dropped, entities decoded, whitespace collapsed), for the index.
/// A notebook without one has none.
/// </summary>
internal static partial class SuggestionText
{
    /// <summary>The suggestion of <paramref name="notebook"/>, or null.</summary>
    public static string? Find(ExecutedNotebook notebook) =>
        notebook.Cells.SelectMany(c => c.Outputs).Select(Find).FirstOrDefault(s => s is not null);

    /// <summary>The suggestion in one output, or null.</summary>
    public static string? Find(InteractiveDocumentOutputElement output)
    {
        var data = output switch
        {
            DisplayElement display => display.Data,
            ReturnValueElement result => result.Data,
            _ => null,
        };
        if (data is null || !data.TryGetValue(HtmlFormatter.MimeType, out var value) || OutputRenderer.Text(value) is not { } html ||
            Element().Match(html) is not { Success: true } match)
        {
            return null;
        }

        var text = Space().Replace(WebUtility.HtmlDecode(Tag().Replace(match.Groups["text"].Value, "")), " ").Trim();

        // The index says "What this suggests" itself.
        const string Lead = "What this suggests:";
        if (text.StartsWith(Lead, StringComparison.OrdinalIgnoreCase))
        {
            text = text[Lead.Length..].TrimStart();
        }

        return text.Length == 0 ? null : text;
    }

    [GeneratedRegex("<p\\b[^>]*\\bclass=\"(?:[^\"]*\\s)?suggestion(?:\\s[^\"]*)?\"[^>]*>(?<text>.*?)</p>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Element();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex("\\s+")]
    private static partial Regex Space();
}
