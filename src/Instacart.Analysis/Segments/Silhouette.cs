namespace Instacart.Analysis.Segments;

/// <summary>
/// The silhouette of a clustering: for a point, a = mean distance to the other points of its cluster, b = the
/// smallest mean distance to the points of another cluster, s = (b − a) / max(a, b) (0 for a point alone in its
/// cluster). Near 1: compact, well separated clusters; near 0: overlapping; negative: misassigned. Euclidean distance.
/// </summary>
public static class Silhouette
{
    /// <summary>The mean silhouette of every point; 0 when fewer than two clusters are present.</summary>
    /// <param name="points">The points, all of one dimension.</param>
    /// <param name="labels">Each point's cluster, 0..k−1.</param>
    public static double Mean(IReadOnlyList<float[]> points, IReadOnlyList<int> labels)
    {
        var all = Enumerable.Range(0, points.Count).ToArray();
        return Mean(points, labels, all);
    }

    /// <summary>
    /// The mean silhouette over a seeded sample of at most <paramref name="sampleSize"/> points, the distances
    /// taken within the sample (so the cost is at most sampleSize² distances, whatever the population).
    /// </summary>
    public static double Sampled(IReadOnlyList<float[]> points, IReadOnlyList<int> labels, int sampleSize, int seed) =>
        Mean(points, labels, SampleRows(points.Count, sampleSize, seed));

    /// <summary>A seeded sample of at most <paramref name="size"/> of the rows 0..count−1, ascending.</summary>
    public static int[] SampleRows(int count, int size, int seed)
    {
        if (count <= size)
        {
            return Enumerable.Range(0, count).ToArray();
        }

        // Partial Fisher–Yates: the first `size` slots of a seeded shuffle.
        var rows = Enumerable.Range(0, count).ToArray();
        var random = new Random(seed);
        for (var i = 0; i < size; i++)
        {
            var j = random.Next(i, count);
            (rows[i], rows[j]) = (rows[j], rows[i]);
        }

        var sample = rows.AsSpan(0, size).ToArray();
        Array.Sort(sample);
        return sample;
    }

    /// <summary>The distance matrix of <paramref name="rows"/> (row-major, symmetric), so several clusterings of one sample share it.</summary>
    internal static double[] Distances(IReadOnlyList<float[]> points, int[] rows)
    {
        var n = rows.Length;
        var distances = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            var a = points[rows[i]];
            for (var j = i + 1; j < n; j++)
            {
                var b = points[rows[j]];
                double sum = 0;
                for (var f = 0; f < a.Length; f++)
                {
                    var d = (double)a[f] - b[f];
                    sum += d * d;
                }

                distances[(i * n) + j] = distances[(j * n) + i] = Math.Sqrt(sum);
            }
        }

        return distances;
    }

    /// <summary>The mean silhouette of a sample from its distance matrix and the sampled points' labels.</summary>
    internal static double FromDistances(double[] distances, int[] labels)
    {
        var n = labels.Length;
        if (n == 0)
        {
            return 0;
        }

        var k = labels.Max() + 1;
        var size = new int[k];
        foreach (var l in labels)
        {
            size[l]++;
        }

        if (size.Count(s => s > 0) < 2)
        {
            return 0;
        }

        var sums = new double[k];
        double total = 0;
        for (var i = 0; i < n; i++)
        {
            Array.Clear(sums);
            for (var j = 0; j < n; j++)
            {
                sums[labels[j]] += distances[(i * n) + j];
            }

            var own = labels[i];
            if (size[own] == 1)
            {
                continue; // s = 0 for a point alone in its cluster
            }

            var a = sums[own] / (size[own] - 1);
            var b = double.PositiveInfinity;
            for (var c = 0; c < k; c++)
            {
                if (c != own && size[c] > 0)
                {
                    b = Math.Min(b, sums[c] / size[c]);
                }
            }

            var denominator = Math.Max(a, b);
            total += denominator == 0 ? 0 : (b - a) / denominator;
        }

        return total / n;
    }

    private static double Mean(IReadOnlyList<float[]> points, IReadOnlyList<int> labels, int[] rows)
    {
        if (points.Count != labels.Count)
        {
            throw new ArgumentException("One label per point is needed.", nameof(labels));
        }

        var distances = Distances(points, rows);
        return FromDistances(distances, rows.Select(r => labels[r]).ToArray());
    }
}
