namespace Instacart.Data.Derivation;

/// <summary>SPEC §4 profile: age group × household.</summary>
public enum Profile : byte
{
    /// <summary>Young adult with dependants.</summary>
    YoungParent,

    /// <summary>Young adult without dependants.</summary>
    YoungNoDependants,

    /// <summary>Middle-aged with dependants.</summary>
    MiddleAgedParent,

    /// <summary>Middle-aged without dependants.</summary>
    MiddleAgedNoDependants,

    /// <summary>Senior with dependants.</summary>
    SeniorParent,

    /// <summary>Senior without dependants.</summary>
    SeniorNoDependants,
}
