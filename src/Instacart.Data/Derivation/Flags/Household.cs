namespace Instacart.Data.Derivation;

/// <summary>SPEC §4 household.</summary>
public enum Household : byte
{
    /// <summary>At least one dependant.</summary>
    Parent,

    /// <summary>No dependants.</summary>
    NoDependants,
}
