using System.Globalization;

namespace Instacart.Notebooks.Changes;

/// <summary>Numbers of a comparison in words: values by their kind, changes with a sign and, for counts and amounts, in per cent.</summary>
internal static class NumberText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A value: a count with thousands separators, a proportion in per cent, money in dollars.</summary>
    public static string Value(FieldKind kind, double value) => kind switch
    {
        FieldKind.Count => value.ToString("#,0", Invariant),
        FieldKind.Share => (value * 100).ToString("0.0", Invariant) + "%",
        FieldKind.Money => (value < 0 ? "−$" : "$") + Math.Abs(value).ToString(Math.Abs(value) >= 1000 ? "#,0" : "#,0.00", Invariant),
        _ => value.ToString("#,0.##", Invariant),
    };

    /// <summary>The change from <paramref name="old"/> to <paramref name="now"/>: "−590, −20.0%", or "+2.5 points" for a proportion.</summary>
    public static string Change(FieldKind kind, double old, double now)
    {
        var change = now - old;
        if (kind == FieldKind.Share)
        {
            return Sign(change) + (Math.Abs(change) * 100).ToString("0.0", Invariant) + " points";
        }

        var absolute = kind == FieldKind.Money
            ? Sign(change) + "$" + Math.Abs(change).ToString(Math.Abs(change) >= 1000 ? "#,0" : "#,0.00", Invariant)
            : Sign(change) + Math.Abs(change).ToString(kind == FieldKind.Count ? "#,0" : "#,0.##", Invariant);
        return old == 0 ? absolute : $"{absolute}, {Sign(change)}{(Math.Abs(change) / Math.Abs(old) * 100).ToString("0.0", Invariant)}%";
    }

    private static string Sign(double change) => change < 0 ? "−" : "+";
}
