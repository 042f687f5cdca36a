using Instacart.Analysis.Segments;

namespace Instacart.Analysis.Tests.Segments;

public class SilhouetteTests
{
    [Fact]
    public void Mean_FourPointsOnALine_MatchesTheHandWorkedValue()
    {
        // 0, 1 | 10, 11. Point 0: a = 1, b = (10 + 11) / 2 = 10.5, s = 9.5 / 10.5 = 19/21.
        // Point 1: a = 1, b = (9 + 10) / 2 = 9.5, s = 8.5 / 9.5 = 17/19; 10 and 11 mirror 1 and 0.
        float[][] points = [[0f], [1f], [10f], [11f]];
        int[] labels = [0, 0, 1, 1];

        var expected = ((19.0 / 21) + (17.0 / 19)) / 2; // = 718/798 ≈ 0.89975

        Assert.Equal(expected, Silhouette.Mean(points, labels), 12);
    }

    [Fact]
    public void Mean_TightFarApartBlobs_IsNearOne()
    {
        var random = new Random(1);
        var points = new List<float[]>();
        var labels = new List<int>();
        foreach (var (x, y, label) in new[] { (0f, 0f, 0), (100f, 100f, 1), (-100f, 100f, 2) })
        {
            for (var i = 0; i < 20; i++)
            {
                points.Add([x + ((float)random.NextDouble() * 0.02f), y + ((float)random.NextDouble() * 0.02f)]);
                labels.Add(label);
            }
        }

        Assert.InRange(Silhouette.Mean(points, labels), 0.999, 1.0);
    }

    [Fact]
    public void Mean_WrongLabels_AreNegative()
    {
        float[][] points = [[0f], [1f], [10f], [11f]];

        Assert.True(Silhouette.Mean(points, [0, 1, 0, 1]) < 0);
    }

    [Fact]
    public void Mean_PointAloneInItsCluster_CountsZero()
    {
        // 0 and 1 together (each s = (b − a) / b with b the distance to 10), 10 alone: s = 0.
        float[][] points = [[0f], [1f], [10f]];
        var expected = ((9.0 / 10) + (8.0 / 9) + 0) / 3;

        Assert.Equal(expected, Silhouette.Mean(points, [0, 0, 1]), 12);
    }

    [Fact]
    public void Mean_OneCluster_IsZero()
    {
        Assert.Equal(0, Silhouette.Mean([[0f], [1f]], [0, 0]));
    }

    [Fact]
    public void SampleRows_IsSeededAndCapped()
    {
        var a = Silhouette.SampleRows(10_000, 2_000, 7);

        Assert.Equal(2_000, a.Length);
        Assert.Equal(a, Silhouette.SampleRows(10_000, 2_000, 7));
        Assert.NotEqual(a, Silhouette.SampleRows(10_000, 2_000, 8));
        Assert.Equal(a.Length, a.Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 5), Silhouette.SampleRows(5, 2_000, 7));
    }

    [Fact]
    public void Sampled_WholePopulation_EqualsMean()
    {
        float[][] points = [[0f], [1f], [10f], [11f]];
        int[] labels = [0, 0, 1, 1];

        Assert.Equal(Silhouette.Mean(points, labels), Silhouette.Sampled(points, labels, 100, 3), 12);
    }
}
