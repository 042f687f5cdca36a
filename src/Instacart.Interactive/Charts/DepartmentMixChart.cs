using System.Globalization;
using Instacart.Analysis.Questions;
using Instacart.Analysis.Writing;
using Plotly.NET;

namespace Instacart.Interactive.Charts;

/// <summary>The chart of <see cref="DepartmentMix"/>.</summary>
public static class DepartmentMixChart
{
    /// <summary>
    /// A heatmap with one row per department and one column per customer group (age, household, income, region):
    /// how many percentage points the group's basket share of the department sits above (blue) or below (orange)
    /// all active customers'. The group's share, the overall share and the reorder rate show on hover.
    /// </summary>
    /// <param name="answer">The computed answer; one cell per row.</param>
    /// <returns>The chart.</returns>
    public static GenericChart ShareDifferences(DepartmentMix answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        // Each dimension's groups in their natural order (young to senior, low to high income): the enum's order.
        var columns = answer.Rows.Select(r => r.Dimension).Distinct()
            .SelectMany(d => answer.Rows.Where(r => r.Dimension == d).Select(r => r.Group).Distinct().OrderBy(g => Convert.ToInt32(g, CultureInfo.InvariantCulture)).Select(g => (Dimension: d, Group: g)))
            .ToList();
        var columnLabels = columns.Select(c => $"{DimensionName(c.Dimension)}: {EnumLabels.Of(c.Group)}").ToList();
        var departments = answer.Rows
            .GroupBy(r => (r.DepartmentId, r.Department))
            .OrderByDescending(g => g.First().OverallShare).ThenBy(g => g.Key.DepartmentId)
            .Select(g => g.Key)
            .ToList();
        var names = departments.Select(d => d.Department).ToList();

        // Heatmap rows bottom-up, the order the axis shows them (least ordered at the bottom).
        departments.Reverse();
        var cells = answer.Rows.ToDictionary(r => (r.DepartmentId, r.Dimension, r.Group));
        var z = departments.Select(d => columns.Select(c => cells.TryGetValue((d.DepartmentId, c.Dimension, c.Group), out var r) ? (double?)r.ShareDifference : null).ToArray()).ToArray();
        var custom = departments.Select(d => columns.Select(c => cells.TryGetValue((d.DepartmentId, c.Dimension, c.Group), out var r) ? new object?[] { r.Share, r.OverallShare, r.ReorderRate } : null).ToArray()).ToArray();
        var traces = new List<Trace>();
        if (answer.Rows.Count > 0)
        {
            traces.Add(Plot.Heatmap(columnLabels, departments.Select(d => d.Department).ToList(), z, "Share vs all customers (points)", "+.1%", middle: 0)
                .Hover($"<b>%{{y}}</b> · %{{x}}<br>%{{customdata[0]:.1%}} of the group's lines vs %{{customdata[1]:.1%}} overall (%{{z:+.1%}})<br>reorder rate %{{customdata[2]:.0%}}", null)
                .With("customdata", custom));
        }

        var xAxis = new Axis("Customer group", Categories: columnLabels).ToLayout(vertical: false);
        xAxis["tickangle"] = -40;
        return Plot.Figure($"How each group's basket departs from the average, by department", traces, new Dictionary<string, object?>
        {
            ["xaxis"] = xAxis,
            ["yaxis"] = new Axis("Department (most ordered on top)", Categories: names).ToLayout(vertical: true),
        }, height: Math.Max(480, 300 + (24 * names.Count)));
    }

    private static string DimensionName(CustomerDimension dimension) => dimension switch
    {
        CustomerDimension.AgeGroup => "Age",
        CustomerDimension.Household => "Household",
        CustomerDimension.IncomeGroup => "Income",
        _ => "Region",
    };
}
