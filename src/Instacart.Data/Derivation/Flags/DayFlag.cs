namespace Instacart.Data.Derivation;

/// <summary>SPEC §4 busiest_days flag.</summary>
public enum DayFlag : byte
{
    /// <summary>The top-ranked days.</summary>
    BusiestDays,

    /// <summary>The days between.</summary>
    RegularlyBusy,

    /// <summary>The bottom-ranked days.</summary>
    SlowestDays,
}
