namespace Instacart.Data.Derivation;

/// <summary>SPEC §4 price_range.</summary>
public enum PriceRange : byte
{
    /// <summary>Price ≤ 5.</summary>
    Low,

    /// <summary>5 &lt; price ≤ 15.</summary>
    Mid,

    /// <summary>Price &gt; 15.</summary>
    High,

    /// <summary>No known price.</summary>
    Unknown,
}
