namespace Instacart.Data.Derivation;

/// <summary>SPEC §4 loyalty.</summary>
public enum Loyalty : byte
{
    /// <summary>Highest order number ≤ 10.</summary>
    New,

    /// <summary>10 &lt; highest order number ≤ 40.</summary>
    Regular,

    /// <summary>Highest order number &gt; 40.</summary>
    Loyal,
}
