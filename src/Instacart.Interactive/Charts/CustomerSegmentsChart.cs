using System.Globalization;
using Instacart.Analysis.Segments;
using Plotly.NET;

namespace Instacart.Interactive.Charts;

/// <summary>The charts of <see cref="CustomerSegments"/>.</summary>
public static class CustomerSegmentsChart
{
    private static readonly string[] ClusterColors = [Plot.Strong, Plot.Accent, Plot.Third, "#8c6bb1", "#c8553d", "#5aa9c9", "#b8a034", "#7a7a7a"];

    /// <summary>
    /// The customers on the first two principal components, one colour per cluster: a seeded sample of at most
    /// the options' chart points (never every customer), so the page stays light.
    /// </summary>
    /// <param name="answer">The computed answer; its <see cref="CustomerSegments.ChartSample"/> is drawn.</param>
    /// <returns>The chart.</returns>
    public static GenericChart Projection(CustomerSegments answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var sample = answer.ChartSample();
        var labels = ClusterLabels(answer);
        var traces = answer.Clusters
            .Select(c => (c, points: sample.Where(p => p.Cluster == c.Cluster).ToList()))
            .Where(t => t.points.Count > 0)
            .Select(t => Plot.Markers(t.points.Select(p => Math.Round(p.Pc1, 3)), t.points.Select(p => Math.Round(p.Pc2, 3)), labels[t.c.Cluster], Color(t.c.Cluster), size: 5)
                .With("opacity", 0.6)
                .Hover($"<b>%{{fullData.name}}</b><br>component 1: %{{x:.2f}}<br>component 2: %{{y:.2f}}"))
            .ToList();
        var explained = answer.ExplainedVariance;
        var shown = sample.Count >= answer.CustomerCount
            ? $"all {sample.Count.ToString("N0", CultureInfo.InvariantCulture)} customers"
            : $"a sample of {sample.Count.ToString("N0", CultureInfo.InvariantCulture)} of {answer.CustomerCount.ToString("N0", CultureInfo.InvariantCulture)} customers";
        return Plot.Figure($"Customers by cluster on two principal components ({shown})", traces, new Dictionary<string, object?>
        {
            // The cluster names are long: the legend goes under the plot, where it may take rows without reaching the title.
            ["legend"] = new Dictionary<string, object?> { ["orientation"] = "h", ["x"] = 0, ["xanchor"] = "left", ["y"] = -0.16, ["yanchor"] = "top" },
            ["margin"] = new Dictionary<string, object?> { ["l"] = 70, ["r"] = 40, ["t"] = 70, ["b"] = 70 },
            ["xaxis"] = new Axis($"Principal component 1 ({Share(explained, 0)} of the variance)", TickFormat: ".1f", FromZero: false).ToLayout(vertical: false),
            ["yaxis"] = new Axis($"Principal component 2 ({Share(explained, 1)} of the variance)", TickFormat: ".1f", FromZero: false).ToLayout(vertical: true),
        }, height: 640);
    }

    /// <summary>
    /// How k was chosen: the mean silhouette per k (left axis, higher is better) and the within-cluster distance
    /// (right axis, the elbow), with the chosen k marked by a dashed line.
    /// </summary>
    /// <param name="answer">The computed answer; one point per criterion row.</param>
    /// <returns>The chart.</returns>
    public static GenericChart Criteria(CustomerSegments answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var ks = answer.Criteria.Select(c => c.K.ToString(CultureInfo.InvariantCulture)).ToList();
        var traces = new List<Trace>();
        if (answer.Criteria.Count > 0)
        {
            traces.Add(Plot.Line(ks, answer.Criteria.Select(c => c.Silhouette), "Mean silhouette (higher is better)", Plot.Strong)
                .Hover($"<b>k = %{{x}}</b><br>mean silhouette %{{y:.3f}}"));
            traces.Add(Plot.Line(ks, answer.Criteria.Select(c => c.WithinDistance), "Within-cluster distance (the elbow)", Plot.Accent)
                .Hover($"<b>k = %{{x}}</b><br>mean squared distance to the centre %{{y:.3f}}")
                .On("x", "y2"));
        }

        var distance = new Axis("Within-cluster distance (z-score units²)", TickFormat: ".2f", FromZero: false).ToLayout(vertical: true);
        distance["overlaying"] = "y";
        distance["side"] = "right";
        distance["showgrid"] = false;
        var chosen = ks.IndexOf(answer.ChosenK.ToString(CultureInfo.InvariantCulture));
        return Plot.Figure($"Choosing the number of clusters", traces, new Dictionary<string, object?>
        {
            ["xaxis"] = new Axis("Number of clusters (k)", Categories: ks).ToLayout(vertical: false),
            ["yaxis"] = new Axis("Mean silhouette", TickFormat: ".3f", FromZero: false).ToLayout(vertical: true),
            ["yaxis2"] = distance,
            ["shapes"] = chosen < 0 ? Array.Empty<object>() : new object[] { Plot.Rule("x", chosen) },
        }, height: 420);
    }

    /// <summary>
    /// What each cluster looks like: panels of the share of customers, prior orders, median days between orders
    /// and reorder rate, a bar per cluster (named by what sets it apart), its top department on hover. Basket size,
    /// item price and department shares stay in the table: more panels would not fit a notebook's width.
    /// </summary>
    /// <param name="answer">The computed answer; one bar per cluster row in each panel.</param>
    /// <returns>The chart.</returns>
    public static GenericChart Profiles(CustomerSegments answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var labels = ClusterLabels(answer);
        var rows = answer.Clusters;
        return Plot.Panels(
            $"What sets each cluster apart",
            "Cluster",
            rows.Select(c => labels[c.Cluster]).ToList(),
            [
                new Panel(new Axis("Share of customers", TickFormat: ".0%"), rows.Select(c => (double?)c.Share).ToList(), ".1%", "of customers"),
                new Panel(new Axis("Prior orders", TickFormat: ",.0f"), rows.Select(c => (double?)c.MaxOrder).ToList(), ",.1f", "orders (mean)"),
                new Panel(new Axis("Days between orders", TickFormat: ",.0f"), rows.Select(c => (double?)c.MedianDays).ToList(), ",.1f", "days between orders (mean of medians)"),
                new Panel(new Axis("Reorder rate", TickFormat: ".0%"), rows.Select(c => (double?)c.ReorderRate).ToList(), ".1%", "of lines reordered"),
            ],
            rows.Select(c => (string?)c.TopDepartment).ToList(),
            "Top department");
    }

    /// <summary>"1 · name" per cluster number: names can repeat, numbers cannot.</summary>
    private static Dictionary<int, string> ClusterLabels(CustomerSegments answer) =>
        answer.Clusters.ToDictionary(c => c.Cluster, c => $"{c.Cluster.ToString(CultureInfo.InvariantCulture)} · {c.Name}");

    private static string Color(int cluster) => ClusterColors[(cluster - 1) % ClusterColors.Length];

    private static string Share(IReadOnlyList<double> explained, int i) =>
        i < explained.Count && double.IsFinite(explained[i]) ? explained[i].ToString("0%", CultureInfo.InvariantCulture) : "n/a";
}
