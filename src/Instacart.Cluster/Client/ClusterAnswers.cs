using Instacart.Analysis.Answers;
using Instacart.Cluster.Parts;
using Instacart.Data.Partitions;

namespace Instacart.Cluster.Client;

/// <summary>A part answered: which, how many so far, its partial's size, and where.</summary>
/// <param name="Part">The part's index.</param>
/// <param name="Done">Parts answered so far, this one included.</param>
/// <param name="Total">Parts in all.</param>
/// <param name="Bytes">The size of the part's serialized partial answers.</param>
/// <param name="Silo">The silo that answered.</param>
/// <param name="Attempts">Calls it took (1: no retry).</param>
public sealed record PartDone(int Part, int Done, int Total, int Bytes, string Silo, int Attempts);

/// <summary>A part call failed or timed out and will be tried again.</summary>
/// <param name="Part">The part's index.</param>
/// <param name="NextAttempt">The call about to be made (2 for the first retry).</param>
/// <param name="Attempts">Calls at most.</param>
/// <param name="Delay">The wait before it.</param>
/// <param name="Reason">Why the call failed, one line.</param>
public sealed record PartRetry(int Part, int NextAttempt, int Attempts, TimeSpan Delay, string Reason);

/// <summary>What a run over the cluster gave: the merged partial answers, and what it took.</summary>
/// <param name="Partials">Every part's partials merged.</param>
/// <param name="PartBytes">Each part's partial size in bytes, by part.</param>
/// <param name="RetriedParts">The parts that needed more than one call, in order.</param>
public sealed record ClusterRun(AnswerPartials Partials, IReadOnlyList<int> PartBytes, IReadOnlyList<int> RetriedParts);

/// <summary>
/// The client side of a cluster run: one grain call per part of a partitioned dataset, all at once; each part's
/// partials merged as they arrive (<see cref="AnswerPartials.Merge(AnswerPartials, AnswerPartials)"/>, exact and
/// indifferent to order, so the answer does not depend on which part comes first). A failed or timed-out call is
/// retried (<see cref="RetryPolicy"/>); a part whose data is bad fails the run at once, naming the part and the file.
/// </summary>
public static class ClusterAnswers
{
    /// <summary>Answers every part of <paramref name="dataset"/> on the cluster behind <paramref name="client"/>.</summary>
    /// <param name="client">A connected client.</param>
    /// <param name="dataset">The dataset, at a path every silo sees (the grains open it there).</param>
    /// <param name="policy">How failed calls are retried.</param>
    /// <param name="done">Called as each part is answered (from the merging thread, one at a time).</param>
    /// <param name="retry">Called before each retry (from any thread).</param>
    /// <param name="cancellation">Stops the run.</param>
    /// <exception cref="DatasetException">A part's data is bad (missing or changed file): the message names the part and the file.</exception>
    /// <exception cref="ClusterException">A part failed on every attempt.</exception>
    public static async Task<ClusterRun> RunAsync(IClusterClient client, PartitionedDataset dataset, RetryPolicy policy, Action<PartDone>? done, Action<PartRetry>? retry, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(policy);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var calls = Enumerable.Range(0, dataset.Parts).Select(p => CallAsync(client, dataset.Folder, p, policy, retry, stop.Token)).ToList();
        var bytes = new int[dataset.Parts];
        var retried = new List<int>();
        AnswerPartials? merged = null;
        var count = 0;
        try
        {
            await foreach (var finished in Task.WhenEach(calls))
            {
                var (part, answer, attempts) = await finished;
                if (answer.Error is { } error)
                {
                    throw new DatasetException(error);
                }

                var partial = AnswerPartials.FromBytes(answer.Partial!);
                merged = merged is null ? partial : AnswerPartials.Merge(merged, partial);
                bytes[part] = answer.Partial!.Length;
                if (attempts > 1)
                {
                    retried.Add(part);
                }

                done?.Invoke(new PartDone(part, ++count, dataset.Parts, bytes[part], answer.Silo, attempts));
            }
        }
        catch
        {
            // One part failing ends the run: the other calls are abandoned (their grains finish on their own).
            await stop.CancelAsync();
            throw;
        }

        retried.Sort();
        return new ClusterRun(merged!, bytes, retried);
    }

    private static async Task<(int Part, PartAnswer Answer, int Attempts)> CallAsync(IClusterClient client, string folder, int part, RetryPolicy policy, Action<PartRetry>? retry, CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var grain = client.GetGrain<IPartGrain>(part, folder);
                var answer = await grain.Answer().WaitAsync(policy.CallTimeout, cancellation);
                return (part, answer, attempt);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
            {
                var reason = e is TimeoutException ? $"no answer in {policy.CallTimeout.TotalSeconds:0.#} s" : $"{e.GetType().Name}: {ClusterConnection.OneLine(e.Message)}";
                if (attempt >= policy.Attempts)
                {
                    throw new ClusterException($"part {part} failed on all {policy.Attempts} attempts; the last: {reason}", e);
                }

                var delay = policy.DelayBefore(attempt + 1);
                retry?.Invoke(new PartRetry(part, attempt + 1, policy.Attempts, delay, reason));
                await Task.Delay(delay, cancellation);
            }
        }
    }
}
