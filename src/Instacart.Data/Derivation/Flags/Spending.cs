namespace Instacart.Data.Derivation;

/// <summary>SPEC §4 spending.</summary>
public enum Spending : byte
{
    /// <summary>Mean known item price below 10, or no known price.</summary>
    Low,

    /// <summary>Mean known item price at least 10.</summary>
    High,
}
