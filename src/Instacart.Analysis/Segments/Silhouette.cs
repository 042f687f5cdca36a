namespace Instacart.Analysis.Segments;

/// <summary>
/// The silhouette of a clustering: for a point, a = mean distance to the other points of its cluster, b = the
/// smallest mean distance to the points of another cluster, s = (b − a) / max(a, b) (0 for a point alone in its
/// cluster). Near 1: compact, well separated clusters; near 0: overlapping; negative: misassigned. Euclidean distance.
/// </summary>
internal static class Silhouette
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

    /// <summary>
    /// The mean silhouette of the sampled <paramref name="rows"/> under each of several labellings of all the points
    /// (distances taken within the sample). Each distance is computed once and serves every labelling; nothing of
    /// size rows² is stored. Rows are spread over the cores, each row's sums taken in a fixed order, so the result
    /// does not depend on the number of cores.
    /// </summary>
    internal static double[] MeanOfSample(IReadOnlyList<float[]> points, int[] rows, IReadOnlyList<int[]> labellings)
    {
        var n = rows.Length;
        var m = labellings.Count;
        var means = new double[m];
        if (n == 0 || m == 0)
        {
            return means;
        }

        var dims = points[rows[0]].Length;
        var sample = new float[n * dims];
        for (var i = 0; i < n; i++)
        {
            points[rows[i]].AsSpan().CopyTo(sample.AsSpan(i * dims, dims));
        }

        // The sample's labels, labelling by labelling, and each labelling's offset in a row's table of sums.
        var labels = new int[m][];
        var sizes = new int[m][];
        var offsets = new int[m + 1];
        var clustered = new bool[m];
        for (var l = 0; l < m; l++)
        {
            labels[l] = Array.ConvertAll(rows, r => labellings[l][r]);
            sizes[l] = new int[labels[l].Max() + 1];
            foreach (var c in labels[l])
            {
                sizes[l][c]++;
            }

            clustered[l] = sizes[l].Count(s => s > 0) >= 2;
            offsets[l + 1] = offsets[l] + sizes[l].Length;
        }

        var scores = new double[m * n];
        Parallel.For(0, n, () => new double[offsets[m]], (i, _, sums) =>
        {
            Array.Clear(sums);
            var a = i * dims;
            for (var j = 0; j < n; j++)
            {
                var b = j * dims;
                double sum = 0;
                for (var f = 0; f < dims; f++)
                {
                    var d = (double)sample[a + f] - sample[b + f];
                    sum += d * d;
                }

                var distance = Math.Sqrt(sum);
                for (var l = 0; l < m; l++)
                {
                    sums[offsets[l] + labels[l][j]] += distance;
                }
            }

            for (var l = 0; l < m; l++)
            {
                scores[(l * n) + i] = clustered[l] ? Score(sums.AsSpan(offsets[l], sizes[l].Length), sizes[l], labels[l][i]) : 0;
            }

            return sums;
        }, _ => { });

        for (var l = 0; l < m; l++)
        {
            double total = 0;
            for (var i = 0; i < n; i++)
            {
                total += scores[(l * n) + i];
            }

            means[l] = total / n;
        }

        return means;
    }

    /// <summary>One point's silhouette from its summed distances to every cluster's points (its own distance 0 included).</summary>
    private static double Score(ReadOnlySpan<double> sums, int[] size, int own)
    {
        if (size[own] == 1)
        {
            return 0; // s = 0 for a point alone in its cluster
        }

        var a = sums[own] / (size[own] - 1);
        var b = double.PositiveInfinity;
        for (var c = 0; c < size.Length; c++)
        {
            if (c != own && size[c] > 0)
            {
                b = Math.Min(b, sums[c] / size[c]);
            }
        }

        var denominator = Math.Max(a, b);
        return denominator == 0 ? 0 : (b - a) / denominator;
    }

    private static double Mean(IReadOnlyList<float[]> points, IReadOnlyList<int> labels, int[] rows)
    {
        if (points.Count != labels.Count)
        {
            throw new ArgumentException("One label per point is needed.", nameof(labels));
        }

        return MeanOfSample(points, rows, [labels.ToArray()])[0];
    }
}
