using System.Globalization;
using System.Text.Json.Nodes;

namespace Instacart.Notebooks.Changes;

/// <summary>What a field of an <c>answers.json</c> row is: part of the row's identity, a classification, or a measure of some kind.</summary>
internal enum FieldKind
{
    /// <summary>Identifies the row (a label, a group, an id such as <c>dow</c> or <c>hour</c>).</summary>
    Key,

    /// <summary>A class the row was put in from its numbers (<c>flag</c>, <c>quadrant</c>, <c>top_department</c>).</summary>
    Class,

    /// <summary>A count.</summary>
    Count,

    /// <summary>A proportion between 0 and 1.</summary>
    Share,

    /// <summary>An amount of money.</summary>
    Money,

    /// <summary>Any other number (a mean, a median).</summary>
    Other,

    /// <summary>Derived from other fields of the row or repeated across rows: not compared.</summary>
    Ignored,
}

/// <summary>
/// How the comparison reads <c>answers.json</c>: each question's title, each row's label, each field's kind, and the
/// rankings worth naming. Questions it does not know are still compared, by the kinds their field names suggest.
/// </summary>
internal static class AnswerFields
{
    private static readonly Dictionary<string, string> Titles = new(StringComparer.Ordinal)
    {
        ["busiest_days"] = "Busiest days of the week",
        ["busiest_hours"] = "Busiest hours of the day",
        ["spend_by_hour"] = "Spending by hour",
        ["hour_quadrants"] = "Busy and pricey hours",
        ["price_ranges"] = "Price ranges",
        ["departments"] = "Departments",
        ["department_mix"] = "Department mix by customer group",
        ["time_segments"] = "Times of day",
        ["loyalty"] = "Loyalty",
        ["regions"] = "Regions",
        ["age_family"] = "Age and family",
        ["income"] = "Income",
        ["profiles"] = "Customer profiles",
        ["baby_households"] = "Households with babies",
        ["spender_frequency"] = "Spending and ordering frequency",
        ["reconciliation"] = "Data preparation (rows read, kept and dropped)",
    };

    /// <summary>The rankings worth naming: by which measure, and what the first (and last) place is called.</summary>
    private static readonly Dictionary<string, Ranking> Rankings = new(StringComparer.Ordinal)
    {
        ["busiest_days"] = new("orders", "busiest day", "quietest day"),
        ["busiest_hours"] = new("orders", "busiest hour", "quietest hour"),
        ["spend_by_hour"] = new("revenue", "hour with the most revenue", null),
        ["price_ranges"] = new("revenue", "price range with the most revenue", null),
        ["departments"] = new("revenue", "department with the most revenue", null),
        ["time_segments"] = new("orders", "busiest time of day", null),
        ["regions"] = new("revenue", "region with the most revenue", null),
    };

    private static readonly HashSet<string> Classes = new(StringComparer.Ordinal) { "flag", "quadrant", "busy", "pricey", "top_department" };

    private static readonly HashSet<string> Ids = new(StringComparer.Ordinal) { "dow", "hour", "department_id" };

    private static readonly HashSet<string> Counts = new(StringComparer.Ordinal) { "orders", "lines", "customers", "products" };

    private static readonly HashSet<string> Money = new(StringComparer.Ordinal) { "revenue", "mean_order_value", "mean_item_price", "revenue_per_order", "revenue_per_customer" };

    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal) { "overall_share", "share_difference" };

    /// <summary>A ranking: the measure ranked by, what the first place and (when worth naming) the last place are called.</summary>
    internal sealed record Ranking(string Measure, string First, string? Last);

    /// <summary>The question's title in plain words.</summary>
    public static string Title(string question) =>
        Titles.TryGetValue(question, out var title) ? title : char.ToUpperInvariant(question[0]) + question[1..].Replace('_', ' ');

    /// <summary>The ranking worth naming for <paramref name="question"/>, if any.</summary>
    public static Ranking? RankingOf(string question) => Rankings.GetValueOrDefault(question);

    /// <summary>What field <paramref name="name"/> with value <paramref name="value"/> is in <paramref name="question"/>.</summary>
    public static FieldKind KindOf(string question, string name, JsonNode? value)
    {
        if (Classes.Contains(name))
        {
            return FieldKind.Class;
        }

        if (Ids.Contains(name))
        {
            return FieldKind.Key;
        }

        if (value is not JsonValue scalar || !scalar.TryGetValue<double>(out _))
        {
            // Strings and booleans name the row; null and nested values are not compared.
            return value is JsonValue ? FieldKind.Key : FieldKind.Ignored;
        }

        if (Ignored.Contains(name))
        {
            return FieldKind.Ignored;
        }

        if (question == "reconciliation" || Counts.Contains(name) || name.EndsWith("_rows", StringComparison.Ordinal))
        {
            return FieldKind.Count;
        }

        if (Money.Contains(name))
        {
            return FieldKind.Money;
        }

        return name.Contains("share", StringComparison.Ordinal) || name.EndsWith("rate", StringComparison.Ordinal) ? FieldKind.Share : FieldKind.Other;
    }

    /// <summary>A row's label in plain words (e.g. "Saturday", "10:00", "frozen for Middle-aged").</summary>
    public static string Label(string question, JsonObject row)
    {
        string? Text(string name) => row[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (question == "reconciliation")
        {
            return "the data";
        }

        if (Text("label") is { } label)
        {
            return label;
        }

        if (Text("department") is { } department && Text("group") is { } group)
        {
            return $"{department} for {group}";
        }

        if (row["baby_household"] is JsonValue baby && baby.TryGetValue<bool>(out var hasBaby) && Text("profile") is { } profile)
        {
            return $"{profile}, {(hasBaby ? "with a baby" : "no baby")}";
        }

        if (Text("department") is { } name)
        {
            return name;
        }

        var texts = row.Where(p => KindOf(question, p.Key, p.Value) == FieldKind.Key && p.Value is JsonValue v && v.TryGetValue<string>(out _))
            .Select(p => (string)p.Value!).ToList();
        if (texts.Count > 0)
        {
            return string.Join(", ", texts);
        }

        if (row["hour"] is JsonValue hour && hour.TryGetValue<int>(out var h))
        {
            return h.ToString("00", CultureInfo.InvariantCulture) + ":00";
        }

        return string.Join(", ", row.Where(p => KindOf(question, p.Key, p.Value) == FieldKind.Key).Select(p => $"{p.Key} {p.Value?.ToJsonString()}"));
    }

    /// <summary>The identity of a row: its key fields and their values, so the same row is found in the other report.</summary>
    public static string Identity(string question, JsonObject row) =>
        string.Join("|", row.Where(p => KindOf(question, p.Key, p.Value) == FieldKind.Key).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value?.ToJsonString()}"));

    /// <summary>The row's size for the threshold rule: its orders, else customers, lines or products.</summary>
    public static double? Size(JsonObject row) =>
        new[] { "orders", "customers", "lines", "products" }.Select(n => Number(row[n])).FirstOrDefault(v => v is not null);

    /// <summary>What a proportion field is a proportion of, when the row says.</summary>
    public static double? CountBehind(string name, JsonObject row) => name switch
    {
        "reorder_rate" => Number(row["lines"]),
        "high_spender_share" => Number(row["customers"]),
        "share" => Number(row["lines"]) is { } lines && Number(row["share"]) is { } share && share > 0 ? lines / share : null,
        _ => null,
    };

    /// <summary>A number, or null when the value is not one.</summary>
    public static double? Number(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<double>(out var d) && double.IsFinite(d) ? d : null;
}
