using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Instacart.Interactive.Charts;

/// <summary>
/// A text as plotly.js reads it, and the one place where the chart layer escapes data for plotly.
/// <para>
/// plotly.js draws every text (titles, axis tick labels and so category names, legend names, bar and cell labels,
/// annotations, hover text once its placeholders are filled) as a subset of HTML: <c>&lt;a href&gt;</c> becomes a
/// link (in the page, in a notebook, and a URI link in a printed PDF), <c>&lt;b&gt;</c>, <c>&lt;i&gt;</c>,
/// <c>&lt;em&gt;</c>, <c>&lt;sup&gt;</c>, <c>&lt;sub&gt;</c>, <c>&lt;span style&gt;</c> style the text,
/// <c>&lt;br&gt;</c> breaks it, and entities (<c>&amp;lt;</c>, <c>&amp;#36;</c>, …) are decoded; where the page has
/// MathJax (a Jupyter front end), a text holding two <c>$</c> is typeset as TeX, whose <c>\href</c> is a link too.
/// Plotly.NET passes strings through untouched. So a string from the data is escaped: <c>&amp;</c>, <c>&lt;</c>,
/// <c>&gt;</c> and <c>$</c> become <c>&amp;amp;</c>, <c>&amp;lt;</c>, <c>&amp;gt;</c> and <c>&amp;#36;</c>, which
/// plotly shows as the characters themselves.
/// </para>
/// <para>
/// Every chart goes through <see cref="Plot.Figure"/>, which passes its traces and layout through
/// <see cref="Render(object?, string)"/>: there every plain <see cref="string"/> is escaped, so a chart cannot
/// forget it. The library's own markup (a hover template's <c>&lt;b&gt;</c> and <c>&lt;br&gt;</c>, a deliberate
/// line break in a title) is a <see cref="PlotText"/> written as an interpolated string: its literal parts are kept
/// as markup and every value placed in it is escaped, so data never becomes markup there either. There is no
/// conversion from <see cref="string"/>: a plain string given where markup is allowed does not compile, and
/// <c>$"{name}"</c> is a name shown as text. Literal <c>$</c> outside plotly's <c>%{…}</c> placeholders is written as
/// an entity too, so no text the charts give plotly is ever TeX.
/// </para>
/// </summary>
[InterpolatedStringHandler]
internal sealed class PlotText
{
    private readonly StringBuilder _markup;

    // Whether the literal parts so far have opened a %{…} placeholder that is not closed yet.
    private bool _inPlaceholder;

    /// <summary>Starts markup written as an interpolated string (called by the compiler).</summary>
    /// <param name="literalLength">The length of the literal parts.</param>
    /// <param name="formattedCount">The number of values placed in it.</param>
    public PlotText(int literalLength, int formattedCount) => _markup = new StringBuilder(literalLength + (16 * formattedCount));

    /// <summary>The text as plotly receives it: markup, with every value in it escaped.</summary>
    public string Markup => _markup.ToString();

    /// <summary>Escapes <paramref name="text"/> so that plotly shows it as it is: no tag, no entity, no TeX.</summary>
    /// <param name="text">Any text, e.g. a product or department name.</param>
    /// <returns>The text with <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> and <c>$</c> as entities.</returns>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny("&<>$") < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => escaped.Append("&amp;"),
                '<' => escaped.Append("&lt;"),
                '>' => escaped.Append("&gt;"),
                '$' => escaped.Append("&#36;"),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }

    /// <summary>
    /// A value of a figure (a trace's or the layout's attribute) as plotly must receive it: a <see cref="PlotText"/>
    /// as its markup, every other string escaped, in arrays, dictionaries and Plotly.NET objects at any depth.
    /// Attributes named <c>…format</c> (<c>tickformat</c>, <c>hoverformat</c>) hold d3 format specifiers, which
    /// plotly never draws as text, and are kept as they are.
    /// </summary>
    /// <param name="value">The attribute's value.</param>
    /// <param name="attribute">The attribute's plotly.js name.</param>
    /// <returns>The value to serialize.</returns>
    internal static object? Render(object? value, string attribute) => value switch
    {
        null => null,
        PlotText text => text.Markup,
        string text => attribute.EndsWith("format", StringComparison.Ordinal) ? text : Escape(text),
        DynamicObj.DynamicObj obj => RenderInPlace(obj),
        IDictionary map => map.Keys.Cast<object>().ToDictionary(k => Convert.ToString(k, CultureInfo.InvariantCulture)!, k => Render(map[k], Convert.ToString(k, CultureInfo.InvariantCulture)!)),
        Array array when array.GetType().GetElementType()!.IsValueType => array,
        IEnumerable items => items.Cast<object?>().Select(item => Render(item, attribute)).ToArray(),
        _ => value,
    };

    /// <summary>Renders every attribute of a Plotly.NET object (a trace, a layout) in place; see <see cref="Render(object?, string)"/>.</summary>
    /// <param name="obj">The object.</param>
    /// <returns>The same object.</returns>
    internal static T RenderInPlace<T>(T obj)
        where T : DynamicObj.DynamicObj
    {
        foreach (var (name, value) in obj.GetProperties(false).ToList())
        {
            obj.SetProperty(name, Render(value, name));
        }

        return obj;
    }

    /// <summary>Appends a literal part: markup, kept; a <c>$</c> outside a <c>%{…}</c> placeholder as an entity.</summary>
    /// <param name="literal">The literal part.</param>
    public void AppendLiteral(string literal)
    {
        ArgumentNullException.ThrowIfNull(literal);
        for (var i = 0; i < literal.Length; i++)
        {
            var c = literal[i];
            if (_inPlaceholder)
            {
                _inPlaceholder = c != '}';
                _markup.Append(c);
            }
            else if (c == '$')
            {
                _markup.Append("&#36;");
            }
            else
            {
                _inPlaceholder = c == '%' && i + 1 < literal.Length && literal[i + 1] == '{';
                _markup.Append(c);
            }
        }
    }

    /// <summary>Appends markup made the same way, as it is.</summary>
    /// <param name="text">The markup.</param>
    public void AppendFormatted(PlotText? text) => _markup.Append(text?.Markup);

    /// <summary>Appends a value (a name, a number in the invariant culture), escaped.</summary>
    /// <typeparam name="TValue">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    public void AppendFormatted<TValue>(TValue value) => AppendFormatted(value, null);

    /// <summary>Appends a value formatted with <paramref name="format"/> in the invariant culture, escaped.</summary>
    /// <typeparam name="TValue">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="format">A .NET format string, e.g. <c>N0</c>.</param>
    public void AppendFormatted<TValue>(TValue value, string? format) =>
        _markup.Append(Escape(value switch
        {
            null => string.Empty,
            IFormattable formattable => formattable.ToString(format, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        }));

    /// <inheritdoc/>
    public override string ToString() => Markup;
}
