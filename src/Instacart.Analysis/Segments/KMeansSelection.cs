using Instacart.Analysis.Writing;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Instacart.Analysis.Segments;

/// <summary>One candidate number of clusters and how well it fits.</summary>
/// <param name="K">The number of clusters.</param>
/// <param name="Silhouette">The mean silhouette on the seeded sample (higher is better; the criterion).</param>
/// <param name="WithinDistance">Mean squared distance of every point to its nearest fitted centre, in standardized units (for an elbow chart).</param>
public sealed record CriterionRow([property: TableColumn("Clusters")] int K, [property: TableColumn("Mean silhouette")] double Silhouette, [property: TableColumn("Within-cluster distance")] double WithinDistance);

/// <summary>
/// Runs seeded ML.NET k-means for every k of a range on standardized points and keeps the k with the highest mean
/// silhouette (ties: the smaller k). At scale the centres are fitted on a seeded sample of the points (see
/// <see cref="SegmentOptions.FitSample"/>) and every point is then assigned to its nearest centre; each cluster's
/// centroid is the mean of all the points assigned to it. Cluster labels are made canonical: 0 is the largest
/// cluster, then by size descending (ties: centroid coordinates), so the same points give the same labels.
/// </summary>
public sealed class KMeansSelection
{
    private KMeansSelection(IReadOnlyList<CriterionRow> criteria, int chosenK, int[] labels, double[][] centroids, int silhouetteSample, int fitSample)
    {
        Criteria = criteria;
        ChosenK = chosenK;
        Labels = labels;
        Centroids = centroids;
        SilhouetteSample = silhouetteSample;
        FitSample = fitSample;
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

    /// <summary>How many points the k-means centres were fitted on (all of them when there are few enough).</summary>
    public int FitSample { get; }

    /// <summary>Clusters <paramref name="points"/> (already standardized) for every k of the options' range and picks one.</summary>
    public static KMeansSelection Run(IReadOnlyList<float[]> points, SegmentOptions? options = null)
    {
        options ??= SegmentOptions.Default;
        var n = points.Count;
        var maxK = Math.Min(options.MaxK, n - 1);
        if (n == 0 || maxK < options.MinK)
        {
            // Too few points to compare clusterings: everyone in one cluster.
            var labels = new int[n];
            return new KMeansSelection([], n == 0 ? 0 : 1, labels, n == 0 ? [] : Canonical(points, labels, 1).Centroids, 0, 0);
        }

        // The centres are fitted on a seeded sample (its own seed, so it is not the silhouette's sample); the
        // silhouette sample is drawn from all the points.
        var fitRows = Silhouette.SampleRows(n, Math.Max(options.FitSample, maxK + 1), FitSeed(options.Seed));
        IReadOnlyList<float[]> fit = fitRows.Length == n ? points : Array.ConvertAll(fitRows, r => points[r]);
        var silhouetteRows = Silhouette.SampleRows(n, options.SilhouetteSample, options.Seed);

        // Every (k, restart) is fitted on its own (single-threaded, seeded from seed, k and restart), so they run in
        // parallel and the result does not depend on the number of cores.
        var ks = Enumerable.Range(options.MinK, maxK - options.MinK + 1).ToArray();
        var restarts = Math.Max(1, options.Restarts);
        var fits = new (double[][] Centres, double Within)[ks.Length * restarts];
        // The sample is loaded into ML.NET's in-memory cache once (read through in full here) and shared by every run.
        var shared = new MLContext(options.Seed);
        var view = shared.Data.Cache(ToDataView(shared, fit));
        using (var cursor = view.GetRowCursor(view.Schema))
        {
            while (cursor.MoveNext())
            {
            }
        }

        Parallel.For(0, fits.Length, t =>
        {
            // Largest k first: the longest runs start early, so the cores finish together.
            var task = fits.Length - 1 - t;
            fits[task] = Fit(view, fit, ks[task / restarts], task % restarts, options);
        });

        // Per k, the restart with the smallest within-cluster distance on the fitted sample (ties: the first); every
        // point is assigned to its nearest centre.
        var runs = new (int[] Labels, double[][] Centres, double Within)[ks.Length];
        Parallel.For(0, ks.Length, i =>
        {
            var best = i * restarts;
            for (var r = 1; r < restarts; r++)
            {
                if (fits[(i * restarts) + r].Within < fits[best].Within - 1e-12)
                {
                    best = (i * restarts) + r;
                }
            }

            var (labels, within) = Assign(points, fits[best].Centres);
            runs[i] = (labels, fits[best].Centres, within);
        });

        var silhouettes = Silhouette.MeanOfSample(points, silhouetteRows, runs.Select(r => r.Labels).ToArray());
        var criteria = new List<CriterionRow>();
        var chosen = 0;
        for (var i = 0; i < ks.Length; i++)
        {
            criteria.Add(new CriterionRow(ks[i], silhouettes[i], runs[i].Within));
            if (silhouettes[i] > silhouettes[chosen] + 1e-12)
            {
                chosen = i;
            }
        }

        var (chosenLabels, centroids) = Canonical(points, runs[chosen].Labels, runs[chosen].Centres.Length);
        return new KMeansSelection(criteria, centroids.Length, chosenLabels, centroids, silhouetteRows.Length, fitRows.Length);
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

    /// <summary>The seed of the k-means fitting sample, derived from the options' seed.</summary>
    internal static int FitSeed(int seed) => unchecked((seed * 7919) + 1);

    /// <summary>
    /// One seeded ML.NET k-means run on <paramref name="view"/> (<paramref name="points"/> loaded): its centres and the
    /// mean squared distance of the fitted points to the nearest.
    /// </summary>
    private static (double[][] Centres, double Within) Fit(IDataView view, IReadOnlyList<float[]> points, int k, int restart, SegmentOptions options)
    {
        // One context per run, seeded from (seed, k, restart): each run is repeatable on its own.
        var ml = new MLContext(unchecked(options.Seed + (1_000 * k) + restart));
        var trainer = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options
        {
            FeatureColumnName = nameof(PointRow.Features),
            NumberOfClusters = k,
            NumberOfThreads = 1,
            InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
            MaximumNumberOfIterations = options.MaxIterations,
            OptimizationTolerance = (float)options.Tolerance,
        });
        var model = trainer.Fit(view).Model;
        VBuffer<float>[] centres = [];
        model.GetClusterCentroids(ref centres, out var count);
        var result = centres.Take(count).Select(c => c.DenseValues().Select(v => (double)v).ToArray()).ToArray();
        double within = 0;
        foreach (var point in points)
        {
            within += SquaredDistance(point, result[Nearest(point, result)]);
        }

        return (result, within / points.Count);
    }

    private static int Nearest(float[] point, double[][] centres)
    {
        var nearest = 0;
        var distance = double.PositiveInfinity;
        for (var c = 0; c < centres.Length; c++)
        {
            var d = SquaredDistance(point, centres[c]);
            if (d < distance)
            {
                distance = d;
                nearest = c;
            }
        }

        return nearest;
    }

    /// <summary>Each point's nearest centre (ties: the lower index) and the mean squared distance to it.</summary>
    private static (int[] Labels, double Within) Assign(IReadOnlyList<float[]> points, double[][] centres)
    {
        var labels = new int[points.Count];
        double within = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var point = points[i];
            var nearest = Nearest(point, centres);
            labels[i] = nearest;
            within += SquaredDistance(point, centres[nearest]);
        }

        return (labels, labels.Length == 0 ? 0 : within / labels.Length);
    }

    /// <summary>
    /// Drops empty clusters, makes each centroid the mean of its points and relabels by size (largest first; ties:
    /// centroid coordinates). Returns the new labels and the centroids by new label.
    /// </summary>
    private static (int[] Labels, double[][] Centroids) Canonical(IReadOnlyList<float[]> points, int[] raw, int k)
    {
        var dims = points.Count == 0 ? 0 : points[0].Length;
        var size = new int[k];
        var means = new double[k][];
        for (var c = 0; c < k; c++)
        {
            means[c] = new double[dims];
        }

        for (var i = 0; i < raw.Length; i++)
        {
            var point = points[i];
            var sum = means[raw[i]];
            size[raw[i]]++;
            for (var f = 0; f < dims; f++)
            {
                sum[f] += point[f];
            }
        }

        for (var c = 0; c < k; c++)
        {
            for (var f = 0; f < dims; f++)
            {
                means[c][f] = size[c] == 0 ? 0 : means[c][f] / size[c];
            }
        }

        var order = Enumerable.Range(0, k)
            .Where(c => size[c] > 0)
            .OrderByDescending(c => size[c])
            .ThenBy(c => means[c], CoordinateComparer.Instance)
            .ToArray();
        var relabel = new int[k];
        for (var i = 0; i < order.Length; i++)
        {
            relabel[order[i]] = i;
        }

        return (Array.ConvertAll(raw, l => relabel[l]), Array.ConvertAll(order, c => means[c]));
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
