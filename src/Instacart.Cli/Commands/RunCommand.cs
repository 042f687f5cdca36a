using System.CommandLine;
using System.Runtime.InteropServices;
using Instacart.Analysis.Answers;
using Instacart.Data.Cache;
using Instacart.Data.Derivation;
using Instacart.Data.Input;
using Instacart.Data.Partitions;
using Instacart.Analysis.Sessions;
using Instacart.Notebooks;
using Instacart.Notebooks.Publishing;

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
            CustomParser = result => CommonOptions.NonEmptyPath(result, "--notebooks", text => new DirectoryInfo(text)),
        };
        var data = CommonOptions.Data();
        var cache = CommonOptions.Cache();
        var noCache = CommonOptions.NoCache();
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "The report folder: NN-name.ipynb and NN-name.html per notebook, index.html, answers.json and run.json. "
                + "It must be new, empty, or a report folder instacart made (it holds .instacart-report.json); only the files an earlier run wrote there are replaced.",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("artifacts", "report")),
            CustomParser = result => CommonOptions.NonEmptyPath(result, "--out", text => new DirectoryInfo(text)),
        };
        var only = new Option<string?>("--only")
        {
            Description = "Run only the notebooks whose file name matches: a pattern with * and ? (e.g. 01-*) or a substring; several separated by commas. "
                + "Into an existing report only when it was made from the same data and options (its other pages are kept).",
        };
        var parallelism = new Option<int>("--parallel")
        {
            Description = "How many notebooks run at once, each in its own process above 1 (1, the default, measured fastest on two cores).",
            DefaultValueFactory = _ => 1,
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 0 ? "" : result.Tokens[^1].Value;
                if (!int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var count) || count < 1)
                {
                    result.AddError($"--parallel must be a whole number of at least 1, not '{text}'");
                    return 1;
                }

                return count;
            },
        };
        var onBadRows = CommonOptions.OnBadRows();
        var pdf = new Option<bool>("--pdf")
        {
            Description = "Also print report.pdf (the index, then each notebook's answer, text, charts and tables without code) with Chromium: CHROMIUM_PATH, else /usr/bin/chromium.",
        };
        var selfContained = new Option<bool>("--self-contained")
        {
            Description = "Inline plotly.js into every page with charts, so a page can be mailed alone (about 3.6 MB a page). "
                + "By default the report folder holds one plotly.min.js that its pages read from beside them, offline as well.",
        };
        var force = new Option<bool>("--force")
        {
            Description = "Run every notebook. Without it, a run into an existing report reuses the pages of each notebook whose source, library build, data and options are unchanged, and runs the others.",
        };
        var compare = new Option<DirectoryInfo?>("--compare")
        {
            Description = "An earlier report folder to compare with: writes changes.html and changes.json, what moved since then. "
                + "A run into a report made from other data compares with it without this option.",
            CustomParser = result => CommonOptions.NonEmptyPath(result, "--compare", text => new DirectoryInfo(text)),
        };
        var command = new Command("run", "Run the notebooks in the .NET Interactive C# kernel on a data folder and write the report. " + ExitCodes.Summary)
        {
            notebooks, data, output, only, parallelism, pdf, selfContained, onBadRows,
        };
        command.Options.Add(cache);
        command.Options.Add(noCache);
        command.Options.Add(force);
        command.Options.Add(compare);
        command.SetAction((parse, cancellation) => Failures.Guard(async () =>
        {
            if (parse.GetValue(pdf))
            {
                PdfPrinter.EnsureChromium();
            }

            var folder = parse.GetValue(data)!.FullName;
            var target = parse.GetValue(output)!.FullName;
            var notebooksFolder = parse.GetValue(notebooks)!.FullName;
            var pattern = parse.GetValue(only);
            var earlier = parse.GetValue(compare)?.FullName;

            // Everything that can refuse the run is checked before the data is read: where the report goes, and
            // which notebooks run. The runner checks the folder again under its lock.
            ReportPlacement.Check(target, [(folder, "data folder"), (notebooksFolder, "notebooks folder")]);
            if (Directory.Exists(notebooksFolder) && pattern is not null && NotebookRunner.FindNotebooks(notebooksFolder, pattern).Count == 0)
            {
                var known = NotebookRunner.FindNotebooks(notebooksFolder, null).Select(Path.GetFileNameWithoutExtension);
                throw new ReportRefusedException($"no notebook matches '{pattern}' (known: {string.Join(", ", known)})");
            }

            if (earlier is not null && !Directory.Exists(earlier))
            {
                throw new ReportRefusedException($"--compare {earlier}: no such folder; name the folder of an earlier report");
            }

            // Load once, before any kernel starts: bad input is one clear line and exit code 2, not the same error in
            // every notebook. This one session is handed to every notebook's kernel as a value and gives answers.json,
            // so the pages and the answers come from the same bytes and share the models.
            var policy = CommonOptions.ToPolicy(parse.GetValue(onBadRows)!);
            var partitioned = PartitionedDataset.IsDataset(folder);
            if (partitioned && (parse.GetResult(cache) is { Implicit: false } || parse.GetValue(noCache)))
            {
                Console.WriteLine("The cache options do not apply to a partitioned dataset: its parts are Arrow tables already, read as they are.");
            }

            if (partitioned && parse.GetResult(onBadRows) is { Implicit: false })
            {
                Console.WriteLine("--on-bad-rows does not apply to a partitioned dataset: its rows were checked when it was partitioned.");
            }

            // A partitioned dataset is opened part by part: the cheap answers, intervals and preparation merged exactly,
            // the models' data a seeded customer sample drawn from each part.
            var cacheOptions = partitioned ? null : CommonOptions.ToCache(parse.GetValue(cache), parse.GetValue(noCache));
            using var session = partitioned
                ? OpenDataset(folder)
                : AnalysisSession.Load(folder, AnalysisOptions.Default with { OnBadRows = policy }, cacheOptions);
            var loaded = session.Data;
            ReconciliationTable.PrintSkipped(loaded.BadRows);

            // The report's answers (the two models above all) are computed while the notebooks run: the kernels
            // mostly keep one core busy, and this work is independent of them.
            var answersText = Task.Run(() => AnswersDocument.ToText(AnswersDocument.Compute(session, AnswerScope.Report)));
            var answers = new ExtraReportFile(AnswersDocument.FileName, async (_, stream, token) =>
                await stream.WriteAsync(new System.Text.UTF8Encoding(false).GetBytes(await answersText.WaitAsync(token)), token));
            var recorded = new Dictionary<string, string>
            {
                ["on_bad_rows"] = policy == BadRowPolicy.Skip ? "skip" : "fail",
                ["day_convention"] = AnswersDocument.DayConventionName(loaded.Options.DayConvention),
            };
            if (session.Sample is { } sample)
            {
                // The models' pages depend on the sample: a run from the source folder (same fingerprint) is another run.
                recorded["customer_sample"] = SampleText(sample);
            }

            var options = new RunOptions(notebooksFolder, target)
            {
                DataDirectory = folder,
                Session = session,
                Cache = cacheOptions,
                Only = pattern,
                Parallelism = parse.GetValue(parallelism),
                ExtraReportFiles = [answers],
                Pdf = parse.GetValue(pdf),
                Force = parse.GetValue(force),
                CompareWith = earlier,
                Dataset = DatasetIdentity.Of(session, folder),
                RunAt = DateTimeOffset.UtcNow,
                SelfContained = parse.GetValue(selfContained),
                RecordedOptions = recorded,
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

            var report = await new ConsoleReporter().RunAsync(options, interrupted.Token);
            foreach (var line in Instacart.Notebooks.Refresh.RefreshSummary.Lines(report.Refresh))
            {
                Spectre.Console.AnsiConsole.WriteLine(line);
            }

            if (report.Changes is { } changes)
            {
                Spectre.Console.AnsiConsole.WriteLine($"What changed: {changes}");
            }

            // The last line names the one file to open, unwrapped whatever the console's width.
            Console.Out.WriteLine($"Open the report: {Path.Combine(report.OutputDirectory, IndexPage.FileName)}");
            return report.ExitCode;
        }));
        return command;
    }

    /// <summary>Opens the partitioned dataset in <paramref name="folder"/> with its default sample, printing the parts done and the sample drawn.</summary>
    private static AnalysisSession OpenDataset(string folder)
    {
        var session = AnalysisSession.OpenDataset(folder, partDone: (done, total) => Console.WriteLine($"parts done: {done} of {total}"));
        var dataset = session.Dataset!;
        var customers = session.Data.Input.Customers.Count;
        Console.WriteLine(
            (session.Sample!.KeepsEveryone
                ? $"Models on every customer ({customers:N0}), gathered from the {dataset.Parts} parts ({SampleText(session.Sample)}); "
                : $"Models on a seeded sample of {customers:N0} of {dataset.Customers:N0} customers ({SampleText(session.Sample)}), drawn from each of the {dataset.Parts} parts; ")
            + "every other answer is exact, from all parts merged.");
        return session;
    }

    private static string SampleText(CustomerSample sample) =>
        $"rate {sample.Rate.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture)}, seed {sample.Seed}";
}
