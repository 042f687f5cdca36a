using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Instacart.Analysis.Writing;

namespace Instacart.Analysis.Tests.References;

/// <summary>
/// The rows of an answer through System.Text.Json's serializer (snake_case names, enums as their labels): how
/// <c>answers.json</c> was written before <see cref="RowJson"/>, for the fast path to be compared with.
/// </summary>
internal static class ReferenceRowJson
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new LabelConverter() },
    };

    /// <summary>The rows as the serializer's nodes.</summary>
    public static JsonArray ToJson(object rows) => JsonSerializer.SerializeToNode(rows, rows.GetType(), Json)!.AsArray();

    /// <summary>Writes every enum as its label, including a property typed <see cref="Enum"/>.</summary>
    private sealed class LabelConverter : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum || typeToConvert == typeof(Enum);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            typeToConvert == typeof(Enum)
                ? new AnyWriter()
                : (JsonConverter)Activator.CreateInstance(typeof(Writer<>).MakeGenericType(typeToConvert))!;

        private sealed class Writer<TEnum> : JsonConverter<TEnum>
            where TEnum : struct, Enum
        {
            public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

            public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) => writer.WriteStringValue(EnumLabels.Of(value));
        }

        private sealed class AnyWriter : JsonConverter<Enum>
        {
            public override Enum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

            public override void Write(Utf8JsonWriter writer, Enum value, JsonSerializerOptions options) => writer.WriteStringValue(EnumLabels.Of(value));
        }
    }
}
