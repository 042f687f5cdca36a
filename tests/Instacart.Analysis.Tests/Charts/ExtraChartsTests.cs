using Instacart.Data.Derivation;
using System.Globalization;
using System.Text.Json;
using Instacart.Analysis.Affinity;
using Instacart.Analysis.Prediction;
using Instacart.Analysis.Questions;
using Instacart.Analysis.Segments;
using Instacart.Analysis.Statistics;
using Instacart.Analysis.Tests.Fixtures;
using Instacart.Analysis.Writing;
using Instacart.Data;
using Instacart.Interactive.Charts;

namespace Instacart.Analysis.Tests.Charts;

/// <summary>
/// The charts of notebooks 12–15, the stakeholder extras and the confidence sections, read back from their figure
/// JSON: the trace type, values that are exactly the answer's rows, and axis titles with units.
/// </summary>
public class ExtraChartsTests
{
    private static readonly Lazy<InstacartData> Sample = new(() => InstacartData.Load(RepoPaths.DataSample));
    private static readonly Lazy<BasketAffinity> Affinity = new(() => BasketAffinity.Compute(Sample.Value));
    private static readonly Lazy<CustomerSegments> Segments = new(() => CustomerSegments.Compute(Sample.Value));
    private static readonly Lazy<ReorderPrediction> Prediction = new(() => ReorderPrediction.Compute(Sample.Value));

    [Fact]
    public void TopPairs_Sample_OneHorizontalBarOfLiftPerPairStrongestOnTop()
    {
        var answer = Affinity.Value;

        var figure = Figure.Of(BasketAffinityChart.TopPairs(answer));

        var trace = Assert.Single(figure.Traces);
        Assert.Equal("bar", trace.GetProperty("type").GetString());
        Assert.Equal("h", trace.GetProperty("orientation").GetString());
        Assert.Equal(answer.Rows.Select(r => (double?)r.Lift), Figure.Numbers(trace, "x"));
        Assert.Equal(answer.Rows.Select(r => $"{BasketAffinityChart.Short(r.NameA)} + {BasketAffinityChart.Short(r.NameB)}"), Figure.Strings(trace, "y"));
        Assert.Equal(Figure.Strings(trace, "y"), figure.Categories("yaxis").Reverse());
        Assert.StartsWith("Lift", figure.AxisTitle("xaxis"), StringComparison.Ordinal);
        Assert.Equal("Product pair", figure.AxisTitle("yaxis"));
        Assert.Equal(1, figure.Layout.GetProperty("shapes")[0].GetProperty("x0").GetDouble());
    }

    [Fact]
    public void Short_LongName_CutWithAnEllipsis()
    {
        Assert.Equal("Apple", BasketAffinityChart.Short("Apple"));
        var cut = BasketAffinityChart.Short(new string('a', 50));
        Assert.Equal(BasketAffinityChart.MaxName, cut.Length);
        Assert.EndsWith("…", cut, StringComparison.Ordinal);
    }

    [Fact]
    public void DepartmentHeatmap_Sample_EveryPairsLiftInItsCellAndTheDiagonalBlank()
    {
        var answer = Affinity.Value;

        var figure = Figure.Of(BasketAffinityChart.DepartmentHeatmap(answer));

        var trace = Assert.Single(figure.Traces);
        Assert.Equal("heatmap", trace.GetProperty("type").GetString());
        var x = Figure.Strings(trace, "x");
        var y = Figure.Strings(trace, "y");
        Assert.Equal(x, y.Reverse());
        Assert.Equal(y, figure.Categories("yaxis"));
        var z = trace.GetProperty("z").EnumerateArray().Select(Figure.Numbers).ToArray();
        Assert.All(answer.DepartmentPairs, r => Assert.Equal(r.Lift, z[Array.IndexOf(y, r.NameA)][Array.IndexOf(x, r.NameB)]));
        Assert.All(Enumerable.Range(0, x.Length), i => Assert.Null(z[Array.IndexOf(y, x[i])][i]));
        Assert.Equal("Department", figure.AxisTitle("xaxis"));
        Assert.Equal("Department", figure.AxisTitle("yaxis"));
        Assert.Equal(1, trace.GetProperty("zmid").GetDouble());
    }

    [Fact]
    public void Profiles_Sample_OneBarPerClusterInEveryPanel()
    {
        var answer = Segments.Value;

        var figure = Figure.Of(CustomerSegmentsChart.Profiles(answer));

        Assert.Equal(4, figure.Traces.Count);
        Assert.All(figure.Traces, t => Assert.Equal(answer.Clusters.Select(c => $"{c.Cluster} · {c.Name}"), Figure.Strings(t, "y")));
        Assert.Equal(answer.Clusters.Select(c => (double?)c.Share), Figure.Numbers(figure.Trace("Share of customers"), "x"));
        Assert.Equal(answer.Clusters.Select(c => (double?)c.ReorderRate), Figure.Numbers(figure.Trace("Reorder rate"), "x"));
        Assert.Equal("Cluster", figure.AxisTitle("yaxis"));
    }

    [Fact]
    public void Projection_Sample_DrawsTheSeededSampleOneTracePerCluster()
    {
        var answer = Segments.Value;
        var sample = answer.ChartSample();

        var figure = Figure.Of(CustomerSegmentsChart.Projection(answer));

        Assert.InRange(sample.Count, 1, answer.Options.ChartPoints);
        Assert.All(figure.Traces, t => Assert.Equal("scatter", t.GetProperty("type").GetString()));
        Assert.Equal(sample.Count, figure.Traces.Sum(t => t.GetProperty("x").GetArrayLength()));
        foreach (var cluster in answer.Clusters)
        {
            var points = sample.Where(p => p.Cluster == cluster.Cluster).ToList();
            if (points.Count > 0)
            {
                var trace = figure.Trace($"{cluster.Cluster} · {cluster.Name}");
                Assert.Equal(points.Select(p => (double?)Math.Round(p.Pc1, 3)), Figure.Numbers(trace, "x"));
                Assert.Equal(points.Select(p => (double?)Math.Round(p.Pc2, 3)), Figure.Numbers(trace, "y"));
            }
        }

        Assert.StartsWith("Principal component 1", figure.AxisTitle("xaxis"), StringComparison.Ordinal);
        Assert.StartsWith("Principal component 2", figure.AxisTitle("yaxis"), StringComparison.Ordinal);
    }

    [Fact]
    public void Criteria_Sample_SilhouetteAndDistancePerKWithTheChosenKMarked()
    {
        var answer = Segments.Value;

        var figure = Figure.Of(CustomerSegmentsChart.Criteria(answer));

        var ks = answer.Criteria.Select(c => c.K.ToString(CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(ks, figure.Categories("xaxis"));
        Assert.Equal(answer.Criteria.Select(c => (double?)c.Silhouette), Figure.Numbers(figure.Traces[0], "y"));
        Assert.Equal(answer.Criteria.Select(c => (double?)c.WithinDistance), Figure.Numbers(figure.Traces[1], "y"));
        Assert.Equal("y2", figure.Traces[1].GetProperty("yaxis").GetString());
        Assert.Equal(Array.IndexOf(ks, answer.ChosenK.ToString(CultureInfo.InvariantCulture)), figure.Layout.GetProperty("shapes")[0].GetProperty("x0").GetDouble());
        Assert.Equal("Number of clusters (k)", figure.AxisTitle("xaxis"));
    }

    [Fact]
    public void Models_Sample_AucAndF1PerModelAsGroupedBars()
    {
        var answer = Prediction.Value;

        var figure = Figure.Of(ReorderPredictionChart.Models(answer));

        Assert.Equal(2, figure.Traces.Count);
        Assert.All(figure.Traces, t => Assert.Equal("bar", t.GetProperty("type").GetString()));
        Assert.Equal(answer.Models.Select(m => (double?)m.Auc), Figure.Numbers(figure.Traces[0], "y"));
        Assert.Equal(answer.Models.Select(m => (double?)m.F1), Figure.Numbers(figure.Traces[1], "y"));
        Assert.Equal(["Logistic regression", "LightGBM (boosted trees)"], Figure.Strings(figure.Traces[0], "x"));
        Assert.Equal("group", figure.Layout.GetProperty("barmode").GetString());
        Assert.StartsWith("Score", figure.AxisTitle("yaxis"), StringComparison.Ordinal);
    }

    [Fact]
    public void Importance_Sample_OneBarPerFeatureLargestDropOnTop()
    {
        var answer = Prediction.Value;

        var figure = Figure.Of(ReorderPredictionChart.Importance(answer));

        var trace = Assert.Single(figure.Traces);
        Assert.Equal(answer.Importance.Select(r => r.Feature), Figure.Strings(trace, "y"));
        Assert.Equal(answer.Importance.Select(r => (double?)r.AucDrop), Figure.Numbers(trace, "x"));
        Assert.Equal(answer.Importance[0].Feature, figure.Categories("yaxis")[^1]);
        Assert.StartsWith("Drop in AUC", figure.AxisTitle("xaxis"), StringComparison.Ordinal);
    }

    [Fact]
    public void HourQuadrants_Sample_OneLabelledPointPerHourWithTheMedianLines()
    {
        var answer = HourQuadrants.Compute(Sample.Value);

        var figure = Figure.Of(HourQuadrantsChart.Scatter(answer));

        Assert.All(figure.Traces, t => Assert.Equal("markers+text", t.GetProperty("mode").GetString()));
        var points = figure.Traces.SelectMany(t => Figure.Strings(t, "text").Zip(Figure.Numbers(t, "x"), Figure.Numbers(t, "y")).Select(p => (Hour: p.First, X: p.Second, Y: p.Third, Quadrant: Figure.Name(t)))).ToList();
        Assert.Equal(24, points.Count);
        Assert.All(answer.Rows, r =>
        {
            var p = points.Single(p => p.Hour == Wording.Hour(r.Hour));
            Assert.Equal(r.Orders, p.X);
            Assert.Equal(r.MeanOrderValue, p.Y);
            Assert.Equal(r.Quadrant, p.Quadrant);
        });
        var shapes = figure.Layout.GetProperty("shapes").EnumerateArray().ToList();
        Assert.Equal(answer.MedianOrders, shapes[0].GetProperty("x0").GetDouble());
        Assert.Equal(answer.MedianOrderValue!.Value, shapes[1].GetProperty("y0").GetDouble(), 9);
        var notes = figure.Layout.GetProperty("annotations").EnumerateArray().Select(a => a.GetProperty("text").GetString()).ToList();
        Assert.Equal([HourQuadrants.PerfectStorm, HourQuadrants.PricierBaskets, HourQuadrants.TrafficSurge, HourQuadrants.SlowHours], notes);
        Assert.Equal("Orders placed in the hour", figure.AxisTitle("xaxis"));
        Assert.Equal("Mean order value ($)", figure.AxisTitle("yaxis"));
    }

    [Fact]
    public void SpenderFrequency_Sample_RevenueShareInEveryCellHighSpendersOnTop()
    {
        var answer = SpenderFrequency.Compute(Sample.Value);

        var figure = Figure.Of(SpenderFrequencyChart.RevenueShareHeatmap(answer));

        var trace = Assert.Single(figure.Traces);
        Assert.Equal("heatmap", trace.GetProperty("type").GetString());
        var x = Figure.Strings(trace, "x");
        var y = Figure.Strings(trace, "y");
        var z = trace.GetProperty("z").EnumerateArray().Select(Figure.Numbers).ToArray();
        Assert.All(answer.Rows, r => Assert.Equal(r.RevenueShare, z[Array.IndexOf(y, Labels.Of(r.Spending))][Array.IndexOf(x, Labels.Of(r.Frequency))]));
        Assert.Equal(answer.Rows.Count, z.Sum(row => row.Count(v => v is not null)));
        Assert.Equal("High spender", figure.Categories("yaxis")[^1]);
        Assert.Equal(y, figure.Categories("yaxis"));
        Assert.Equal("Frequent customer", figure.Categories("xaxis")[0]);
        Assert.Equal("Shopping frequency", figure.AxisTitle("xaxis"));
        Assert.Equal("Spending", figure.AxisTitle("yaxis"));
    }

    [Fact]
    public void DepartmentMix_Sample_ShareDifferenceInEveryCellGroupsInNaturalOrder()
    {
        var answer = DepartmentMix.Compute(Sample.Value);

        var figure = Figure.Of(DepartmentMixChart.ShareDifferences(answer));

        var trace = Assert.Single(figure.Traces);
        var x = Figure.Strings(trace, "x");
        var y = Figure.Strings(trace, "y");
        var z = trace.GetProperty("z").EnumerateArray().Select(Figure.Numbers).ToArray();
        Assert.Equal(answer.Rows.Count, z.Sum(row => row.Count(v => v is not null)));
        Assert.All(answer.Rows, r => Assert.Equal(r.ShareDifference, z[Array.IndexOf(y, r.Department)][Array.FindIndex(x, c => c.EndsWith(": " + EnumLabels.Of(r.Group), StringComparison.Ordinal))]));
        Assert.Equal(["Age: Young adult", "Age: Middle-aged", "Age: Senior"], x.Take(3));
        Assert.Equal(y, figure.Categories("yaxis"));
        Assert.Equal(0, trace.GetProperty("zmid").GetDouble());
        Assert.Equal("Customer group", figure.AxisTitle("xaxis"));
        Assert.StartsWith("Department", figure.AxisTitle("yaxis"), StringComparison.Ordinal);
    }

    [Fact]
    public void BabyHouseholds_Sample_BabyAndOtherBarsPerProfileInBothPanels()
    {
        var answer = BabyHouseholds.Compute(Sample.Value);

        var figure = Figure.Of(BabyHouseholdsChart.Panels(answer));

        Assert.Equal(4, figure.Traces.Count);
        foreach (var (baby, name) in new[] { (true, "Buys baby products"), (false, "Other households") })
        {
            var rows = answer.Rows.Where(r => r.BabyHousehold == baby).ToList();
            var traces = figure.Traces.Where(t => Figure.Name(t) == name).ToList();
            Assert.Equal(rows.Select(r => r.OrdersPerCustomer), Figure.Numbers(traces[0], "x"));
            Assert.Equal(rows.Select(r => r.MeanOrderValue), Figure.Numbers(traces[1], "x"));
            Assert.Equal(rows.Select(r => Labels.Of(r.Profile)), Figure.Strings(traces[1], "y"));
        }

        Assert.Equal("Orders per customer", figure.AxisTitle("xaxis"));
        Assert.Equal("Mean order value ($)", figure.AxisTitle("xaxis2"));
        Assert.Equal("Customer profile", figure.AxisTitle("yaxis"));
    }

    [Theory]
    [InlineData(GroupingDimension.TimeSegment)]
    [InlineData(GroupingDimension.Loyalty)]
    [InlineData(GroupingDimension.Region)]
    [InlineData(GroupingDimension.AgeFamily)]
    [InlineData(GroupingDimension.Income)]
    [InlineData(GroupingDimension.Profile)]
    public void MeansWithIntervals_Sample_EveryGroupsMeanWithItsInterval(GroupingDimension dimension)
    {
        var intervals = GroupIntervals.Compute(Sample.Value, dimension);

        var figure = Figure.Of(GroupIntervalsChart.MeansWithIntervals(intervals));

        Assert.Equal(2, figure.Traces.Count);
        Assert.Equal(intervals.Groups.Select(g => g.Group).Order(StringComparer.Ordinal), figure.Categories("yaxis").Order(StringComparer.Ordinal));
        foreach (var (trace, of) in new (JsonElement, Func<GroupInterval, MeanInterval>)[] { (figure.Traces[0], g => g.OrderValue), (figure.Traces[1], g => g.ItemPrice) })
        {
            var groups = Figure.Strings(trace, "y").Select(label => intervals.Groups.Single(g => g.Group == label)).ToList();
            Assert.Equal(intervals.Groups.Count, groups.Count);
            Assert.Equal(groups.Select(g => (double?)of(g).Mean), Figure.Numbers(trace, "x"));
            var error = trace.GetProperty("error_x");
            Assert.All(groups.Select((g, i) => (g, i)), p => Assert.Equal(of(p.g).Mean - of(p.g).Low, Figure.Numbers(error.GetProperty("arrayminus"))[p.i]!.Value, 9));
            Assert.All(groups.Select((g, i) => (g, i)), p => Assert.Equal(of(p.g).High - of(p.g).Mean, Figure.Numbers(error.GetProperty("array"))[p.i]!.Value, 9));
        }

        Assert.Equal("Mean order value ($)", figure.AxisTitle("xaxis"));
        Assert.Equal("Mean item price ($)", figure.AxisTitle("xaxis2"));
    }
}
