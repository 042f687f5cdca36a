using System.Globalization;

namespace Instacart.Interactive.Display;

/// <summary>
/// How a table cell reads for a stakeholder, decided by its column title in words: shares and rates as
/// <c>67.4%</c>, differences of shares in percentage points, money as <c>$1,234.56</c>, an hour as <c>15:00</c>,
/// counts with thousands separators, other numbers with two decimals, yes/no for flags.
/// </summary>
internal static class CellText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly string[] PercentWords = ["share", "rate", "support", "confidence", "precision", "recall"];

    private static readonly string[] MoneyWords = ["revenue", "price", "value", "spend"];

    /// <summary>A column title in words: <c>mean_order_value</c> → <c>Mean order value</c>; a title already in words is kept.</summary>
    public static string Title(string name) =>
        name.Contains('_', StringComparison.Ordinal) || (name.Length > 0 && name.All(c => char.IsLower(c) || char.IsDigit(c)))
            ? Instacart.Analysis.Writing.AnswerTable.Words(name)
            : name;

    /// <summary>The cell <paramref name="value"/> of the column titled <paramref name="title"/>, formatted.</summary>
    public static string Format(string title, object? value)
    {
        var words = title.ToLowerInvariant();
        return value switch
        {
            null => "–",
            bool flag => flag ? "Yes" : "No",
            int or long or short or byte when words == "hour" => Convert.ToInt32(value, Invariant).ToString("00", Invariant) + ":00",
            int or long or short or byte or uint or ulong or ushort or sbyte => ((IFormattable)value).ToString("N0", Invariant),
            double or float or decimal => Number(words, Convert.ToDouble(value, Invariant)),
            IFormattable formattable => formattable.ToString(null, Invariant),
            _ => value.ToString() ?? string.Empty,
        };
    }

    /// <summary>Whether the value is a number (right-aligned).</summary>
    public static bool IsNumeric(object? value) => value is sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal;

    private static string Number(string words, double value)
    {
        if (!double.IsFinite(value))
        {
            return "–";
        }

        if (words.Contains("difference", StringComparison.Ordinal) && words.Contains("share", StringComparison.Ordinal))
        {
            return (value * 100).ToString("+0.0;−0.0;0.0", Invariant) + " pts";
        }

        if (PercentWords.Any(w => words.Contains(w, StringComparison.Ordinal)))
        {
            return value.ToString("0.0%", Invariant);
        }

        if (MoneyWords.Any(w => words.Contains(w, StringComparison.Ordinal)))
        {
            return (value < 0 ? "−$" : "$") + Math.Abs(value).ToString("N2", Invariant);
        }

        if (words.Contains("days", StringComparison.Ordinal))
        {
            return value.ToString("N1", Invariant);
        }

        return Math.Abs(value) switch
        {
            >= 100 => value.ToString("N1", Invariant),
            > 0 and < 0.1 => value.ToString("N3", Invariant),
            _ => value.ToString("N2", Invariant),
        };
    }
}
