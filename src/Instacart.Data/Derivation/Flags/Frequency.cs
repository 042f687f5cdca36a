namespace Instacart.Data.Derivation;

/// <summary>SPEC §4 frequency.</summary>
public enum Frequency : byte
{
    /// <summary>Median days between orders ≤ 10.</summary>
    Frequent,

    /// <summary>10 &lt; median ≤ 20.</summary>
    Regular,

    /// <summary>Median &gt; 20.</summary>
    NonFrequent,

    /// <summary>No days value.</summary>
    Unknown,
}
