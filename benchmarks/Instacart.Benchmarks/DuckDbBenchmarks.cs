using BenchmarkDotNet.Attributes;
using Instacart.Analysis.Answers;
using Instacart.Data;

namespace Instacart.Benchmarks;

/// <summary>End to end on the same folder: DuckDB (read_csv + SQL) against this library (load + answers.json text).</summary>
public class EndToEndBenchmarks
{
    /// <summary>DuckDB: read the CSVs with explicit types, clean, merge and answer the eleven questions.</summary>
    [Benchmark]
    public int DuckDb() => DuckDbPeer.Run(BenchData.Folder).Count;

    /// <summary>This library: load → clean → merge → derive → the eleven answers as answers.json text.</summary>
    [Benchmark(Baseline = true)]
    public int Library() => AnswersDocument.ToText(AnswersDocument.Compute(InstacartData.Load(BenchData.Folder))).Length;
}
