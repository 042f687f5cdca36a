using BenchmarkDotNet.Attributes;
using CsvHelper;
using Instacart.Data.Input;

namespace Instacart.Benchmarks;

/// <summary>
/// Parsing <c>order_products__prior.csv</c> (four integer columns) into arrays: the candidates for the lines
/// loader. Each reads every field of every row and keeps three int columns and one byte column.
/// </summary>
[MemoryDiagnoser]
public class ParserBenchmarks
{
    private string path = "";
    private int capacity;

    [GlobalSetup]
    public void Setup()
    {
        path = BenchData.PriorLines;
        capacity = (int)(new FileInfo(path).Length / 16);
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
    public int CsvHelperSequential()
    {
        using var csv = CsvReader.FromFile(path, Options(false));
        var a = new List<int>(capacity);
        var b = new List<int>(capacity);
        var c = new List<int>(capacity);
        var d = new List<byte>(capacity);
        while (csv.Read())
        {
            a.Add(Digits(csv.GetSpan(0)));
            b.Add(Digits(csv.GetSpan(1)));
            c.Add(Digits(csv.GetSpan(2)));
            d.Add((byte)Digits(csv.GetSpan(3)));
        }

        return a.Count;
    }

    /// <summary>CsvHelper 34 <c>ParallelEnumerate</c> with two workers, results in input order.</summary>
    [Benchmark]
    public int CsvHelperParallelEnumerate2()
    {
        using var csv = CsvReader.FromFile(path, Options(false));
        var a = new List<int>(capacity);
        var b = new List<int>(capacity);
        var c = new List<int>(capacity);
        var d = new List<byte>(capacity);
        foreach (var row in csv.ParallelEnumerate(r => (Digits(r.GetSpan(0)), Digits(r.GetSpan(1)), Digits(r.GetSpan(2)), (byte)Digits(r.GetSpan(3))), 2))
        {
            a.Add(row.Item1);
            b.Add(row.Item2);
            c.Add(row.Item3);
            d.Add(row.Item4);
        }

        return a.Count;
    }

    /// <summary>Sylvan.Data.Csv 1.4.4 <c>GetInt32</c>, one thread.</summary>
    [Benchmark]
    public int SylvanSequential()
    {
        using var csv = global::Sylvan.Data.Csv.CsvDataReader.Create(path, new global::Sylvan.Data.Csv.CsvDataReaderOptions { HasHeaders = true, Delimiter = ',' });
        var a = new List<int>(capacity);
        var b = new List<int>(capacity);
        var c = new List<int>(capacity);
        var d = new List<byte>(capacity);
        while (csv.Read())
        {
            a.Add(csv.GetInt32(0));
            b.Add(csv.GetInt32(1));
            c.Add(csv.GetInt32(2));
            d.Add((byte)csv.GetInt32(3));
        }

        return a.Count;
    }

    /// <summary>The library's loader as it stands (strict checks, file/line/column errors).</summary>
    [Benchmark]
    public int LibraryLoader() => OrderLinesLoader.Load(path).Count;

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
