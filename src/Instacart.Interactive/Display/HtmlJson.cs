using System.Text;

namespace Instacart.Interactive.Display;

/// <summary>
/// Makes JSON safe to paste inside an HTML page (a <c>&lt;script&gt;</c> element or an attribute-free
/// text block): <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> become <c>\u003c</c>, <c>\u003e</c> and
/// <c>\u0026</c>, and the two JavaScript line terminators U+2028/U+2029 are escaped too. The result is
/// still the same JSON value, so <c>JSON.parse</c> or a JavaScript literal reads back the original data,
/// while a product named <c>&lt;/script&gt;&lt;script&gt;…</c> can no longer end the script element.
/// </summary>
public static class HtmlJson
{
    /// <summary>Escapes <paramref name="json"/> for embedding in HTML; see the type's remarks.</summary>
    /// <param name="json">Any JSON text (the escapes are only ever needed inside string literals, where they are valid).</param>
    /// <returns>The escaped JSON text.</returns>
    public static string Escape(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.AsSpan().IndexOfAny("<>&\u2028\u2029") < 0)
        {
            return json;
        }

        var builder = new StringBuilder(json.Length + 32);
        foreach (var c in json)
        {
            _ = c switch
            {
                '<' => builder.Append("\\u003c"),
                '>' => builder.Append("\\u003e"),
                '&' => builder.Append("\\u0026"),
                '\u2028' => builder.Append("\\u2028"),
                '\u2029' => builder.Append("\\u2029"),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }
}
