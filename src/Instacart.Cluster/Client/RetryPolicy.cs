namespace Instacart.Cluster.Client;

/// <summary>
/// How a failed or timed-out part call is tried again: up to <see cref="Attempts"/> calls in all, waiting
/// <see cref="FirstDelay"/> before the second and twice as long before each next, never more than <see cref="MaxDelay"/>.
/// Meanwhile the cluster declares a dead silo dead and Orleans activates the part's grain on a live one.
/// </summary>
/// <param name="Attempts">Calls per part at most (the first included).</param>
/// <param name="FirstDelay">The wait before the first retry.</param>
/// <param name="MaxDelay">The longest wait between two calls.</param>
/// <param name="CallTimeout">How long one call may take before it counts as failed.</param>
public sealed record RetryPolicy(int Attempts, TimeSpan FirstDelay, TimeSpan MaxDelay, TimeSpan CallTimeout)
{
    /// <summary>Eight calls, waits from 0.5 s doubling up to 8 s (about 40 s of waiting in all), five minutes a call.</summary>
    public static RetryPolicy Default { get; } = new(8, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(8), TimeSpan.FromMinutes(5));

    /// <summary>The wait before call <paramref name="attempt"/> (2 for the first retry).</summary>
    public TimeSpan DelayBefore(int attempt) =>
        TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, FirstDelay.Ticks * (1L << Math.Min(30, Math.Max(0, attempt - 2)))));
}
