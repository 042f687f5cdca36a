using System.Text.Json.Nodes;
using Instacart.Analysis.Questions;
using Instacart.Analysis.Segments;
using Instacart.Analysis.Sessions;
using Instacart.Analysis.Tests.Fixtures;
using Instacart.Analysis.Writing;
using Instacart.Data;

namespace Instacart.Analysis.Tests.Segments;

public class CustomerSegmentsTests
{
    private static readonly Lazy<InstacartData> Sample = new(() => InstacartData.Load(RepoPaths.DataSample));
    private static readonly Lazy<CustomerSegments> Segments = new(() => CustomerSegments.Compute(Sample.Value));

    [Fact]
    public void Compute_Sample_ClustersEveryActiveCustomerWithLines()
    {
        var data = Sample.Value;
        var segments = Segments.Value;
        var expected = Enumerable.Range(0, data.Customers.Count).Count(c => data.Customers.Active[c] && data.Customers.Lines[c] > 0);

        Assert.Equal(expected, segments.CustomerCount);
        Assert.Equal(expected, segments.Clusters.Sum(c => c.Customers));
        Assert.Equal(expected, segments.Projection.Count);
        Assert.Equal(1.0, segments.Clusters.Sum(c => c.Share), 9);
        Assert.Equal(Enumerable.Range(1, segments.ChosenK), segments.Clusters.Select(c => c.Cluster));
        Assert.Equal(segments.Clusters.Select(c => c.Customers).OrderByDescending(n => n), segments.Clusters.Select(c => c.Customers));
    }

    [Fact]
    public void Compute_Sample_ChoosesTheKWithTheHighestSilhouette()
    {
        var segments = Segments.Value;

        Assert.Equal(Enumerable.Range(2, 7), segments.Criteria.Select(c => c.K));
        Assert.Equal(segments.Criteria.MaxBy(c => c.Silhouette)!.K, segments.ChosenK);
        Assert.Equal(segments.ChosenK, segments.Clusters.Count);
    }

    [Fact]
    public void Compute_Sample_ProfilesAreMeansOfTheRawFeatures()
    {
        var data = Sample.Value;
        var segments = Segments.Value;
        var cluster = segments.Clusters[0];
        var users = segments.Projection.Where(p => p.Cluster == cluster.Cluster).Select(p => p.UserId).ToHashSet();
        var rows = Enumerable.Range(0, data.Customers.Count).Where(c => users.Contains(data.Input.Customers.UserId[c])).ToArray();

        Assert.Equal(rows.Average(c => data.Customers.MaxOrder[c]), cluster.MaxOrder, 9);
        Assert.Equal(rows.Average(c => data.Customers.MeanItemPrice(c)), cluster.MeanItemPrice, 9);   // no price is missing in the sample
        Assert.Equal(1.0, cluster.DepartmentShares.Sum(s => s.Value), 9);
        Assert.Equal(data.Input.Departments.Ids.Count, cluster.DepartmentShares.Count);
    }

    [Fact]
    public void Compute_Sample_NamesComeFromTheDefiningFeatures()
    {
        var segments = Segments.Value;

        Assert.Equal(segments.Clusters.Count, segments.Clusters.Select(c => c.Name).Distinct().Count());
        foreach (var cluster in segments.Clusters)
        {
            // The defining features list the largest deviations; the name is built from (some of) them.
            var leading = cluster.DefiningFeatures.Split("; ")[0];
            Assert.Matches(@"^.+ [+-]\d+\.\d\d sd$", leading);
            Assert.False(string.IsNullOrWhiteSpace(cluster.Name));
        }

        Assert.Contains(segments.Clusters[0].Name, segments.Sentence());
    }

    [Fact]
    public void Compute_SameSeedTwice_GivesIdenticalOutput()
    {
        var again = CustomerSegments.Calculate(Sample.Value, SegmentOptions.Default);   // not memoized: computed afresh

        Assert.NotSame(Segments.Value, again);
        Assert.Equal(Segments.Value.ToJson().ToJsonString(), again.ToJson().ToJsonString());
        Assert.Equal(Segments.Value.Projection, again.Projection);
    }

    [Fact]
    public void Compute_TwiceInOneSession_ReturnsTheSameInstance()
    {
        using var session = new AnalysisSession(Sample.Value);

        var first = CustomerSegments.Compute(session);

        Assert.Same(first, CustomerSegments.Compute(session));
        Assert.Same(first, CustomerSegments.Compute(session, new SegmentOptions()));   // equal options, same key
        Assert.NotSame(first, CustomerSegments.Compute(session, new SegmentOptions { ChartPoints = 100 }));
    }

    [Fact]
    public void Compute_FitSampleSmallerThanThePopulation_AssignsEveryCustomerAndSaysSo()
    {
        var data = Sample.Value;
        var all = Segments.Value.CustomerCount;
        var options = new SegmentOptions { FitSample = all / 4 };

        var segments = CustomerSegments.Compute(data, options);

        Assert.Equal(all / 4, segments.FitSample);
        Assert.Equal(all, segments.CustomerCount);
        Assert.Equal(all, segments.Clusters.Sum(c => c.Customers));
        Assert.Equal(all, segments.Projection.Count);
        Assert.Equal(Segments.Value.Projection.Select(p => p.UserId), segments.Projection.Select(p => p.UserId));
        Assert.Contains($"fitted on a seeded random sample of {Wording.Count(all / 4)} of the {Wording.Count(all)} customers", segments.Method());
        Assert.Contains("every customer is then assigned to the nearest centre", segments.Method());
        Assert.Equal(all / 4, segments.ToJson()["fit_sample"]!.GetValue<int>());
    }

    [Fact]
    public void Compute_Sample_FitsOnEveryCustomerWhenFewEnough()
    {
        var segments = Segments.Value;

        Assert.True(segments.CustomerCount <= SegmentOptions.Default.FitSample);
        Assert.Equal(segments.CustomerCount, segments.FitSample);
        Assert.Contains($"fitted on all {Wording.Count(segments.CustomerCount)} customers", segments.Method());
        Assert.Contains(segments.SilhouetteSample < segments.CustomerCount ? $"seeded random sample of {Wording.Count(segments.SilhouetteSample)} customers" : $"computed on all {Wording.Count(segments.CustomerCount)} customers", segments.Method());
    }

    [Fact]
    public void ToJson_HasTheAnswersShape()
    {
        var json = Segments.Value.ToJson();

        Assert.Equal(Segments.Value.ChosenK, json["k"]!.GetValue<int>());
        Assert.Equal("silhouette", json["criterion"]!.GetValue<string>());
        Assert.Equal(7, json["criteria"]!.AsArray().Count);
        Assert.Equal(["k", "silhouette", "within_distance"], json["criteria"]![0]!.AsObject().Select(p => p.Key));
        var cluster = json["clusters"]![0]!.AsObject();
        foreach (var key in new[] { "cluster", "name", "customers", "share", "max_order", "median_days", "basket_size", "mean_item_price", "reorder_rate", "top_department", "share_produce", "share_dairy_eggs" })
        {
            Assert.True(cluster.ContainsKey(key), key);
        }
    }

    [Fact]
    public void ChartSample_IsCappedAndSeeded()
    {
        var segments = Segments.Value;

        var sample = segments.ChartSample(100);

        Assert.Equal(100, sample.Count);
        Assert.Equal(sample, segments.ChartSample(100));
        Assert.True(segments.ChartSample().Count <= 5_000);
        Assert.Equal(4, segments.ProjectionFrame(100).Columns.Count);
    }

    [Fact]
    public void Projection_CarriesVarianceAndSeparatesClustersOnAverage()
    {
        var segments = Segments.Value;

        Assert.InRange(segments.ExplainedVariance[0], segments.ExplainedVariance[1], 1.0);
        Assert.True(segments.ExplainedVariance[1] > 0);
        Assert.Contains("silhouette", segments.Method());
    }

    [Fact]
    public void ToDataFrame_HasOneRowPerClusterAndAShareColumnPerDepartment()
    {
        var frame = Segments.Value.ToDataFrame();

        Assert.Equal(Segments.Value.ChosenK, frame.Rows.Count);
        Assert.Contains(frame.Columns, c => c.Name == "share_produce");
        Assert.DoesNotContain(frame.Columns, c => c.Name == "department_shares");
    }

    [Fact]
    public void Compute_OneActiveCustomer_ReportsOneGroupInsteadOfClustering()
    {
        var segments = CustomerSegments.Compute(TinyData.Load());   // only user 2 reaches five orders

        Assert.Equal(1, segments.CustomerCount);
        Assert.Equal(1, segments.ChosenK);
        Assert.Empty(segments.Criteria);
        Assert.Equal(1, segments.Clusters.Single().Customers);
        Assert.StartsWith("Too few", segments.Sentence());
    }
}
