using System.Text.Json.Serialization;

namespace Instacart.Analysis.Questions;

/// <summary>
/// A way to group active customers by one of their facts; the group within it is that fact's enum value
/// (<see cref="Instacart.Data.Derivation.AgeGroup"/>, <see cref="Instacart.Data.Derivation.Household"/>,
/// <see cref="Instacart.Data.Derivation.IncomeGroup"/> or <see cref="Instacart.Data.Derivation.Region"/>).
/// Each is written under its key (<c>age_group</c>); they are declared in the keys' order.
/// </summary>
public enum CustomerDimension
{
    /// <summary>By age group.</summary>
    [JsonStringEnumMemberName("age_group")]
    AgeGroup,

    /// <summary>By household.</summary>
    [JsonStringEnumMemberName("household")]
    Household,

    /// <summary>By income group.</summary>
    [JsonStringEnumMemberName("income_group")]
    IncomeGroup,

    /// <summary>By US region.</summary>
    [JsonStringEnumMemberName("region")]
    Region,
}
