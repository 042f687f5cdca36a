namespace Instacart.Notebooks.Refresh;

/// <summary>The console's lines on what a run reused and why it ran the rest.</summary>
public static class RefreshSummary
{
    /// <summary>
    /// One line for the reused notebooks ("Reused 15 notebooks, unchanged since the last run: …") and one per reason the
    /// others ran ("Ran 01-busiest-days: its source changed."); nothing for a first run into a new report.
    /// </summary>
    /// <param name="decisions">The run's decisions (<see cref="RunReport.Refresh"/>).</param>
    /// <returns>The lines.</returns>
    public static IReadOnlyList<string> Lines(IReadOnlyList<RefreshDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        var lines = new List<string>();
        var reused = decisions.Where(d => d.Reused).Select(d => d.Name).ToList();
        if (reused.Count > 0)
        {
            lines.Add($"Reused {Count(reused.Count)}, unchanged since the last run: {string.Join(", ", reused)}.");
        }

        foreach (var group in decisions.Where(d => !d.Reused).GroupBy(d => d.Reason, StringComparer.Ordinal))
        {
            var names = group.Select(d => d.Name).ToList();
            if (group.Key == "a new report")
            {
                continue;
            }

            lines.Add(names.Count == decisions.Count && names.Count > 1
                ? $"Ran all {names.Count} notebooks: {group.Key}."
                : $"Ran {string.Join(", ", names)}: {group.Key}.");
        }

        return lines;
    }

    private static string Count(int count) => count == 1 ? "1 notebook" : $"{count} notebooks";
}
