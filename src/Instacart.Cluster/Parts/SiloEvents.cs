namespace Instacart.Cluster.Parts;

/// <summary>Where a silo's grains report what they do (the <c>silo</c> command prints it); one per silo, handed in at its start.</summary>
/// <param name="report">Called with one line per event; null: nothing is reported.</param>
public sealed class SiloEvents(Action<string>? report)
{
    /// <summary>Reports <paramref name="line"/>.</summary>
    public void Report(string line) => report?.Invoke(line);
}
