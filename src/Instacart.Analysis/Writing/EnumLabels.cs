using System.Text.Json;
using System.Text.Json.Serialization;
using Instacart.Data.Derivation;

namespace Instacart.Analysis.Writing;

/// <summary>
/// The words of the flag and group enums that rows keep (<see cref="Labels"/>), applied only where a row is written:
/// in <c>answers.json</c>, a table or a frame.
/// </summary>
internal static class EnumLabels
{
    /// <summary>The label of a flag or group; any other enum by its name.</summary>
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
        _ => value.ToString(),
    };

    /// <summary>A JSON converter that writes every enum as its label (rows are written, never read back).</summary>
    public sealed class LabelConverter : JsonConverterFactory
    {
        /// <inheritdoc />
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

        /// <inheritdoc />
        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(Writer<>).MakeGenericType(typeToConvert))!;

        private sealed class Writer<TEnum> : JsonConverter<TEnum>
            where TEnum : struct, Enum
        {
            public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
                throw new NotSupportedException("Rows are written to answers.json, not read from it.");

            public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) => writer.WriteStringValue(Of(value));
        }
    }
}
