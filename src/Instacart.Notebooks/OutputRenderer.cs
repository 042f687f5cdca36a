using System.Text.Json;
using Instacart.Interactive.Display;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Formatting;

namespace Instacart.Notebooks;

/// <summary>Which page an output is rendered for.</summary>
internal enum OutputStyle
{
    /// <summary>A notebook's HTML page: every output, error stack traces, the MIME type of an unusual output.</summary>
    Page,

    /// <summary>The print page of the PDF: no stack traces (the failure is stated at the top) and no package list.</summary>
    Print,
}

/// <summary>
/// The one renderer of notebook outputs into HTML, for the notebook pages (<see cref="HtmlExporter"/>) and the print page
/// (<see cref="PrintPage"/>) alike: console streams and errors as escaped text, and a MIME bundle as the first of a
/// Plotly figure (a <c>div</c> and its figure JSON escaped for HTML, drawn by the page's script), <c>text/html</c>,
/// <c>text/markdown</c> (raw HTML escaped), <c>text/plain</c>, <c>image/png</c> or any other text. It counts the charts
/// it rendered, so a page inlines plotly.js only when it has one.
/// </summary>
/// <param name="style">The page the outputs are for.</param>
internal sealed class OutputRenderer(OutputStyle style)
{
    private const string MarkdownMimeType = "text/markdown";
    private const string PngMimeType = "image/png";

    /// <summary>The package list .NET Interactive shows after a <c>#r "nuget:"</c> reference: about the code, not the answer.</summary>
    private const string InstalledPackagesMarker = "<strong>Installed Packages</strong>";

    /// <summary>How many charts were rendered so far.</summary>
    public int Charts { get; private set; }

    /// <summary>Renders one output; <paramref name="figureId"/> is the element id a chart gets.</summary>
    public string Render(InteractiveDocumentOutputElement output, string figureId)
    {
        switch (output)
        {
            case TextElement text:
                return $"<pre class=\"output stream {Encode(text.Name ?? "stdout")}\">{Encode(text.Text)}</pre>\n";
            case ErrorElement error:
                var trace = style == OutputStyle.Print || error.StackTrace.Length == 0 ? "" : "\n" + string.Join("\n", error.StackTrace);
                return $"<pre class=\"output error\"><strong>{Encode(error.ErrorName ?? "Error")}</strong>: {Encode(error.ErrorValue ?? "")}{Encode(trace)}</pre>\n";
            case DisplayElement display:
                return RenderBundle(display.Data, figureId, " display");
            case ReturnValueElement result:
                return RenderBundle(result.Data, figureId, " result");
            default:
                return "";
        }
    }

    /// <summary>
    /// A MIME bundle's value as text: a string, lines to join (as an <c>.ipynb</c> holds them), or JSON (a <c>+json</c>
    /// value read from an <c>.ipynb</c> is an object). Null when there is none.
    /// </summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        string text => text,
        IEnumerable<string> lines => string.Concat(lines),
        IEnumerable<object?> lines when lines.All(l => l is string) => string.Concat(lines.Cast<string>()),
        _ => JsonSerializer.Serialize(value),
    };

    /// <summary>Whether <paramref name="output"/> is the notebook's answer sentence: a result that is plain text only, reading <paramref name="answer"/>.</summary>
    public static bool IsAnswer(InteractiveDocumentOutputElement output, string answer) =>
        output is ReturnValueElement { Data: { Count: 1 } data } &&
        data.TryGetValue(PlainTextFormatter.MimeType, out var value) && Text(value) is { } text && text.Trim() == answer;

    private string RenderBundle(IDictionary<string, object> data, string figureId, string pageKind)
    {
        // A result and a display keep their class on paper too: the method's text reads as on the page.
        var kind = pageKind;
        if (Value(data, ChartHtml.PlotlyMimeType) is { } figure)
        {
            Charts++;

            // The chart's box is the figure's own height, so no empty band is left under a short chart.
            var height = FigureHeight(figure) is { } h ? $" style=\"height: {h.ToString(System.Globalization.CultureInfo.InvariantCulture)}px\"" : "";
            return $"<div class=\"output chart\"><div class=\"plotly-chart\" id=\"{figureId}\"{height}></div>" +
                   $"<script type=\"application/json\" class=\"plotly-figure\" data-target=\"{figureId}\">{HtmlJson.Escape(figure)}</script></div>\n";
        }

        if (Value(data, HtmlFormatter.MimeType) is { } html)
        {
            return style == OutputStyle.Print && html.Contains(InstalledPackagesMarker, StringComparison.Ordinal)
                ? ""
                : $"<div class=\"output html{kind}\">{html}</div>\n";
        }

        if (Value(data, MarkdownMimeType) is { } markdown)
        {
            return $"<div class=\"output markdown{kind}\">{MarkdownRenderer.ToHtml(markdown)}</div>\n";
        }

        if (Value(data, PlainTextFormatter.MimeType) is { } plain)
        {
            return $"<pre class=\"output text{kind}\">{Encode(plain)}</pre>\n";
        }

        if (Value(data, PngMimeType) is { } png)
        {
            return $"<div class=\"output image{kind}\"><img alt=\"\" src=\"data:image/png;base64,{Encode(png.Trim())}\"></div>\n";
        }

        if (data.FirstOrDefault() is { Key: not null } first && Text(first.Value) is { } other)
        {
            var mime = style == OutputStyle.Page ? $" data-mime=\"{Encode(first.Key)}\"" : "";
            return $"<pre class=\"output text{kind}\"{mime}>{Encode(other)}</pre>\n";
        }

        return "";
    }

    /// <summary>The figure's layout height in pixels, when it sets one.</summary>
    private static int? FigureHeight(string figure)
    {
        try
        {
            return System.Text.Json.Nodes.JsonNode.Parse(figure)?["layout"]?["height"] is System.Text.Json.Nodes.JsonValue value &&
                   value.TryGetValue<double>(out var height) && height is > 0 and < 100_000
                ? (int)Math.Round(height)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Value(IDictionary<string, object> data, string mimeType) =>
        data.TryGetValue(mimeType, out var value) ? Text(value) : null;

    private static string Encode(string text) => HtmlExporter.Encode(text);
}
