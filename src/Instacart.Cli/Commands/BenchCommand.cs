using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json;
using Instacart.Analysis.Answers;
using Instacart.Data.Files;
using Instacart.Data;
using Spectre.Console;

namespace Instacart.Cli.Commands;

/// <summary>
/// <c>instacart bench</c>: runs the whole pipeline once (load → clean → merge → derive → the eleven questions → every answer) and prints
/// each stage's wall time, rows per second and the process's peak working set.
/// </summary>
internal static class BenchCommand
{
    /// <summary>The format tag of a <c>bench --json</c> file.</summary>
    public const string Format = "instacart-bench/1";

    public static Command Create()
    {
        var data = CommonOptions.Data();
        var dayConvention = CommonOptions.DayConvention();
        var cache = CommonOptions.Cache();
        var noCache = CommonOptions.NoCache();
        var json = new Option<FileInfo?>("--json")
        {
            Description = "Also write the measurements as JSON to this file.",
        };
        var command = new Command("bench", "Time each stage of the pipeline on a data folder (load, clean, index, merge, derive, answers) and report rows/s and peak memory. " + ExitCodes.Summary)
        {
            data, json, dayConvention, cache, noCache,
        };
        command.SetAction((parse, _) => Failures.Guard(() =>
        {
            var folder = parse.GetValue(data)!.FullName;
            var target = parse.GetValue(json)?.FullName;
            if (target is not null)
            {
                OutputPlacement.EnsureWritable(folder, target, "--json", OutputPlacement.IsBench);
            }

            var sinceStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
            var total = Stopwatch.StartNew();
            using var loaded = InstacartData.Load(folder, CommonOptions.ToOptions(parse.GetValue(dayConvention)!), CommonOptions.ToCache(parse.GetValue(cache), parse.GetValue(noCache)));
            var stages = loaded.Timings.Select(t => (t.Stage, t.Elapsed, t.Rows, t.WorkingSetAfter)).ToList();

            // The eleven core questions (the group-bys DuckDB is compared on), then the stakeholder extras; together
            // they are the document AnswersDocument.Compute builds for the answers command, each computed once.
            var clock = Stopwatch.StartNew();
            var core = CoreQuestions.Compute(loaded);
            stages.Add(("questions (11)", clock.Elapsed, loaded.Lines.Count, Environment.WorkingSet));

            clock.Restart();
            var extras = StakeholderExtras.Compute(loaded);
            var document = AnswersDocument.Build(loaded, [.. core, .. extras]);
            stages.Add(("extras + document", clock.Elapsed, loaded.Lines.Count, Environment.WorkingSet));

            clock.Restart();
            var text = AnswersDocument.ToText(document);
            stages.Add(("answers.json text", clock.Elapsed, text.Length, Environment.WorkingSet));
            var pipeline = total.Elapsed;

            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var peak = process.PeakWorkingSet64;
            Print(folder, stages, pipeline, sinceStart, peak, loaded);
            if (target is not null)
            {
                WriteJson(target, folder, stages, pipeline, sinceStart, peak, loaded);
                AnsiConsole.MarkupLineInterpolated($"Wrote [bold]{target}[/]");
            }

            return Task.FromResult(0);
        }));
        return command;
    }

    private static double RowsPerSecond(TimeSpan elapsed, long rows) => elapsed.TotalSeconds > 0 ? rows / elapsed.TotalSeconds : 0;

    private static void Print(string folder, List<(string Stage, TimeSpan Elapsed, long Rows, long WorkingSet)> stages, TimeSpan pipeline, TimeSpan startup, long peak, InstacartData loaded)
    {
        var table = new Table().AddColumn("stage").AddColumn(new TableColumn("seconds").RightAligned())
            .AddColumn(new TableColumn("rows").RightAligned()).AddColumn(new TableColumn("rows/s").RightAligned())
            .AddColumn(new TableColumn("working set after").RightAligned());
        foreach (var (stage, elapsed, rows, workingSet) in stages)
        {
            table.AddRow(
                stage,
                elapsed.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture),
                rows.ToString("N0", CultureInfo.InvariantCulture),
                RowsPerSecond(elapsed, rows).ToString("N0", CultureInfo.InvariantCulture),
                Mebibytes(workingSet));
        }

        table.AddRow(
            "[bold]pipeline[/]",
            $"[bold]{pipeline.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture)}[/]",
            loaded.Input.PriorLines.Count.ToString("N0", CultureInfo.InvariantCulture),
            RowsPerSecond(pipeline, loaded.Input.PriorLines.Count).ToString("N0", CultureInfo.InvariantCulture),
            "");
        AnsiConsole.MarkupLineInterpolated($"Data: [bold]{folder}[/] ({Environment.ProcessorCount} cores, .NET {Environment.Version}), cache: {loaded.Cache}");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"Process start to first stage: {startup.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture)} s");
        AnsiConsole.MarkupLineInterpolated($"Peak working set: [bold]{Mebibytes(peak)}[/]");
    }

    private static string Mebibytes(long bytes) => $"{(bytes / (1024.0 * 1024.0)).ToString("N0", CultureInfo.InvariantCulture)} MiB";

    private static void WriteJson(string target, string folder, List<(string Stage, TimeSpan Elapsed, long Rows, long WorkingSet)> stages, TimeSpan pipeline, TimeSpan startup, long peak, InstacartData loaded)
    {
        var stageArray = new JsonArray();
        foreach (var (stage, elapsed, rows, workingSet) in stages)
        {
            stageArray.Add(new JsonObject
            {
                ["stage"] = stage,
                ["seconds"] = Math.Round(elapsed.TotalSeconds, 4),
                ["rows"] = rows,
                ["rows_per_second"] = Math.Round(RowsPerSecond(elapsed, rows)),
                ["working_set_after_bytes"] = workingSet,
            });
        }

        var document = new JsonObject
        {
            ["format"] = Format,
            ["data"] = Path.GetFileName(folder),
            ["processors"] = Environment.ProcessorCount,
            ["runtime"] = Environment.Version.ToString(),
            ["order_lines_rows"] = loaded.Input.PriorLines.Count,
            ["lines_merged"] = loaded.Lines.Count,
            ["cache"] = loaded.Cache.Use.ToString().ToLowerInvariant(),
            ["stages"] = stageArray,
            ["pipeline_seconds"] = Math.Round(pipeline.TotalSeconds, 4),
            ["startup_seconds"] = Math.Round(startup.TotalSeconds, 4),
            ["peak_working_set_bytes"] = peak,
        };
        var full = Path.GetFullPath(target);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        AtomicFile.WriteAllText(full, document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}
