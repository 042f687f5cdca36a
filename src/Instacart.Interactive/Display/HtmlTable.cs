using System.Globalization;
using System.Net;
using System.Text;
using Instacart.Analysis.Writing;
using Microsoft.Data.Analysis;

namespace Instacart.Interactive.Display;

/// <summary>
/// A plain, escaped HTML (and text) rendering of a table as a stakeholder reads it: column titles in words, thousands
/// separators, dollars, percentages and hours as <c>15:00</c> (decided by the column title), tables wider than
/// <see cref="MaxColumns"/> split into parts that each repeat the first column, and a caption that counts the rows —
/// instead of the default display, a deep tree of column objects. The values behind it stay exact.
/// Used by the notebook formatter and reusable by any exporter.
/// </summary>
public static class HtmlTable
{
    /// <summary>How many rows the notebook formatter shows: enough for every hour of the day and every department.</summary>
    public const int DefaultMaxRows = 30;

    /// <summary>The most columns one table part holds (the first column included) before the table is split.</summary>
    public const int MaxColumns = 7;

    /// <summary>Renders the first <paramref name="maxRows"/> rows of <paramref name="frame"/> as an HTML table with a caption giving the row count.</summary>
    /// <param name="frame">The data frame to show.</param>
    /// <param name="maxRows">The most rows to show (at least 0).</param>
    /// <returns>An HTML fragment: a <c>div.instacart-table</c> with one <c>table</c> per part; every value is HTML-escaped.</returns>
    public static string From(DataFrame frame, int maxRows = DefaultMaxRows)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRows);
        var shown = (int)Math.Min(frame.Rows.Count, maxRows);
        return Html(frame, shown, Caption(shown, frame.Rows.Count, frame.Columns.Count));
    }

    /// <summary>Renders a stakeholder's table (every row it holds) as HTML with its caption.</summary>
    /// <param name="table">The table, e.g. from <c>answer.Table()</c>.</param>
    /// <returns>An HTML fragment: a <c>div.instacart-table</c> with one <c>table</c> per part; every value is HTML-escaped.</returns>
    public static string From(AnswerTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Html(table.Frame, (int)table.Frame.Rows.Count, table.Caption);
    }

    /// <summary>Renders the first <paramref name="maxRows"/> rows of <paramref name="frame"/> as aligned plain text with the same caption.</summary>
    /// <param name="frame">The data frame to show.</param>
    /// <param name="maxRows">The most rows to show (at least 0).</param>
    /// <returns>Plain text: a header line, one line per row, then the caption.</returns>
    public static string PlainText(DataFrame frame, int maxRows = DefaultMaxRows)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRows);
        var shown = (int)Math.Min(frame.Rows.Count, maxRows);
        return Text(frame, shown, Caption(shown, frame.Rows.Count, frame.Columns.Count));
    }

    /// <summary>Renders a stakeholder's table as aligned plain text with its caption.</summary>
    /// <param name="table">The table, e.g. from <c>answer.Table()</c>.</param>
    /// <returns>Plain text: a header line, one line per row, then the caption.</returns>
    public static string PlainText(AnswerTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Text(table.Frame, (int)table.Frame.Rows.Count, table.Caption);
    }

    private static string Html(DataFrame frame, int shown, string caption)
    {
        var html = new StringBuilder();
        html.Append("<div class=\"instacart-table\">");
        foreach (var part in Parts(frame.Columns.Count))
        {
            html.Append("<table><thead><tr>");
            foreach (var c in part)
            {
                html.Append("<th>").Append(Encode(CellText.Title(frame.Columns[c].Name))).Append("</th>");
            }

            html.Append("</tr></thead><tbody>");
            for (var row = 0; row < shown; row++)
            {
                html.Append("<tr>");
                foreach (var c in part)
                {
                    var column = frame.Columns[c];
                    var value = column[row];
                    html.Append(CellText.IsNumeric(value) ? "<td class=\"num\">" : "<td>")
                        .Append(Encode(CellText.Format(CellText.Title(column.Name), value)))
                        .Append("</td>");
                }

                html.Append("</tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("<p class=\"instacart-table-caption\">").Append(Encode(caption)).Append("</p></div>");
        return html.ToString();
    }

    private static string Text(DataFrame frame, int shown, string caption)
    {
        var text = new StringBuilder();
        foreach (var part in Parts(frame.Columns.Count))
        {
            var cells = new string[shown + 1][];
            cells[0] = part.Select(c => CellText.Title(frame.Columns[c].Name)).ToArray();
            for (var row = 0; row < shown; row++)
            {
                cells[row + 1] = part.Select(c => CellText.Format(cells[0][Array.IndexOf(part, c)], frame.Columns[c][row])).ToArray();
            }

            var widths = new int[part.Length];
            foreach (var line in cells)
            {
                for (var i = 0; i < line.Length; i++)
                {
                    widths[i] = Math.Max(widths[i], line[i].Length);
                }
            }

            if (text.Length > 0)
            {
                text.Append('\n');
            }

            foreach (var line in cells)
            {
                text.Append(string.Join("  ", line.Select((value, i) => value.PadRight(widths[i]))).TrimEnd()).Append('\n');
            }
        }

        text.Append(caption);
        return text.ToString();
    }

    /// <summary>The column indexes of each part: all columns, or the first column with the next <see cref="MaxColumns"/> − 1.</summary>
    private static IEnumerable<int[]> Parts(int columns)
    {
        if (columns <= MaxColumns)
        {
            yield return Enumerable.Range(0, columns).ToArray();
            yield break;
        }

        for (var start = 1; start < columns; start += MaxColumns - 1)
        {
            yield return [0, .. Enumerable.Range(start, Math.Min(MaxColumns - 1, columns - start))];
        }
    }

    private static string Caption(int shown, long rowCount, int columnCount)
    {
        var rows = rowCount == 1 ? "1 row" : string.Create(CultureInfo.InvariantCulture, $"{rowCount:N0} rows");
        var cols = columnCount == 1 ? "1 column" : string.Create(CultureInfo.InvariantCulture, $"{columnCount:N0} columns");
        return shown < rowCount
            ? string.Create(CultureInfo.InvariantCulture, $"First {shown:N0} of {rows} · {cols}")
            : $"{rows} · {cols}";
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
