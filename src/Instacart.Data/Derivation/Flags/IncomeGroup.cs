namespace Instacart.Data.Derivation;

/// <summary>SPEC §4 income_group.</summary>
public enum IncomeGroup : byte
{
    /// <summary>Income below 50,000.</summary>
    Low,

    /// <summary>50,000 to 120,000.</summary>
    Middle,

    /// <summary>Above 120,000.</summary>
    High,
}
