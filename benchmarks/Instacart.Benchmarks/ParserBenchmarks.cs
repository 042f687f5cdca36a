using BenchmarkDotNet.Attributes;
using CsvHelper;
using Instacart.Data.Input;
using Instacart.Data.Lines;

namespace Instacart.Benchmarks;

/// <summary>
/// Parsing <c>order_products__prior.csv</c> (four integer columns) into arrays: the candidates for the lines
/// loader. Each reads every field of every row and keeps three int columns and one byte column. Before the first
/// measurement every candidate's columns are checked equal to the loader's on the measured file, and the strict
/// ones' errors on bad rows compared (<see cref="ParserAgreement"/>).
/// </summary>
[MemoryDiagnoser]
public class ParserBenchmarks
{
    private static readonly Lock Checked = new();
    private static string? checkedPath;
    private string path = "";

    [GlobalSetup]
    public void Setup()
    {
        path = BenchData.PriorLines;
        lock (Checked)
        {
            // Once per process (BenchmarkDotNet runs every case in this one process): the check parses the file once per candidate.
            if (checkedPath != path)
            {
                ParserAgreement.Check(path, Console.WriteLine);
                checkedPath = path;
            }
        }
    }

    private static CsvReaderOptions Options(bool trackLines) => CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = true,
        TrackLineNumbers = trackLines,
        MalformedData = CsvMalformedDataHandling.Throw,
        FieldCountMismatch = CsvFieldCountHandling.Throw,
        MissingField = CsvMissingFieldHandling.Throw,
    };

    /// <summary>CsvHelper 34, one thread: <c>Read</c> + <c>GetSpan</c> + a digits-only parse (what the loader did first).</summary>
    [Benchmark(Baseline = true)]
    public int CsvHelperSequential() => ReadCsvHelper(path).OrderId.Count;

    /// <summary>CsvHelper 34 <c>ParallelEnumerate</c> with two workers, results in input order.</summary>
    [Benchmark]
    public int CsvHelperParallelEnumerate2() => ReadCsvHelperParallel(path).OrderId.Count;

    /// <summary>Sylvan.Data.Csv 1.4.4 <c>GetInt32</c>, one thread.</summary>
    [Benchmark]
    public int SylvanSequential() => ReadSylvan(path).OrderId.Count;

    /// <summary>The library's loader as it stands: text sniff, the range parser, then the repeated-pair check.</summary>
    [Benchmark]
    public int LibraryLoader() => OrderLinesLoader.Load(path).Count;

    /// <summary>
    /// Exactly the parse the loader runs today (<c>OrderLinesLoader.TryLoadRanges</c>, one thread per processor): byte
    /// ranges split at line breaks, rows counted, one strict CsvHelper reader per range into exact-size columns.
    /// The loader's pair check after it is left out, as no other candidate does it.
    /// </summary>
    [Benchmark]
    public int LoaderRanges() => (OrderLinesLoader.TryLoadRanges(path, Parallelism.Default.Degree) ?? throw new InvalidOperationException("the range parser gave up")).Count;

    /// <summary>
    /// The same range parser on one thread (its ranges one after another): CsvHelper's tokenizer under the loader's
    /// checks, per thread, to set beside <see cref="SepSequential"/>.
    /// </summary>
    [Benchmark]
    public int LoaderRangesOneThread() => (OrderLinesLoader.TryLoadRanges(path, 2, new Parallelism(1)) ?? throw new InvalidOperationException("the range parser gave up")).Count;

    /// <summary>The loader's plain path (<c>OrderLinesLoader.LoadSequential</c>): one strict reader, exact file/line/column errors.</summary>
    [Benchmark]
    public int LoaderSequential() => OrderLinesLoader.LoadSequential(path).Count;

    /// <summary>Sep 0.18.0, one thread, the loader's checks (<see cref="SepLines.Read"/>).</summary>
    [Benchmark]
    public int SepSequential() => SepLines.Read(path).Count;

    /// <summary>Sep 0.18.0 <c>ParallelEnumerate</c>, one worker per processor, input order, the loader's checks (<see cref="SepLines.ReadParallel"/>).</summary>
    [Benchmark]
    public int SepParallelEnumerate() => SepLines.ReadParallel(path, Environment.ProcessorCount).Count;

    internal static ListColumns ReadCsvHelper(string path)
    {
        using var csv = CsvReader.FromFile(path, Options(false));
        var columns = new ListColumns(Capacity(path));
        while (csv.Read())
        {
            columns.OrderId.Add(Digits(csv.GetSpan(0)));
            columns.ProductId.Add(Digits(csv.GetSpan(1)));
            columns.CartOrder.Add(Digits(csv.GetSpan(2)));
            columns.Reordered.Add((byte)Digits(csv.GetSpan(3)));
        }

        return columns;
    }

    internal static ListColumns ReadCsvHelperParallel(string path)
    {
        using var csv = CsvReader.FromFile(path, Options(false));
        var columns = new ListColumns(Capacity(path));
        foreach (var row in csv.ParallelEnumerate(r => (Digits(r.GetSpan(0)), Digits(r.GetSpan(1)), Digits(r.GetSpan(2)), (byte)Digits(r.GetSpan(3))), 2))
        {
            columns.OrderId.Add(row.Item1);
            columns.ProductId.Add(row.Item2);
            columns.CartOrder.Add(row.Item3);
            columns.Reordered.Add(row.Item4);
        }

        return columns;
    }

    internal static ListColumns ReadSylvan(string path)
    {
        using var csv = global::Sylvan.Data.Csv.CsvDataReader.Create(path, new global::Sylvan.Data.Csv.CsvDataReaderOptions { HasHeaders = true, Delimiter = ',' });
        var columns = new ListColumns(Capacity(path));
        while (csv.Read())
        {
            columns.OrderId.Add(csv.GetInt32(0));
            columns.ProductId.Add(csv.GetInt32(1));
            columns.CartOrder.Add(csv.GetInt32(2));
            columns.Reordered.Add((byte)csv.GetInt32(3));
        }

        return columns;
    }

    private static int Capacity(string path) => (int)(new FileInfo(path).Length / 16);

    private static int Digits(ReadOnlySpan<byte> span)
    {
        var value = 0;
        foreach (var b in span)
        {
            value = (value * 10) + (b - '0');
        }

        return value;
    }
}

/// <summary>The columns of the lenient candidates, kept in the lists they grew (no trimming copy, as first measured).</summary>
internal sealed class ListColumns(int capacity)
{
    public List<int> OrderId { get; } = new(capacity);

    public List<int> ProductId { get; } = new(capacity);

    public List<int> CartOrder { get; } = new(capacity);

    public List<byte> Reordered { get; } = new(capacity);
}
