namespace Instacart.Notebooks.Refresh;

/// <summary>What a run did with one notebook of an existing report: reused its pages, or ran it, and why.</summary>
/// <param name="Name">The notebook's name (file name without extension).</param>
/// <param name="Reused">True when its published pages were kept as they are.</param>
/// <param name="Reason">Why it ran (e.g. "its source changed", "the data changed", "--force"), or "unchanged since the last run".</param>
public sealed record RefreshDecision(string Name, bool Reused, string Reason);
