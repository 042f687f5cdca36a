using System.Reflection;
using System.Text.Json.Serialization;
using Instacart.Data.Derivation;
using Instacart.Data.Input;
using Microsoft.Data.Analysis;

namespace Instacart.Analysis.Writing;

/// <summary>
/// The words of the flag and group enums that rows and typed columns keep (<see cref="Labels"/>), applied only where
/// they are written: in <c>answers.json</c>, a sentence, a table, a chart or a frame.
/// </summary>
internal static class EnumLabels
{
    /// <summary>The label of a flag or group; any other enum by its member name attribute or its name.</summary>
    public static string Of(Enum value) => value switch
    {
        DayFlag flag => Labels.Of(flag),
        HourFlag flag => Labels.Of(flag),
        PriceRange range => Labels.Of(range),
        TimeSegment segment => Labels.Of(segment),
        Loyalty loyalty => Labels.Of(loyalty),
        Spending spending => Labels.Of(spending),
        Frequency frequency => Labels.Of(frequency),
        Region region => Labels.Of(region),
        AgeGroup group => Labels.Of(group),
        IncomeGroup group => Labels.Of(group),
        Household household => Labels.Of(household),
        Profile profile => Labels.Of(profile),
        EvalSet set => set.ToString().ToLowerInvariant(), // as orders.csv spells it
        _ => NameOf(value),
    };

    /// <summary>
    /// A text column of the labels of <paramref name="values"/> (a frame of many rows: each distinct value is
    /// labelled once).
    /// </summary>
    public static StringDataFrameColumn Column<TEnum>(string name, IEnumerable<TEnum> values)
        where TEnum : struct, Enum
    {
        var labels = Enum.GetValues<TEnum>().ToDictionary(v => v, v => Of(v));
        return new StringDataFrameColumn(name, values.Select(v => labels.TryGetValue(v, out var label) ? label : Of(v)));
    }

    /// <summary>The name a <see cref="JsonStringEnumMemberNameAttribute"/> gives the value (a key such as <c>age_group</c>), else its name.</summary>
    private static string NameOf(Enum value) =>
        value.GetType().GetField(value.ToString())?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? value.ToString();
}
