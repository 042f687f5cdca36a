using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Instacart.Analysis.Writing;

/// <summary>
/// Typed rows as the JSON array of <c>answers.json</c>: one object a row, every public property under its snake_case
/// name, an enum as its label (<see cref="EnumLabels"/>), a null as null; the same nodes System.Text.Json's serializer
/// gives the document (which then sorts the keys and rounds the numbers).
/// </summary>
/// <remarks>
/// Not the serializer: its metadata is code compiled at run time for every row type and every enum in it, about a
/// tenth of a second of a run answered from the cache, where this reads the properties by reflection.
/// </remarks>
internal static class RowJson
{
    /// <summary>The rows, in their order, as an array of objects (keys in declaration order, not yet sorted).</summary>
    /// <exception cref="NotSupportedException">A property has a type answers' rows do not use.</exception>
    public static JsonArray ToJson<TRow>(IReadOnlyList<TRow> rows)
        where TRow : class
    {
        var array = new JsonArray();
        foreach (var row in rows)
        {
            var item = new JsonObject();
            foreach (var (name, property) in Fields<TRow>.All)
            {
                item[name] = Value(property.GetValue(row), property);
            }

            array.Add(item);
        }

        return array;
    }

    /// <summary>
    /// A number as the serializer leaves it for the document: a double whose shortest text is an integer (the
    /// serializer writes 3.0 as <c>3</c>) becomes that integer, which the document keeps exact; any other double
    /// stays a double, which the document rounds.
    /// </summary>
    internal static JsonValue Number(double value)
    {
        Span<char> text = stackalloc char[32];
        return value != 0
            && value.TryFormat(text, out var length, provider: CultureInfo.InvariantCulture)
            && long.TryParse(text[..length], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
            ? JsonValue.Create(integer)
            : JsonValue.Create(value);
    }

    private static JsonNode? Value(object? value, PropertyInfo property) => value switch
    {
        null => null,
        double number => Number(number),
        int integer => JsonValue.Create(integer),
        long integer => JsonValue.Create(integer),
        bool flag => JsonValue.Create(flag),
        string text => JsonValue.Create(text),
        Enum code => JsonValue.Create(EnumLabels.Of(code)),
        _ => throw new NotSupportedException($"{property.DeclaringType?.Name}.{property.Name} ({property.PropertyType.Name}) has a type answers' rows do not write."),
    };

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
