using System.CommandLine;
using Instacart.Analysis.Answers;
using Instacart.Data;
using Instacart.Data.Partitions;
using Spectre.Console;

namespace Instacart.Cli.Commands;

/// <summary><c>instacart answers</c>: computes the eleven questions and writes <c>answers.json</c>.</summary>
internal static class AnswersCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Data();
        var dayConvention = CommonOptions.DayConvention();
        var onBadRows = CommonOptions.OnBadRows();
        var cache = CommonOptions.Cache();
        var noCache = CommonOptions.NoCache();
        var output = new Option<FileInfo>("--out")
        {
            Description = "Where to write answers.json (written to a temporary name, then renamed). Default: artifacts/answers.json.",
            DefaultValueFactory = _ => new FileInfo(Path.Combine("artifacts", AnswersDocument.FileName)),
        };
        var cluster = SiloCommand.ClusterOption("Answer a partitioned dataset (--data, made by 'partition') on the Orleans cluster at redis://HOST:PORT (or localhost[:GATEWAY]): one call per part, merged as they arrive, failed calls retried.");
        var partTimeout = new Option<double>("--part-timeout")
        {
            Description = "With --cluster: seconds a part's call may take before it counts as failed and is retried (default 60).",
            DefaultValueFactory = _ => 60,
        };
        var command = new Command("answers", "Load, clean and merge the data folder, answer the eleven questions, write answers.json and print the reconciliation. --data may also be a partitioned dataset (see 'partition'): its parts are answered one by one here, or on a cluster with --cluster. " + ExitCodes.Summary)
        {
            data, output, dayConvention, onBadRows, cache, noCache, cluster, partTimeout,
        };
        command.SetAction((parse, cancellation) => Failures.Guard(() =>
        {
            var folder = parse.GetValue(data)!.FullName;
            var target = parse.GetValue(output)!.FullName;
            if ((parse.GetValue(cluster) is not null || PartitionedDataset.IsDataset(folder)) && parse.GetResult(dayConvention) is { Implicit: false })
            {
                // A partitioned dataset was checked with its own convention, which its parts keep: another one is not a choice here.
                var asked = AnswersDocument.DayConventionOf(parse.GetValue(dayConvention)!);
                var kept = PartitionedDataset.Open(folder).DayConvention;
                if (asked != kept)
                {
                    throw new DatasetException($"{folder} was partitioned with --day-convention {AnswersDocument.DayConventionName(kept)}: partition the data again with --day-convention {AnswersDocument.DayConventionName(asked)}");
                }
            }

            if (parse.GetValue(cluster) is { } address)
            {
                return PartitionedAnswers.RunAsync(folder, target, address, TimeSpan.FromSeconds(parse.GetValue(partTimeout)), cancellation);
            }

            if (PartitionedDataset.IsDataset(folder))
            {
                return PartitionedAnswers.RunAsync(folder, target, null, TimeSpan.Zero, cancellation);
            }

            OutputPlacement.EnsureWritable(folder, target, "--out", OutputPlacement.IsAnswers);
            using var answers = FolderAnswers.Compute(folder, CommonOptions.ToOptions(parse.GetValue(dayConvention)!, parse.GetValue(onBadRows)!), CommonOptions.ToCache(parse.GetValue(cache), parse.GetValue(noCache)));
            AnswersDocument.Write(answers.Document, target);
            ReconciliationTable.Print(answers.Reconciliation);
            ReconciliationTable.PrintSkipped(answers.BadRows);
            if (answers.FromKeptState)
            {
                AnsiConsole.WriteLine("Answered from the state kept in the cache for these exact input bytes (every byte of every file hashed); --no-cache computes it anew.");
            }

            AnsiConsole.MarkupLineInterpolated($"Wrote [bold]{target}[/]");
            return Task.FromResult(0);
        }));
        return command;
    }
}
