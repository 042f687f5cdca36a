using Instacart.Analysis.Segments;

namespace Instacart.Analysis.Tests.Segments;

public class KMeansSelectionTests
{
    /// <summary>Three round blobs of 60 points, centres 20 standard deviations apart, seeded.</summary>
    private static (List<float[]> Points, List<int> Blob) Blobs(int seed = 5)
    {
        var random = new Random(seed);
        var points = new List<float[]>();
        var blob = new List<int>();
        (float X, float Y)[] centres = [(0, 0), (20, 0), (0, 20)];
        for (var i = 0; i < 180; i++)
        {
            var b = i % 3;
            points.Add([centres[b].X + Normal(random), centres[b].Y + Normal(random), Normal(random)]);
            blob.Add(b);
        }

        return (points, blob);
    }

    private static float Normal(Random random) =>
        (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));

    [Fact]
    public void Run_ThreeSeparatedBlobs_ChoosesThreeAndRecoversThem()
    {
        var (points, blob) = Blobs();

        var selection = KMeansSelection.Run(points);

        Assert.Equal(3, selection.ChosenK);
        Assert.Equal(Enumerable.Range(2, 7), selection.Criteria.Select(c => c.K));
        Assert.True(selection.Criteria.Single(c => c.K == 3).Silhouette > 0.8);
        Assert.Equal(selection.Criteria.MaxBy(c => c.Silhouette)!.K, selection.ChosenK);
        // Every blob is exactly one cluster.
        for (var b = 0; b < 3; b++)
        {
            Assert.Single(Enumerable.Range(0, points.Count).Where(i => blob[i] == b).Select(i => selection.Labels[i]).Distinct());
        }

        Assert.Equal(3, selection.Labels.Distinct().Count());
    }

    [Fact]
    public void Run_WithinDistance_FallsAsKGrows()
    {
        var criteria = KMeansSelection.Run(Blobs().Points).Criteria;

        Assert.True(criteria[0].WithinDistance > criteria[1].WithinDistance);   // the elbow: 2 → 3 drops a lot
        Assert.InRange(criteria[1].WithinDistance, 2.0, 3.5);                   // unit-variance blobs in 3-D: about 3
    }

    [Fact]
    public void Run_SameSeed_GivesTheSameClustersAndLabels()
    {
        var points = Blobs().Points;
        var options = new SegmentOptions { Seed = 11 };

        var a = KMeansSelection.Run(points, options);
        var b = KMeansSelection.Run(points, options);

        Assert.Equal(a.Labels, b.Labels);
        Assert.Equal(a.Criteria, b.Criteria);
    }

    [Fact]
    public void Run_Labels_AreNumberedBySizeLargestFirst()
    {
        var (points, _) = Blobs();
        var bigger = points.Take(120).Concat(points.Where((_, i) => i % 3 == 0)).ToList(); // blob 0 twice as large

        var selection = KMeansSelection.Run(bigger);
        var sizes = Enumerable.Range(0, selection.ChosenK).Select(c => selection.Labels.Count(l => l == c)).ToArray();

        Assert.Equal(sizes.OrderByDescending(s => s), sizes);
    }

    [Fact]
    public void Run_FitSampleSmallerThanThePoints_StillLabelsEveryPointAndRecoversTheBlobs()
    {
        var (points, blob) = Blobs();

        var selection = KMeansSelection.Run(points, new SegmentOptions { FitSample = 60 });

        Assert.Equal(60, selection.FitSample);
        Assert.Equal(3, selection.ChosenK);
        Assert.Equal(points.Count, selection.Labels.Length);
        for (var b = 0; b < 3; b++)
        {
            Assert.Single(Enumerable.Range(0, points.Count).Where(i => blob[i] == b).Select(i => selection.Labels[i]).Distinct());
        }

        // Each centroid is the mean of every point assigned to it, not only of the fitted ones.
        var members = Enumerable.Range(0, points.Count).Where(i => selection.Labels[i] == 0).ToArray();
        Assert.Equal(members.Average(i => points[i][0]), selection.Centroids[0][0], 5);
    }

    [Fact]
    public void Run_TooFewPoints_PutsEveryoneInOneCluster()
    {
        var selection = KMeansSelection.Run([[0f, 1f], [1f, 0f]]);

        Assert.Equal(1, selection.ChosenK);
        Assert.Empty(selection.Criteria);
        Assert.Equal([0, 0], selection.Labels);
    }
}
