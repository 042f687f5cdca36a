namespace Instacart.Data.Derivation;

/// <summary>SPEC §4 busiest_period_of_day flag.</summary>
public enum HourFlag : byte
{
    /// <summary>The top-ranked hours.</summary>
    MostOrders,

    /// <summary>The hours between.</summary>
    AverageOrders,

    /// <summary>The bottom-ranked hours.</summary>
    FewestOrders,
}
