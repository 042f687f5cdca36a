using Instacart.Data.Derivation;
using Instacart.Analysis.Questions;
using Plotly.NET;

namespace Instacart.Interactive.Charts;

/// <summary>The chart of <see cref="SpenderFrequency"/>.</summary>
public static class SpenderFrequencyChart
{
    /// <summary>
    /// A heatmap of the share of revenue per spending × frequency cell (high spenders on top, frequency from
    /// frequent to non-frequent), each cell labelled with its share; customers and revenue per customer on hover.
    /// </summary>
    /// <param name="answer">The computed answer; one cell per row.</param>
    /// <returns>The chart.</returns>
    public static GenericChart RevenueShareHeatmap(SpenderFrequency answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var frequencyCodes = answer.Rows.Select(r => r.Frequency).Distinct().Order().ToList();
        IReadOnlyList<string> frequencies = frequencyCodes.Select(Labels.Of).ToList();
        // Rows bottom-up (low spenders first), the order the axis shows them: plotly places cell labels by row
        // index, so a heatmap whose rows the axis reorders would label the wrong cells.
        var spendingCodes = answer.Rows.Select(r => r.Spending).Distinct().Order().ToList();
        IReadOnlyList<string> spending = spendingCodes.Select(Labels.Of).ToList();
        SpenderFrequencyRow? Cell(Spending s, Frequency f) => answer.Rows.FirstOrDefault(r => r.Spending == s && r.Frequency == f);
        var z = spendingCodes.Select(s => frequencyCodes.Select(f => Cell(s, f)?.RevenueShare).ToArray()).ToArray();
        var custom = spendingCodes.Select(s => frequencyCodes.Select(f => Cell(s, f) is { } r ? new object?[] { r.Customers, r.RevenuePerCustomer } : null).ToArray()).ToArray();
        var traces = new List<Trace>();
        if (answer.Rows.Count > 0)
        {
            traces.Add(Plot.Heatmap(frequencies, spending, z, "Share of revenue", ".0%")
                .With("texttemplate", "%{z:.1%}")
                .With("textfont", new Dictionary<string, object?> { ["color"] = "#1a1a1a", ["size"] = 14 })
                .Hover($"<b>%{{y}} · %{{x}}</b><br>%{{z:.1%}} of revenue<br>%{{customdata[0]:,}} customers<br>$%{{customdata[1]:,.2f}} per customer", null)
                .With("customdata", custom));
        }

        return Plot.Figure($"Share of revenue by spending and shopping frequency", traces, new Dictionary<string, object?>
        {
            ["xaxis"] = new Axis("Shopping frequency", Categories: frequencies).ToLayout(vertical: false),
            ["yaxis"] = new Axis("Spending", Categories: spending.Reverse().ToList()).ToLayout(vertical: true),
        }, height: 380);
    }
}
