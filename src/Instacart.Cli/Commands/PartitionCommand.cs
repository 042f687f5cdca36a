using System.CommandLine;
using Instacart.Data;
using Instacart.Data.Partitions;
using Spectre.Console;

namespace Instacart.Cli.Commands;

/// <summary>
/// <c>instacart partition</c>: loads and checks the data folder exactly as <c>answers</c> does, splits it by customer
/// and writes a partitioned dataset (a folder per part, the dimension tables once, <c>dataset.json</c>).
/// </summary>
internal static class PartitionCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Data();
        var dayConvention = CommonOptions.DayConvention();
        var onBadRows = CommonOptions.OnBadRows();
        var cache = CommonOptions.Cache();
        var noCache = CommonOptions.NoCache();
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "The dataset folder to write (built beside it under a temporary name, then renamed). An existing folder is replaced only when it holds a dataset written by instacart.",
            Required = true,
            CustomParser = result => CommonOptions.NonEmptyPath(result, "--out", text => new DirectoryInfo(text)),
        };
        var parts = new Option<int>("--parts")
        {
            Description = "How many parts: customers are spread over them by a stable hash of user_id; products, departments and aisles go to every part.",
            Required = true,
        };
        parts.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 999)
            {
                result.AddError("--parts must be from 1 to 999");
            }
        });
        var command = new Command("partition", "Load and check the data folder as 'answers' does, split it by customer into parts and write a partitioned dataset that 'answers --data' and the cluster read. " + ExitCodes.Summary)
        {
            data, output, parts, dayConvention, onBadRows, cache, noCache,
        };
        command.SetAction((parse, _) => Failures.Guard(() =>
        {
            var folder = parse.GetValue(data)!.FullName;
            var target = parse.GetValue(output)!.FullName;
            var count = parse.GetValue(parts);
            using var loaded = InstacartData.Load(folder, CommonOptions.ToOptions(parse.GetValue(dayConvention)!, parse.GetValue(onBadRows)!), CommonOptions.ToCache(parse.GetValue(cache), parse.GetValue(noCache)));
            ReconciliationTable.PrintSkipped(loaded.BadRows);
            var dataset = PartitionedDataset.Write(loaded, target, count, written => Console.WriteLine($"parts written: {written} of {count}"));
            AnsiConsole.MarkupLineInterpolated($"Wrote [bold]{dataset.Folder}[/]: {dataset.Parts} parts of {loaded.Input.Customers.Count:N0} customers and {loaded.Orders.Count:N0} orders");
            return Task.FromResult(0);
        }));
        return command;
    }
}
