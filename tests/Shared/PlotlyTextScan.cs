using System.Text.Json;
using System.Text.RegularExpressions;

namespace Instacart.Tests.Shared;

/// <summary>
/// Reads a plotly figure's JSON as plotly.js 2.x reads the text it draws (its <c>svg_text_utils</c>): a text is
/// split at tags (<c>&lt;[^&lt;&gt;]*&gt;</c>), a tag whose name plotly knows (a, b, i, em, sup, sub, span, br) is
/// applied, the rest is shown with entities decoded; a text holding two <c>$</c> is TeX where MathJax is loaded.
/// Finds every place a figure would draw something other than literal text, except the charts' own markup.
/// Linked into the test projects that check charts.
/// </summary>
internal static partial class PlotlyTextScan
{
    /// <summary>The library's own markup: hover templates' bold, line breaks and empty side box; titles' bold and line breaks.</summary>
    private static readonly string[] TemplateTags = ["b", "br", "extra"];

    private static readonly string[] TitleTags = ["b", "br"];

    /// <summary>The only entities the chart layer writes: its escapes of <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> and <c>$</c>.</summary>
    private static readonly string[] Escapes = ["&amp;", "&lt;", "&gt;", "&#36;"];

    /// <summary>Every string of the JSON, with its path (e.g. <c>data[0].y[3]</c>) and the name of the attribute holding it.</summary>
    public static IEnumerable<(string Path, string Attribute, string Text)> Strings(JsonElement element, string path = "", string attribute = "")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                yield return (path, attribute, element.GetString()!);
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var found in Strings(item, $"{path}[{i++}]", attribute))
                    {
                        yield return found;
                    }
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    foreach (var found in Strings(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", property.Name))
                    {
                        yield return found;
                    }
                }

                break;
        }
    }

    /// <summary>The tag names plotly finds in <paramref name="text"/> (lower case), whether it knows them or not.</summary>
    public static IEnumerable<string> Tags(string text) =>
        SplitAtTags().Split(text).Select(piece => TagPattern().Match(piece)).Where(m => m.Success).Select(m => m.Groups[2].Value.ToLowerInvariant());

    /// <summary>The text plotly shows for <paramref name="text"/> once its entities are decoded (tags left as they are).</summary>
    public static string Shown(string text) => EntityPattern().Replace(text, m => m.Groups[1].Value switch
    {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "nbsp" => "\u00a0",
        var code when code.StartsWith("#x", StringComparison.Ordinal) => char.ConvertFromUtf32(Convert.ToInt32(code[2..], 16)),
        var code when code.StartsWith('#') => char.ConvertFromUtf32(int.Parse(code[1..], System.Globalization.CultureInfo.InvariantCulture)),
        _ => m.Value,
    });

    /// <summary>
    /// Every place in the figure where plotly would draw data as something other than text: a tag outside the
    /// charts' own markup (hover templates, titles), a raw <c>&amp;</c> (an entity plotly would decode), a raw
    /// <c>$</c> (TeX where MathJax is loaded), or one of <paramref name="hostileNames"/> verbatim.
    /// d3 format attributes (<c>…format</c>) are never drawn and are skipped.
    /// </summary>
    /// <param name="figure">The figure (<c>{"data": …, "layout": …}</c>).</param>
    /// <param name="hostileNames">Names from the data that must only appear escaped.</param>
    /// <returns>One line per problem, naming the JSON path.</returns>
    public static IEnumerable<string> Problems(JsonElement figure, IEnumerable<string> hostileNames)
    {
        var raw = hostileNames.Where(n => n.AsSpan().IndexOfAny("<>&$") >= 0).ToList();
        foreach (var (path, attribute, text) in Strings(figure))
        {
            if (attribute.EndsWith("format", StringComparison.Ordinal))
            {
                continue;
            }

            var allowed = attribute == "hovertemplate" ? TemplateTags : path.EndsWith("title.text", StringComparison.Ordinal) ? TitleTags : [];
            foreach (var tag in Tags(text).Where(t => !allowed.Contains(t)))
            {
                yield return $"{path}: tag <{tag}> in {text}";
            }

            for (var at = text.IndexOf('&', StringComparison.Ordinal); at >= 0; at = text.IndexOf('&', at + 1))
            {
                if (!Escapes.Any(e => text.AsSpan(at).StartsWith(e, StringComparison.Ordinal)))
                {
                    yield return $"{path}: raw & in {text}";
                }
            }

            if (text.Contains('$', StringComparison.Ordinal))
            {
                yield return $"{path}: raw $ in {text}";
            }

            foreach (var name in raw.Where(n => text.Contains(n, StringComparison.Ordinal)))
            {
                yield return $"{path}: unescaped name {name} in {text}";
            }
        }
    }

    [GeneratedRegex("(<[^<>]*>)")]
    private static partial Regex SplitAtTags();

    [GeneratedRegex(@"^<(\/?)([^ >]*)(\s+(.*))?>$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex TagPattern();

    [GeneratedRegex("&(#\\d+|#x[\\da-fA-F]+|[a-z]+);")]
    private static partial Regex EntityPattern();
}
