using System.Globalization;
using System.Text;
using Instacart.Notebooks.Publishing;

namespace Instacart.Notebooks;

/// <summary>
/// The strip at the top of every report page and of the index: a banner when the data is synthetic, the links
/// (back to the index, previous and next), and one line saying when the run was and on which data.
/// </summary>
internal static class PageHeader
{
    /// <summary>The banner's text on pages made from generated data.</summary>
    public const string SyntheticBanner = "Synthetic sample data";

    /// <summary>The header's HTML; <paramref name="source"/> is the notebook's display path (null on the index).</summary>
    public static string Render(PageContext context, string? source)
    {
        var html = new StringBuilder();
        if (context.Dataset is { Synthetic: true })
        {
            html.Append("<p class=\"banner synthetic\"><strong>").Append(SyntheticBanner)
                .Append("</strong> · made by the project's generator to try the report: the numbers describe no real customers.</p>\n");
        }

        if (source is not null || context.Previous is not null || context.Next is not null)
        {
            html.Append("<nav class=\"pages\">");
            html.Append(source is null ? "<span></span>" : $"<a href=\"{IndexPage.FileName}\">← All questions</a>");
            html.Append("<span class=\"neighbours\">");
            if (context.Previous is { } previous)
            {
                html.Append("<a rel=\"prev\" href=\"").Append(Encode(previous.Href)).Append("\">← ").Append(Encode(previous.Text)).Append("</a>");
            }

            if (context.Next is { } next)
            {
                html.Append("<a rel=\"next\" href=\"").Append(Encode(next.Href)).Append("\">").Append(Encode(next.Text)).Append(" →</a>");
            }

            html.Append("</span></nav>\n");
        }

        var facts = new List<string>();
        if (context.RunAt is { } runAt)
        {
            facts.Add($"<span class=\"run-at\">Run {Encode(Date(runAt))}</span>");
        }

        if (DataLine(context.Dataset) is { Length: > 0 } data)
        {
            facts.Add(data);
        }

        if (source is not null)
        {
            facts.Add($"<span class=\"source\">{Encode(source)}</span>");
        }

        if (facts.Count > 0)
        {
            html.Append("<p class=\"run-info\">").Append(string.Join(" · ", facts)).Append("</p>\n");
        }

        return html.ToString();
    }

    /// <summary>The run's date as the pages show it: UTC, to the minute.</summary>
    public static string Date(DateTimeOffset runAt) =>
        runAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>The data a report was made from: folder name, counts and fingerprint; empty when unknown.</summary>
    public static string DataLine(DatasetIdentity? dataset)
    {
        if (dataset is null)
        {
            return "";
        }

        var counts = new List<string>();
        if (dataset.Customers is { } customers)
        {
            counts.Add(Count(customers, "customer"));
        }

        if (dataset.Orders is { } orders)
        {
            counts.Add(Count(orders, "order"));
        }

        if (dataset.Lines is { } lines)
        {
            counts.Add(Count(lines, "order line"));
        }

        var described = counts.Count == 0 ? "" : " (" + string.Join(", ", counts) + ")";
        return $"<span class=\"dataset\">Data: {Encode(dataset.FolderName)}{Encode(described)}, fingerprint <span class=\"fingerprint\">{Encode(dataset.Fingerprint)}</span></span>";
    }

    private static string Count(long value, string noun) =>
        value.ToString("N0", CultureInfo.InvariantCulture) + " " + noun + (value == 1 ? "" : "s");

    private static string Encode(string text) => HtmlExporter.Encode(text);
}
