using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Instacart.Analysis.Answers;
using Instacart.Benchmarks;
using Instacart.Data;

// "core DATA OUT" runs this library once, process start to answers.json written, on the eleven questions the peer
// answers (the CLI's answers command also writes the stakeholder extras).
if (args.Length > 2 && args[0] == "core")
{
    var loaded = InstacartData.Load(Path.GetFullPath(args[1]));
    AnswersDocument.Write(AnswersDocument.Build(loaded, CoreQuestions.Compute(loaded)), Path.GetFullPath(args[2]));
    return 0;
}

// "parsers [FILE]" checks that every parser benchmark's columns equal the loader's on FILE (default: the bench
// data's order_products__prior.csv) and that the strict ones report bad rows alike; the benchmark runs it first too.
if (args.Length > 0 && args[0] == "parsers")
{
    ParserAgreement.Check(args.Length > 1 ? Path.GetFullPath(args[1]) : BenchData.PriorLines, Console.WriteLine);
    return 0;
}

// "parsers-cpu [N]" reads the bench data's lines file with the loader's range parser and with Sep, alternating, N
// rounds, and prints each one's processor time (all threads) beside its wall time: on a busy machine the processor
// time is the steadier of the two.
if (args.Length > 0 && args[0] == "parsers-cpu")
{
    var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
    var lines = BenchData.PriorLines;
    var cases = new (string Name, Func<int> Read)[]
    {
        ("LoaderRanges", () => Instacart.Data.Input.OrderLinesLoader.TryLoadRanges(lines, Environment.ProcessorCount)!.Count),
        ("LoaderRangesOneThread", () => Instacart.Data.Input.OrderLinesLoader.TryLoadRanges(lines, 2, new Instacart.Data.Lines.Parallelism(1))!.Count),
        ("SepSequential", () => SepLines.Read(lines).Count),
        ("SepParallelEnumerate", () => SepLines.ReadParallel(lines, Environment.ProcessorCount).Count),
    };
    var times = cases.ToDictionary(c => c.Name, _ => new List<(double Cpu, double Wall)>());
    for (var round = 0; round <= rounds; round++)
    {
        foreach (var (name, read) in cases)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            read();
            wall.Stop();
            process.Refresh();
            if (round > 0)
            {
                // Round 0 warms up (JIT, page cache).
                times[name].Add(((process.TotalProcessorTime - cpu).TotalSeconds, wall.Elapsed.TotalSeconds));
            }
        }
    }

    static double Median(IEnumerable<double> values) => values.Order().ElementAt(values.Count() / 2);
    foreach (var (name, list) in times)
    {
        Console.WriteLine($"{name,-22} cpu median {Median(list.Select(t => t.Cpu)).ToString("0.000", CultureInfo.InvariantCulture)} s  wall median {Median(list.Select(t => t.Wall)).ToString("0.000", CultureInfo.InvariantCulture)} s  ({rounds} rounds)");
    }

    return 0;
}

// "hash DIR [N]" hashes every input file of DIR (the cache key: XxHash128 of every byte, on every core) N + 1 times in
// this process and prints each time: the first is what a fresh process pays (code not yet compiled), the rest the
// steady state. The page cache is warm after the first.
if (args.Length > 1 && args[0] == "hash")
{
    var folder = Path.GetFullPath(args[1]);
    var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
    for (var round = 0; round <= rounds; round++)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var key = Instacart.Data.Cache.InputKey.Compute(folder).Key ?? throw new InvalidOperationException($"{folder} is not a data folder");
        wall.Stop();
        process.Refresh();
        var bytes = key.Sum(f => f.Size);
        Console.WriteLine($"{(round == 0 ? "first" : "again"),-6} wall {wall.Elapsed.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture)} s  cpu {(process.TotalProcessorTime - cpu).TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture)} s  {(bytes / wall.Elapsed.TotalSeconds / (1 << 30)).ToString("0.00", CultureInfo.InvariantCulture)} GiB/s");
    }

    return 0;
}

// "duckdb" runs the DuckDB peer once in this process and prints each step (for cold end-to-end timing);
// anything else goes to BenchmarkDotNet, e.g. --filter '*Parser*'.
if (args.Length > 0 && args[0] == "duckdb")
{
    var folder = args.Length > 1 ? Path.GetFullPath(args[1]) : BenchData.Folder;
    var total = Stopwatch.StartNew();
    DuckDbPeer.Progress = Console.Error.WriteLine;
    var steps = DuckDbPeer.Run(folder);
    foreach (var (step, elapsed, rows) in steps)
    {
        Console.WriteLine($"{step,-20} {elapsed.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture),8} s{(args.Contains("--rows") ? rows : "")}");
    }

    Console.WriteLine($"{"total",-20} {total.Elapsed.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture),8} s");
    return 0;
}

// Each operation takes seconds on full-scale data: a few iterations are enough and keep a run short. In-process:
// no generated project to build, and the Release build being measured is the one the CLI uses.
var config = DefaultConfig.Instance.AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5)
    .WithToolchain(InProcessEmitToolchain.Instance).WithId("FullScale"));
BenchmarkSwitcher.FromAssembly(typeof(BenchData).Assembly).Run(args, config);
return 0;
