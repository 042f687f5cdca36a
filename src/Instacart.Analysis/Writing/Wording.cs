using System.Globalization;

namespace Instacart.Analysis.Writing;

/// <summary>How numbers read in answer sentences: invariant culture, thousands separators, dollars, percentages.</summary>
internal static class Wording
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A count: <c>1,234,567</c>.</summary>
    public static string Count(long value) => value.ToString("N0", Invariant);

    /// <summary>A share of a whole: <c>12.3%</c> (one decimal).</summary>
    public static string Percent(double part, double whole) => whole == 0 ? "n/a" : (part / whole).ToString("0.0%", Invariant);

    /// <summary>A fraction as a percentage: <c>12.3%</c>.</summary>
    public static string Percent(double fraction) => fraction.ToString("0.0%", Invariant);

    /// <summary>Money: <c>$12.34</c>, or "n/a" when unknown.</summary>
    public static string Money(double? value) => value is { } v ? "$" + v.ToString("N2", Invariant) : "n/a";

    /// <summary>A plain number with one decimal: <c>8.5</c>, or "n/a".</summary>
    public static string Number(double? value) => value is { } v ? v.ToString("0.0", Invariant) : "n/a";

    /// <summary>A ratio like <c>1.6×</c>.</summary>
    public static string Times(double numerator, double denominator) =>
        denominator == 0 ? "n/a" : (numerator / denominator).ToString("0.0", Invariant) + "×";

    /// <summary>An hour of the day as <c>10:00</c>.</summary>
    public static string Hour(int hour) => hour.ToString("00", Invariant) + ":00";

    /// <summary>"a", "a and b", "a, b and c".</summary>
    public static string List(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count switch
        {
            0 => "none",
            1 => list[0],
            _ => string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1],
        };
    }
}
