using System.Globalization;
using Instacart.Analysis.Affinity;
using Plotly.NET;

namespace Instacart.Interactive.Charts;

/// <summary>The charts of <see cref="BasketAffinity"/>.</summary>
public static class BasketAffinityChart
{
    /// <summary>
    /// The reported product pairs as horizontal bars of lift, strongest on top, each labelled "A + B"; orders
    /// together and both confidences on hover. A dashed line at lift 1 marks independence.
    /// </summary>
    /// <param name="answer">The computed answer; one bar per pair row.</param>
    /// <returns>The chart.</returns>
    public static GenericChart TopPairs(BasketAffinity answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var labels = PairLabels(answer.Rows);
        var traces = new List<Trace>();
        if (answer.Rows.Count > 0)
        {
            traces.Add(Plot.Bars(labels, answer.Rows.Select(r => r.Lift), "Lift", Plot.Strong, horizontal: true)
                .With("texttemplate", "%{x:.1f}×")
                .With("textposition", "auto")
                .Hover(
                    $"<b>%{{y}}</b><br>lift %{{x:.2f}}<br>%{{customdata[0]:,}} orders together (%{{customdata[1]:.2%}} of orders)<br>"
                    + $"%{{customdata[2]:.1%}} of orders with the first contain the second; %{{customdata[3]:.1%}} the other way",
                    answer.Rows.Select(r => new object?[] { r.Orders, r.Support, r.ConfidenceAToB, r.ConfidenceBToA })));
        }

        return Plot.Figure($"Product pairs bought together most beyond chance", traces, new Dictionary<string, object?>
        {
            ["showlegend"] = false,
            ["xaxis"] = new Axis("Lift (orders together ÷ expected by chance)", TickFormat: ",.1f").ToLayout(vertical: false),
            ["yaxis"] = new Axis("Product pair", Categories: labels).ToLayout(vertical: true),
            ["shapes"] = new[] { Plot.Rule("x", 1) },
        }, height: Math.Max(360, 170 + (30 * answer.Rows.Count)));
    }

    /// <summary>
    /// A department × department heatmap of lift (how much more often two departments share an order than
    /// chance), diverging around 1 (lift 2 and above take the darkest blue), the diagonal blank; orders together on hover.
    /// </summary>
    /// <param name="answer">The computed answer; one cell per department pair row.</param>
    /// <returns>The chart.</returns>
    public static GenericChart DepartmentHeatmap(BasketAffinity answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var departments = answer.DepartmentPairs
            .SelectMany(r => new[] { (r.DepartmentA, r.NameA), (r.DepartmentB, r.NameB) })
            .Distinct()
            .OrderBy(d => d.Item2, StringComparer.Ordinal).ThenBy(d => d.Item1)
            .ToList();
        var names = Unique(departments.Select(d => d.Item2).ToList());
        var index = departments.Select((d, i) => (d.Item1, i)).ToDictionary(t => t.Item1, t => t.i);
        var z = departments.Select(_ => new double?[departments.Count]).ToArray();
        var custom = departments.Select(_ => new object?[departments.Count]).ToArray();
        foreach (var r in answer.DepartmentPairs)
        {
            // Row = department A (y), column = department B (x).
            z[index[r.DepartmentA]][index[r.DepartmentB]] = r.Lift;
            custom[index[r.DepartmentA]][index[r.DepartmentB]] = r.Orders;
        }

        // Rows bottom-up, the order the axis shows them, so plotly never reorders the cells it draws.
        Array.Reverse(z);
        Array.Reverse(custom);
        var traces = new List<Trace>();
        if (departments.Count > 0)
        {
            traces.Add(Plot.Heatmap(names, names.AsEnumerable().Reverse().ToList(), z, "Lift", ".1f", middle: 1, range: (0, 2))
                .Hover($"<b>%{{y}} + %{{x}}</b><br>lift %{{z:.2f}}<br>%{{customdata:,}} orders with both", null)
                .With("customdata", custom));
        }

        var xAxis = new Axis("Department", Categories: names).ToLayout(vertical: false);
        xAxis["tickangle"] = -45;
        return Plot.Figure($"Departments bought together: lift of each pair", traces, new Dictionary<string, object?>
        {
            ["xaxis"] = xAxis,
            ["yaxis"] = new Axis("Department", Categories: names).ToLayout(vertical: true),
        }, height: Math.Max(420, 260 + (24 * names.Count)));
    }

    /// <summary>The name cut to <see cref="MaxName"/> characters with an ellipsis, so a pair's label leaves room for its bar.</summary>
    internal static string Short(string name) => name.Length <= MaxName ? name : name[..(MaxName - 1)].TrimEnd() + "…";

    /// <summary>The longest product name shown whole on the pair axis (the full names are in the table).</summary>
    internal const int MaxName = 30;

    /// <summary>"A + B" per pair (names shortened); pairs whose names coincide get their product ids so every bar keeps its own row.</summary>
    private static List<string> PairLabels(IReadOnlyList<ProductPairRow> rows)
    {
        var labels = rows.Select(r => $"{Short(r.NameA)} + {Short(r.NameB)}").ToList();
        var repeated = labels.GroupBy(l => l, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return labels.Select((l, i) => repeated.Contains(l)
            ? $"{l} (#{rows[i].ProductA.ToString(CultureInfo.InvariantCulture)}, #{rows[i].ProductB.ToString(CultureInfo.InvariantCulture)})"
            : l).ToList();
    }

    private static List<string> Unique(List<string> names)
    {
        // Two departments with the same name would share a row and a column: number the later ones.
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var unique = new List<string>(names.Count);
        foreach (var name in names)
        {
            seen[name] = seen.GetValueOrDefault(name) + 1;
            unique.Add(seen[name] == 1 ? name : $"{name} ({seen[name].ToString(CultureInfo.InvariantCulture)})");
        }

        return unique;
    }
}
