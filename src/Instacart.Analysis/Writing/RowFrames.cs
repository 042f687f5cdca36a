using System.Reflection;
using System.Text.Json;
using Microsoft.Data.Analysis;

namespace Instacart.Analysis.Writing;

/// <summary>Names a row property's column in user-facing frames when it differs from the JSON field.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class FrameColumnAttribute(string name) : Attribute
{
    /// <summary>The column name.</summary>
    public string Name { get; } = name;
}

/// <summary>Turns typed rows into a <see cref="DataFrame"/> with one typed column per property, in declaration order.</summary>
internal static class RowFrames
{
    /// <summary>
    /// Builds the frame: integers become <see cref="Int64DataFrameColumn"/>, numbers
    /// <see cref="DoubleDataFrameColumn"/> (null stays null), text <see cref="StringDataFrameColumn"/>.
    /// Column names are snake_case, or a <see cref="FrameColumnAttribute"/>'s name.
    /// </summary>
    public static DataFrame ToDataFrame<TRow>(IReadOnlyList<TRow> rows)
    {
        var columns = new List<DataFrameColumn>();
        foreach (var property in typeof(TRow).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = property.GetCustomAttribute<FrameColumnAttribute>()?.Name
                ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name);
            columns.Add(Column(name, property, rows, yesNo: false));
        }

        return new DataFrame(columns);
    }

    /// <summary>
    /// A stakeholder's table of <paramref name="shown"/> (already in display order): every property not hidden by a
    /// <see cref="TableColumnAttribute"/>, titled by it or by the property name in words (<c>MeanOrderValue</c> →
    /// <c>Mean order value</c>); the caption counts the rows against <paramref name="total"/>.
    /// </summary>
    public static AnswerTable ToTable<TRow>(IEnumerable<TRow> shown, int total, string noun, string? measure = null, bool inAnswers = true)
    {
        var rows = shown.ToList();
        var columns = new List<DataFrameColumn>();
        foreach (var property in typeof(TRow).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var attribute = property.GetCustomAttribute<TableColumnAttribute>();
            if (attribute is { Hidden: true } || (property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)))
            {
                continue;
            }

            var name = attribute?.Title ?? AnswerTable.Words(property.Name);
            columns.Add(Column(name, property, rows, yesNo: true));
        }

        return new AnswerTable(new DataFrame(columns), AnswerTable.CaptionFor(rows.Count, total, noun, measure, inAnswers));
    }

    /// <summary>
    /// The column of <paramref name="property"/> over <paramref name="rows"/>: integers become
    /// <see cref="Int64DataFrameColumn"/>, numbers <see cref="DoubleDataFrameColumn"/> (null stays null), enums their
    /// label, anything else its text; a flag stays a <see cref="BooleanDataFrameColumn"/>, or reads Yes/No when
    /// <paramref name="yesNo"/> (for a stakeholder's table).
    /// </summary>
    private static DataFrameColumn Column<TRow>(string name, PropertyInfo property, IEnumerable<TRow> rows, bool yesNo)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var values = rows.Select(r => property.GetValue(r)).ToArray();
        return type switch
        {
            _ when type == typeof(int) || type == typeof(long) =>
                new Int64DataFrameColumn(name, values.Select(v => v is null ? (long?)null : Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture))),
            _ when type == typeof(double) =>
                new DoubleDataFrameColumn(name, values.Select(v => (double?)v)),
            _ when type == typeof(bool) && yesNo =>
                new StringDataFrameColumn(name, values.Select(v => v is true ? "Yes" : v is false ? "No" : null)),
            _ when type == typeof(bool) =>
                new BooleanDataFrameColumn(name, values.Select(v => (bool?)v)),
            _ => new StringDataFrameColumn(name, values.Select(v => v is Enum code ? EnumLabels.Of(code) : v?.ToString())),
        };
    }
}
