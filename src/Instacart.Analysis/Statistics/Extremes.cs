namespace Instacart.Analysis.Statistics;

/// <summary>The highest and the lowest of at least two items by a value, as two different items.</summary>
internal static class Extremes
{
    /// <summary>
    /// The first item with the highest value, and the first with the lowest among the rest, so that all-equal values
    /// still give two different items; otherwise the same pair as taking the first maximum and the first minimum.
    /// </summary>
    public static (T High, T Low) Of<T>(IReadOnlyList<T> items, Func<T, double> value)
    {
        var high = Enumerable.Range(0, items.Count).OrderByDescending(i => value(items[i])).First();
        var low = Enumerable.Range(0, items.Count).Where(i => i != high).OrderBy(i => value(items[i])).First();
        return (items[high], items[low]);
    }
}
