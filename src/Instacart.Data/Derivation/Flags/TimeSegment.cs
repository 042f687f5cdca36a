namespace Instacart.Data.Derivation;

/// <summary>SPEC §4 time_segment.</summary>
public enum TimeSegment : byte
{
    /// <summary>04–09.</summary>
    EarlyBirds,

    /// <summary>10–15.</summary>
    Midday,

    /// <summary>16–21.</summary>
    Evening,

    /// <summary>22–03.</summary>
    NightOwls,
}
