using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Instacart.Analysis.Writing;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace Instacart.Interactive.Display;

/// <summary>The formatters <see cref="NotebookSession"/> registers. Touches Plotly.NET, so only reached after the FSharp.Core resolver is installed.</summary>
internal static class DisplayFormatters
{
    private static readonly ConcurrentDictionary<string, int> ChartIdCounts = new(StringComparer.Ordinal);

    public static void Register(bool resetChartIds)
    {
        if (resetChartIds)
        {
            ChartIdCounts.Clear();
        }

        Formatter.Register<GenericChart>((chart, writer) => writer.Write(ChartHtml.ForNotebook(GenericChart.toFigureJson(chart), NextChartId)), HtmlFormatter.MimeType);
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(GenericChart.toFigureJson(chart)), ChartHtml.PlotlyMimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(GenericChart), HtmlFormatter.MimeType, ChartHtml.PlotlyMimeType);

        Formatter.Register<DataFrame>((frame, writer) => writer.Write(HtmlTable.From(frame, HtmlTable.DefaultMaxRows)), HtmlFormatter.MimeType);
        Formatter.Register<DataFrame>((frame, writer) => writer.Write(HtmlTable.PlainText(frame, HtmlTable.DefaultMaxRows)), PlainTextFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(DataFrame), HtmlFormatter.MimeType, PlainTextFormatter.MimeType);

        Formatter.Register<AnswerTable>((table, writer) => writer.Write(HtmlTable.From(table)), HtmlFormatter.MimeType);
        Formatter.Register<AnswerTable>((table, writer) => writer.Write(HtmlTable.PlainText(table)), PlainTextFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(AnswerTable), HtmlFormatter.MimeType, PlainTextFormatter.MimeType);

        Formatter.Register<Suggestion>((suggestion, writer) => writer.Write(SuggestionHtml.From(suggestion)), HtmlFormatter.MimeType);
        Formatter.Register<Suggestion>((suggestion, writer) => writer.Write(suggestion.Text), PlainTextFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(Suggestion), HtmlFormatter.MimeType, PlainTextFormatter.MimeType);
    }

    /// <summary>
    /// A deterministic element id for a chart: a hash of its figure plus how many times that same figure
    /// was shown before in this kernel. Random ids (as Plotly.NET makes) would change every run.
    /// </summary>
    private static string NextChartId(string figureJson)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(figureJson)))[..16];
        var count = ChartIdCounts.AddOrUpdate(hash, 1, (_, n) => n + 1);
        return count == 1 ? $"chart-{hash}" : $"chart-{hash}-{count}";
    }
}
