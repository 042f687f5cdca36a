using System.CommandLine;
using System.Runtime.InteropServices;
using Instacart.Analysis;
using Instacart.Analysis.Derivation;
using Instacart.Analysis.Input;
using Instacart.Analysis.Answers;
using Instacart.Analysis.Cache;
using Instacart.Notebooks;

namespace Instacart.Cli.Commands;

/// <summary><c>instacart run</c>: every notebook in the .NET Interactive kernel, exported as .ipynb and offline HTML.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var notebooks = new Option<DirectoryInfo>("--notebooks")
        {
            Description = "The folder of NN-name.dib notebooks.",
            DefaultValueFactory = _ => new DirectoryInfo("notebooks"),
        };
        var data = CommonOptions.Data();
        var cache = CommonOptions.Cache();
        var noCache = CommonOptions.NoCache();
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "The report folder: NN-name.ipynb and NN-name.html per notebook, index.html, answers.json and run.json.",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("artifacts", "report")),
        };
        var only = new Option<string?>("--only")
        {
            Description = "Run only the notebooks whose file name matches: a pattern with * and ? (e.g. 01-*) or a substring; several separated by commas.",
        };
        var parallelism = new Option<int>("--parallel")
        {
            Description = "How many notebooks run at once, each in its own process above 1 (1, the default, measured fastest on two cores).",
            DefaultValueFactory = _ => 1,
        };
        var onBadRows = CommonOptions.OnBadRows();
        var pdf = new Option<bool>("--pdf")
        {
            Description = "Also print report.pdf (the index, then each notebook's answer, text, charts and tables without code) with Chromium: CHROMIUM_PATH, else /usr/bin/chromium.",
        };
        var command = new Command("run", "Run the notebooks in the .NET Interactive C# kernel on a data folder and write the report (exit 1 when a cell fails, 2 on bad input).")
        {
            notebooks, data, output, only, parallelism, pdf, onBadRows,
        };
        command.Options.Add(cache);
        command.Options.Add(noCache);
        command.SetAction((parse, cancellation) => Failures.Guard(async () =>
        {
            if (parse.GetValue(pdf))
            {
                PdfPrinter.EnsureChromium();
            }

            var folder = parse.GetValue(data)!.FullName;
            var target = parse.GetValue(output)!.FullName;
            OutputPlacement.EnsureOutside(folder, target);

            // Validate the data once before any kernel starts: bad input is one clear line and exit code 2,
            // not the same error in every notebook. The loaded data then gives answers.json.
            // Every kernel loads the same folder: hand it the same cache (or none) through the environment.
            var cacheOptions = CommonOptions.ToCache(parse.GetValue(cache), parse.GetValue(noCache));
            Environment.SetEnvironmentVariable(CacheOptions.EnvironmentVariable, cacheOptions?.Directory ?? CacheOptions.DisabledValue);
            // The kernels' own loads follow the same policy, handed in like the data folder.
            var policy = CommonOptions.ToPolicy(parse.GetValue(onBadRows)!);
            Environment.SetEnvironmentVariable(BadRowLog.EnvironmentVariable, policy == BadRowPolicy.Skip ? "skip" : "fail");
            // Loaded through the shared overload, with the options and cache a notebook's plain Load(folder) gets from the
            // environment: the kernels (in this process) then get this same data instead of loading the folder again.
            var loaded = InstacartData.Load(folder, AnalysisOptions.Default with { OnBadRows = policy });
            ReconciliationTable.PrintSkipped(loaded.BadRows);

            // The report's answers (the two models above all) are computed while the notebooks run: the kernels
            // mostly keep one core busy, and this work is independent of them.
            var answersText = Task.Run(() => AnswersDocument.ToText(ReportAnswers.Compute(loaded)));
            var answers = new ExtraReportFile("answers.json", async (_, stream, token) =>
                await stream.WriteAsync(new System.Text.UTF8Encoding(false).GetBytes(await answersText.WaitAsync(token)), token));
            var staging = ReportStaging.Begin(target);
            var options = new RunOptions(parse.GetValue(notebooks)!.FullName, staging.Folder)
            {
                DataDirectory = folder,
                Only = parse.GetValue(only),
                Parallelism = Math.Max(1, parse.GetValue(parallelism)),
                ExtraReportFiles = [answers],
                Pdf = parse.GetValue(pdf),
            };
            using var interrupted = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
            using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);
            void Interrupt(PosixSignalContext context)
            {
                // Stop between cells and clean up rather than die mid-write.
                context.Cancel = true;
                interrupted.Cancel();
            }

            try
            {
                var report = await new ConsoleReporter().RunAsync(options, interrupted.Token);
                staging.Publish();
                Spectre.Console.AnsiConsole.MarkupLineInterpolated($"Report written to [bold]{target}[/]");
                return report.ExitCode;
            }
            catch
            {
                // Interrupted (Ctrl+C) or failed outright: the previous report stays as it was.
                staging.Discard();
                throw;
            }
        }));
        return command;
    }
}
