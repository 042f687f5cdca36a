using Instacart.Analysis.Answers;
using Instacart.Cluster.Client;
using Instacart.Cluster.Hosting;
using Instacart.Data.Partitions;
using Spectre.Console;

namespace Instacart.Cli.Commands;

/// <summary>
/// <c>answers --data PARTITIONED</c>: the answers of a partitioned dataset, each part's partial answers merged, on a
/// cluster (<c>--cluster</c>: one grain call per part) or in this process (one part after another). Either way the
/// same <c>answers.json</c> as <c>answers</c> on the source folder.
/// </summary>
internal static class PartitionedAnswers
{
    public static async Task<int> RunAsync(string folder, string target, ClusterAddress? cluster, TimeSpan callTimeout, CancellationToken cancellation)
    {
        var dataset = PartitionedDataset.Open(folder);
        OutputPlacement.EnsureWritable(folder, target, "--out", OutputPlacement.IsAnswers);
        var partials = cluster is null ? InProcess(dataset) : await OnClusterAsync(dataset, cluster, callTimeout, cancellation);
        AnswersDocument.Write(partials.Finish(), target);
        AnsiConsole.MarkupLineInterpolated($"Wrote [bold]{target}[/]");
        return ExitCodes.Success;
    }

    private static AnswerPartials InProcess(PartitionedDataset dataset)
    {
        AnswerPartials? merged = null;
        for (var p = 0; p < dataset.Parts; p++)
        {
            using var data = dataset.LoadPart(p);
            var bytes = AnswerPartials.Compute(data).ToBytes();
            var partial = AnswerPartials.FromBytes(bytes);
            merged = merged is null ? partial : AnswerPartials.Merge(merged, partial);
            Console.WriteLine($"parts done: {p + 1} of {dataset.Parts} (part {p}: {bytes.Length:N0} bytes of partials)");
        }

        return merged!;
    }

    private static async Task<AnswerPartials> OnClusterAsync(PartitionedDataset dataset, ClusterAddress cluster, TimeSpan callTimeout, CancellationToken cancellation)
    {
        Console.WriteLine($"connecting to the cluster at {cluster}");
        await using var connection = await ClusterConnection.ConnectAsync(cluster, callTimeout, cancellation);
        Console.WriteLine($"connected: answering {dataset.Parts} parts of {dataset.Folder}");
        var policy = RetryPolicy.Default with { CallTimeout = callTimeout };
        var run = await ClusterAnswers.RunAsync(
            connection.Client,
            dataset,
            policy,
            done => Console.WriteLine($"parts done: {done.Done} of {done.Total} (part {done.Part}: {done.Bytes:N0} bytes of partials from {done.Silo}{(done.Attempts > 1 ? $", after {done.Attempts} calls" : "")})"),
            retry => Console.WriteLine($"part {retry.Part}: call failed ({retry.Reason}); retrying in {retry.Delay.TotalSeconds:0.#} s (call {retry.NextAttempt} of {retry.Attempts})"),
            cancellation);
        Console.WriteLine(run.RetriedParts.Count == 0 ? "retried parts: none" : $"retried parts: {string.Join(", ", run.RetriedParts)}");
        Console.WriteLine($"partials: {run.PartBytes.Sum(b => (long)b):N0} bytes in all, {run.PartBytes.Min():N0} to {run.PartBytes.Max():N0} bytes a part");
        return run.Partials;
    }
}
