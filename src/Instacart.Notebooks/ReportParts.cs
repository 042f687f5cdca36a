namespace Instacart.Notebooks;

/// <summary>A part of the report's table of contents: the notebooks it holds, by their number.</summary>
/// <param name="Id">The part's anchor on the index, e.g. <c>time</c>.</param>
/// <param name="Title">The part's heading.</param>
/// <param name="Numbers">The notebooks' number prefixes (<c>01</c> for <c>01-busiest-days</c>).</param>
internal sealed record ReportPart(string Id, string Title, IReadOnlyList<string> Numbers);

/// <summary>
/// How the index groups the notebooks: the data, then when people shop, what they buy, who the customers are, and
/// the analyses beyond the eleven questions. A notebook of no part (a new number) is listed under "Other notebooks".
/// </summary>
internal static class ReportParts
{
    /// <summary>The parts in the index's order.</summary>
    public static IReadOnlyList<ReportPart> All { get; } =
    [
        new("data", "The data", ["00"]),
        new("time", "When people shop", ["01", "02", "03", "06"]),
        new("products", "What they buy", ["04", "05", "15"]),
        new("customers", "Who the customers are", ["07", "08", "09", "10", "11"]),
        new("beyond", "Beyond the eleven questions", ["12", "13", "14"]),
    ];

    /// <summary>The part of the notebooks that belong to none of <see cref="All"/>.</summary>
    public static ReportPart Other { get; } = new("other", "Other notebooks", []);

    /// <summary>The notebooks of each part that has any, parts in order and notebooks in their given order.</summary>
    public static IReadOnlyList<(ReportPart Part, IReadOnlyList<NotebookReport> Notebooks)> Group(IReadOnlyList<NotebookReport> notebooks) =>
        [.. All.Append(Other)
            .Select(part => (part, (IReadOnlyList<NotebookReport>)[.. notebooks.Where(n => PartOf(n.Name) == part)]))
            .Where(g => g.Item2.Count > 0)];

    /// <summary>The part a notebook belongs to, by the number before the first <c>-</c> of its name.</summary>
    public static ReportPart PartOf(string name)
    {
        var number = name.Split('-', 2)[0];
        return All.FirstOrDefault(p => p.Numbers.Contains(number, StringComparer.Ordinal)) ?? Other;
    }
}
