using System.Buffers;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Instacart.Analysis.Writing;

/// <summary>
/// Typed rows as the JSON array of <c>answers.json</c>: one object a row, every public property under its snake_case
/// name, an enum as its label (<see cref="EnumLabels"/>), a null as null. Written with <see cref="Utf8JsonWriter"/>'s
/// own number and string forms and parsed back, so the nodes are those System.Text.Json's serializer gave (the
/// document then sorts the keys and rounds the numbers that are not integers).
/// </summary>
/// <remarks>
/// Not the serializer: its metadata is code compiled at run time for every row type and every enum in it, about a
/// tenth of a second of a run answered from the cache, where this reads the properties by reflection.
/// </remarks>
internal static class RowJson
{
    /// <summary>The rows, in their order, as an array of objects (keys in declaration order, not yet sorted).</summary>
    /// <exception cref="NotSupportedException">A property has a type answers' rows do not use.</exception>
    /// <exception cref="ArgumentException">A number is not finite (JSON has no form for it).</exception>
    public static JsonArray ToJson<TRow>(IReadOnlyList<TRow> rows)
        where TRow : class
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var row in rows)
            {
                writer.WriteStartObject();
                foreach (var (name, property) in Fields<TRow>.All)
                {
                    writer.WritePropertyName(name);
                    Write(writer, property.GetValue(row), property);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return JsonNode.Parse(buffer.WrittenSpan)!.AsArray();
    }

    private static void Write(Utf8JsonWriter writer, object? value, PropertyInfo property)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case double number:
                writer.WriteNumberValue(number);
                break;
            case int integer:
                writer.WriteNumberValue(integer);
                break;
            case long integer:
                writer.WriteNumberValue(integer);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case Enum code:
                writer.WriteStringValue(EnumLabels.Of(code));
                break;
            default:
                throw new NotSupportedException($"{property.DeclaringType?.Name}.{property.Name} ({property.PropertyType.Name}) has a type answers' rows do not write.");
        }
    }

    /// <summary>The public properties of <typeparamref name="TRow"/> with their snake_case names, found once a type.</summary>
    private static class Fields<TRow>
    {
        public static readonly (string Name, PropertyInfo Property)[] All =
        [
            .. typeof(TRow).GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0)
                .Select(p => (JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name), p)),
        ];
    }
}
