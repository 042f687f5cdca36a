using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Data.Analysis;

namespace Instacart.Interactive.Display;

/// <summary>
/// A plain, escaped HTML (and text) rendering of a <see cref="DataFrame"/>: the column names, the first
/// rows and the total row count — instead of the default display, a deep tree of column objects.
/// Used by the notebook formatter and reusable by any exporter.
/// </summary>
public static class HtmlTable
{
    /// <summary>How many rows the notebook formatter shows: enough for every hour of the day and every department.</summary>
    public const int DefaultMaxRows = 30;

    /// <summary>Renders the first <paramref name="maxRows"/> rows of <paramref name="frame"/> as an HTML table with a caption giving the row count.</summary>
    /// <param name="frame">The data frame to show.</param>
    /// <param name="maxRows">The most rows to show (at least 0).</param>
    /// <returns>An HTML fragment: a <c>div.instacart-table</c> with a <c>table</c>; every value is HTML-escaped.</returns>
    public static string From(DataFrame frame, int maxRows = DefaultMaxRows)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRows);

        var rowCount = frame.Rows.Count;
        var shown = (int)Math.Min(rowCount, maxRows);
        var columns = frame.Columns;
        var html = new StringBuilder();
        html.Append("<div class=\"instacart-table\"><table><thead><tr>");
        foreach (var column in columns)
        {
            html.Append("<th>").Append(Encode(column.Name)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        for (var row = 0; row < shown; row++)
        {
            html.Append("<tr>");
            foreach (var column in columns)
            {
                var value = column[row];
                html.Append(IsNumeric(value) ? "<td class=\"num\">" : "<td>")
                    .Append(Encode(FormatValue(value)))
                    .Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table><p class=\"instacart-table-caption\">")
            .Append(Encode(Caption(shown, rowCount, columns.Count)))
            .Append("</p></div>");
        return html.ToString();
    }

    /// <summary>Renders the first <paramref name="maxRows"/> rows of <paramref name="frame"/> as aligned plain text with the same caption.</summary>
    /// <param name="frame">The data frame to show.</param>
    /// <param name="maxRows">The most rows to show (at least 0).</param>
    /// <returns>Plain text: a header line, one line per row, then the caption.</returns>
    public static string PlainText(DataFrame frame, int maxRows = DefaultMaxRows)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRows);

        var rowCount = frame.Rows.Count;
        var shown = (int)Math.Min(rowCount, maxRows);
        var columns = frame.Columns;
        var cells = new string[shown + 1][];
        cells[0] = columns.Select(c => c.Name).ToArray();
        for (var row = 0; row < shown; row++)
        {
            cells[row + 1] = columns.Select(c => FormatValue(c[row])).ToArray();
        }

        var widths = new int[columns.Count];
        foreach (var line in cells)
        {
            for (var i = 0; i < line.Length; i++)
            {
                widths[i] = Math.Max(widths[i], line[i].Length);
            }
        }

        var text = new StringBuilder();
        foreach (var line in cells)
        {
            text.Append(string.Join("  ", line.Select((value, i) => value.PadRight(widths[i]))).TrimEnd()).Append('\n');
        }

        text.Append(Caption(shown, rowCount, columns.Count));
        return text.ToString();
    }

    private static string Caption(int shown, long rowCount, int columnCount)
    {
        var rows = rowCount == 1 ? "1 row" : string.Create(CultureInfo.InvariantCulture, $"{rowCount:N0} rows");
        var cols = columnCount == 1 ? "1 column" : string.Create(CultureInfo.InvariantCulture, $"{columnCount:N0} columns");
        return shown < rowCount
            ? string.Create(CultureInfo.InvariantCulture, $"First {shown:N0} of {rows} · {cols}")
            : $"{rows} · {cols}";
    }

    private static bool IsNumeric(object? value) => value is sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal;

    /// <summary>Formats one cell value the same way everywhere (invariant culture; at most four decimals).</summary>
    internal static string FormatValue(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        float f => f.ToString("0.####", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.####", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
