namespace Instacart.Analysis.Affinity;

/// <summary>Which products are paired and which pairs are reported.</summary>
public sealed record AffinityOptions
{
    /// <summary>The defaults.</summary>
    public static AffinityOptions Default { get; } = new();

    /// <summary>Pairs are counted among this many most-ordered products (ties: lower product id).</summary>
    public int PopularProducts { get; init; } = 500;

    /// <summary>A pair must be in at least this share of orders to be reported.</summary>
    public double MinSupport { get; init; } = 0.0005;

    /// <summary>…and in at least this many orders, whatever the share (small samples).</summary>
    public int MinPairOrders { get; init; } = 5;

    /// <summary>How many pairs, by lift, are reported.</summary>
    public int TopPairs { get; init; } = 25;
}
