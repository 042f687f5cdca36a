namespace Instacart.Data.Derivation;

/// <summary>SPEC §4 age_group.</summary>
public enum AgeGroup : byte
{
    /// <summary>Age ≤ 35.</summary>
    YoungAdult,

    /// <summary>36–64.</summary>
    MiddleAged,

    /// <summary>Age ≥ 65.</summary>
    Senior,
}
