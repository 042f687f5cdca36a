using BenchmarkDotNet.Attributes;
using Instacart.Analysis.Answers;
using Instacart.Data.Cache;
using Instacart.Data.Derivation;
using Instacart.Data.Lines;
using Instacart.Data;

namespace Instacart.Benchmarks;

/// <summary>
/// The whole load from CSV and from the columnar cache, and the stages after the parse on data loaded once from CSV:
/// the merge (joins), the line totals, the derivation and the group-bys. Loads go through the explicit overload, which
/// neither shares a loaded folder nor uses the environment's cache.
/// </summary>
/// <remarks>
/// The questions' day × hour cells are made once per loaded data, so <see cref="Questions"/> and
/// <see cref="AnswersText"/> time them in their first iteration only (about 0.02 s at full scale).
/// </remarks>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private readonly string cacheFolder = Path.Combine(Path.GetTempPath(), "instacart-bench-cache-" + Environment.ProcessId);
    private InstacartData data = null!;
    private UniqueIndex orderIndex = null!;

    [GlobalSetup]
    public void Setup()
    {
        data = InstacartData.Load(BenchData.Folder, null, null);
        orderIndex = LineMerge.OrderIndex(data.Orders);
        InstacartData.Load(BenchData.Folder, null, new CacheOptions(cacheFolder));
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(cacheFolder, recursive: true);

    /// <summary>The whole load of the data folder from CSV: parse of every file, clean, merge, totals, derive.</summary>
    [Benchmark]
    public int Load() => InstacartData.Load(BenchData.Folder, null, null).Lines.Count;

    /// <summary>The whole load of the data folder from a valid cache entry (the merged lines are not read).</summary>
    [Benchmark]
    public int LoadFromCache() => InstacartData.Load(BenchData.Folder, null, new CacheOptions(cacheFolder)).Totals.OrderLines.Length;

    /// <summary>The joins of SPEC §3: lines ⋈ orders ⋈ products ⋈ customers, with the drop counts.</summary>
    [Benchmark]
    public int Merge() => LineMerge.Build(data.Orders, data.Input.PriorLines, data.Products, data.Input.Customers, orderIndex).Lines.Count;

    /// <summary>The one pass over the merged lines that totals them per order, product and customer × department.</summary>
    [Benchmark]
    public int Totals() => LineTotals.Compute(data.Lines, data.Merge.OrderCustomer, data.Products, data.Orders, data.Input.Customers.Count, data.Totals.Departments, Parallelism.Default).OrderLines.Length;

    /// <summary>The per-customer values of SPEC §4, from the per-order totals.</summary>
    [Benchmark]
    public int Derive() => CustomerFacts.Derive(data.Input.Customers, data.Input.Departments, data.Lines, data.Merge.OrderCustomer, data.Products, data.Totals, data.Options, Parallelism.Default).Count;

    /// <summary>The eleven group-bys of SPEC §5.</summary>
    [Benchmark]
    public int Questions() => CoreQuestions.Compute(data).Count;

    /// <summary>The eleven questions and the canonical answers.json text.</summary>
    [Benchmark]
    public int AnswersText() => AnswersDocument.ToText(AnswersDocument.Compute(data)).Length;
}
