namespace Instacart.Data.Derivation;

/// <summary>US Census region (SPEC §4).</summary>
public enum Region : byte
{
    /// <summary>Northeast.</summary>
    Northeast,

    /// <summary>Midwest.</summary>
    Midwest,

    /// <summary>South.</summary>
    South,

    /// <summary>West.</summary>
    West,

    /// <summary>A state not listed.</summary>
    Unknown,
}
