namespace Instacart.Cluster.Parts;

/// <summary>
/// What a silo's part grains share: where they report what they do (the <c>silo</c> command prints it), and the gate
/// that lets one part at a time load on the silo. One per silo, handed in at its start.
/// </summary>
/// <param name="report">Called with one line per event; null: nothing is reported.</param>
public sealed class SiloEvents(Action<string>? report) : IDisposable
{
    /// <summary>
    /// One part at a time: a part's load and partials already use every core, so parts side by side on one silo only
    /// compete for cores and memory (six at once on one silo took three times as long as one after another).
    /// </summary>
    internal SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Reports <paramref name="line"/>.</summary>
    public void Report(string line) => report?.Invoke(line);

    /// <inheritdoc />
    public void Dispose() => Gate.Dispose();
}
