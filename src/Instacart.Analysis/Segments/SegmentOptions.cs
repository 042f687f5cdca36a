namespace Instacart.Analysis.Segments;

/// <summary>How customers are clustered and how the number of clusters is chosen.</summary>
public sealed record SegmentOptions
{
    /// <summary>The defaults.</summary>
    public static SegmentOptions Default { get; } = new();

    /// <summary>The smallest number of clusters tried.</summary>
    public int MinK { get; init; } = 2;

    /// <summary>The largest number of clusters tried.</summary>
    public int MaxK { get; init; } = 8;

    /// <summary>The seed of every random choice (k-means initialisation, silhouette sample, PCA, chart sample).</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The mean silhouette is computed on a seeded sample of at most this many customers (it costs n² distances).</summary>
    public int SilhouetteSample { get; init; } = 2_000;

    /// <summary>
    /// The k-means centres and the PCA are fitted on a seeded sample of at most this many customers; every customer is
    /// then assigned to the nearest centre and projected (so profiles and sizes are of all customers).
    /// </summary>
    public int FitSample { get; init; } = 25_000;

    /// <summary>How many k-means runs (different seeds) are made per k; the one with the smallest within-cluster distance is kept.</summary>
    public int Restarts { get; init; } = 3;

    /// <summary>The most Lloyd iterations of one k-means run.</summary>
    public int MaxIterations { get; init; } = 300;

    /// <summary>A k-means run stops when its objective improves by less than this (ML.NET's optimization tolerance).</summary>
    public double Tolerance { get; init; } = 1e-7;

    /// <summary>The most points a scatter chart is given (a seeded sample of <see cref="CustomerSegments.Projection"/>).</summary>
    public int ChartPoints { get; init; } = 5_000;

    /// <summary>A standardized centroid deviation (in standard deviations) smaller than this does not name a cluster.</summary>
    public double NamingThreshold { get; init; } = 0.25;
}
