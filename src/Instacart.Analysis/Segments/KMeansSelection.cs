using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Instacart.Analysis.Segments;

/// <summary>One candidate number of clusters and how well it fits.</summary>
/// <param name="K">The number of clusters.</param>
/// <param name="Silhouette">The mean silhouette on the seeded sample (higher is better; the criterion).</param>
/// <param name="WithinDistance">Mean squared distance of a point to its cluster centre, in standardized units (for an elbow chart).</param>
public sealed record CriterionRow(int K, double Silhouette, double WithinDistance);

/// <summary>
/// Runs seeded ML.NET k-means for every k of a range on standardized points and keeps the k with the highest mean
/// silhouette (ties: the smaller k). Cluster labels are made canonical: 0 is the largest cluster, then by size
/// descending (ties: centroid coordinates), so the same points give the same labels.
/// </summary>
public sealed class KMeansSelection
{
    private KMeansSelection(IReadOnlyList<CriterionRow> criteria, int chosenK, int[] labels, double[][] centroids, int silhouetteSample)
    {
        Criteria = criteria;
        ChosenK = chosenK;
        Labels = labels;
        Centroids = centroids;
        SilhouetteSample = silhouetteSample;
    }

    /// <summary>Every k tried, ascending.</summary>
    public IReadOnlyList<CriterionRow> Criteria { get; }

    /// <summary>The chosen number of clusters.</summary>
    public int ChosenK { get; }

    /// <summary>Each point's cluster under the chosen k, 0..ChosenK−1, 0 the largest.</summary>
    public int[] Labels { get; }

    /// <summary>The centroids (mean point of each cluster) under the chosen k, by label.</summary>
    public double[][] Centroids { get; }

    /// <summary>How many points the silhouette was computed on.</summary>
    public int SilhouetteSample { get; }

    /// <summary>Clusters <paramref name="points"/> (already standardized) for every k of the options' range and picks one.</summary>
    public static KMeansSelection Run(IReadOnlyList<float[]> points, SegmentOptions? options = null)
    {
        options ??= SegmentOptions.Default;
        var n = points.Count;
        var maxK = Math.Min(options.MaxK, n - 1);
        if (n == 0 || maxK < options.MinK)
        {
            // Too few points to compare clusterings: everyone in one cluster.
            var dims = n == 0 ? 0 : points[0].Length;
            var labels = new int[n];
            return new KMeansSelection([], n == 0 ? 0 : 1, labels, n == 0 ? [] : [Centroid(points, labels, 0, dims)], 0);
        }

        var sample = Silhouette.SampleRows(n, options.SilhouetteSample, options.Seed);
        var distances = Silhouette.Distances(points, sample);
        // Each k is clustered on its own (single-threaded, seeded from k), so the ks run in parallel and the
        // result does not depend on the number of cores.
        var ks = Enumerable.Range(options.MinK, maxK - options.MinK + 1).ToArray();
        var runs = new (int[] Labels, double[][] Centroids, double Within, double Silhouette)[ks.Length];
        Parallel.For(0, ks.Length, i =>
        {
            var view = ToDataView(new MLContext(options.Seed), points);
            var (labels, centroids, within) = BestOfRestarts(view, points, ks[i], options);
            runs[i] = (labels, centroids, within, Silhouette.FromDistances(distances, sample.Select(r => labels[r]).ToArray()));
        });

        var criteria = new List<CriterionRow>();
        var best = 0;
        for (var i = 0; i < ks.Length; i++)
        {
            criteria.Add(new CriterionRow(ks[i], runs[i].Silhouette, runs[i].Within));
            if (runs[i].Silhouette > runs[best].Silhouette + 1e-12)
            {
                best = i;
            }
        }

        return new KMeansSelection(criteria, runs[best].Centroids.Length, runs[best].Labels, runs[best].Centroids, sample.Length);
    }

    /// <summary>The squared Euclidean distance of two points.</summary>
    internal static double SquaredDistance(float[] point, double[] centre)
    {
        double sum = 0;
        for (var f = 0; f < point.Length; f++)
        {
            var d = point[f] - centre[f];
            sum += d * d;
        }

        return sum;
    }

    /// <summary>Loads points into an ML.NET view with one fixed-size vector column <c>Features</c>.</summary>
    internal static IDataView ToDataView(MLContext ml, IReadOnlyList<float[]> points)
    {
        var dims = points.Count == 0 ? 1 : points[0].Length;
        var schema = SchemaDefinition.Create(typeof(PointRow));
        schema[nameof(PointRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dims);
        return ml.Data.LoadFromEnumerable(points.Select(p => new PointRow { Features = p }), schema);
    }

    private static (int[] Labels, double[][] Centroids, double Within) BestOfRestarts(IDataView view, IReadOnlyList<float[]> points, int k, SegmentOptions options)
    {
        (int[] Labels, double[][] Centroids, double Within)? best = null;
        for (var r = 0; r < Math.Max(1, options.Restarts); r++)
        {
            // One context per run, seeded from (seed, k, restart): each run is repeatable on its own.
            var ml = new MLContext(unchecked(options.Seed + (1_000 * k) + r));
            var trainer = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options
            {
                FeatureColumnName = nameof(PointRow.Features),
                NumberOfClusters = k,
                NumberOfThreads = 1,
                InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
                MaximumNumberOfIterations = options.MaxIterations,
                OptimizationTolerance = 1e-7f,
            });
            var model = trainer.Fit(view).Model;
            VBuffer<float>[] centres = [];
            model.GetClusterCentroids(ref centres, out var count);
            var centroids = centres.Take(count).Select(c => c.DenseValues().Select(v => (double)v).ToArray()).ToArray();
            var run = Canonical(points, centroids);
            if (best is null || run.Within < best.Value.Within - 1e-12)
            {
                best = run;
            }
        }

        return best!.Value;
    }

    /// <summary>Assigns each point to its nearest centre, drops empty clusters, recomputes the centres and relabels by size.</summary>
    private static (int[] Labels, double[][] Centroids, double Within) Canonical(IReadOnlyList<float[]> points, double[][] centres)
    {
        var n = points.Count;
        var dims = points[0].Length;
        var raw = new int[n];
        var size = new int[centres.Length];
        for (var i = 0; i < n; i++)
        {
            var nearest = 0;
            var distance = double.PositiveInfinity;
            for (var c = 0; c < centres.Length; c++)
            {
                var d = SquaredDistance(points[i], centres[c]);
                if (d < distance)
                {
                    distance = d;
                    nearest = c;
                }
            }

            raw[i] = nearest;
            size[nearest]++;
        }

        var means = Enumerable.Range(0, centres.Length).Select(c => Centroid(points, raw, c, dims)).ToArray();
        var order = Enumerable.Range(0, centres.Length)
            .Where(c => size[c] > 0)
            .OrderByDescending(c => size[c])
            .ThenBy(c => means[c], CoordinateComparer.Instance)
            .ToArray();
        var relabel = new int[centres.Length];
        for (var i = 0; i < order.Length; i++)
        {
            relabel[order[i]] = i;
        }

        var labels = raw.Select(l => relabel[l]).ToArray();
        var centroids = order.Select(c => means[c]).ToArray();
        double within = 0;
        for (var i = 0; i < n; i++)
        {
            within += SquaredDistance(points[i], centroids[labels[i]]);
        }

        return (labels, centroids, within / n);
    }

    private static double[] Centroid(IReadOnlyList<float[]> points, int[] labels, int cluster, int dims)
    {
        var sum = new double[dims];
        var count = 0;
        for (var i = 0; i < points.Count; i++)
        {
            if (labels[i] == cluster)
            {
                count++;
                for (var f = 0; f < dims; f++)
                {
                    sum[f] += points[i][f];
                }
            }
        }

        for (var f = 0; f < dims; f++)
        {
            sum[f] = count == 0 ? 0 : sum[f] / count;
        }

        return sum;
    }

    /// <summary>One point for ML.NET.</summary>
    internal sealed class PointRow
    {
        /// <summary>The standardized features.</summary>
        public float[] Features { get; set; } = [];
    }

    private sealed class CoordinateComparer : IComparer<double[]>
    {
        public static readonly CoordinateComparer Instance = new();

        public int Compare(double[]? x, double[]? y)
        {
            for (var i = 0; i < Math.Min(x!.Length, y!.Length); i++)
            {
                var c = x[i].CompareTo(y[i]);
                if (c != 0)
                {
                    return c;
                }
            }

            return 0;
        }
    }
}
