namespace Instacart.Analysis.Questions;

/// <summary>Top/bottom flags by rank, shared by the day and hour questions.</summary>
internal static class Ranking
{
    /// <summary>
    /// Ranks keys by (value descending, key ascending); the first <paramref name="flagged"/> get 0 (top),
    /// the last <paramref name="flagged"/> get 2 (bottom), the rest 1.
    /// </summary>
    public static int[] Flags(long[] values, int flagged)
    {
        var order = Enumerable.Range(0, values.Length).OrderByDescending(k => values[k]).ThenBy(k => k).ToArray();
        var flags = new int[values.Length];
        for (var rank = 0; rank < order.Length; rank++)
        {
            flags[order[rank]] = rank < flagged ? 0 : rank >= order.Length - flagged ? 2 : 1;
        }

        return flags;
    }
}
