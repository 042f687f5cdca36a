using BenchmarkDotNet.Attributes;
using Instacart.Analysis;
using Instacart.Analysis.Answers;
using Instacart.Analysis.Derivation;
using Instacart.Analysis.Model;

namespace Instacart.Benchmarks;

/// <summary>The stages after the parse, on data loaded once: the merge (joins), the derivation and the group-bys.</summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private InstacartData data = null!;
    private UniqueIndex orderIndex = null!;

    [GlobalSetup]
    public void Setup()
    {
        data = InstacartData.Load(BenchData.Folder);
        orderIndex = LineMerge.OrderIndex(data.Orders);
    }

    /// <summary>The whole load of the data folder: parse of every file, clean, merge, derive.</summary>
    [Benchmark]
    public int Load() => InstacartData.Load(BenchData.Folder).Lines.Count;

    /// <summary>The joins of SPEC §3: lines ⋈ orders ⋈ products ⋈ customers, with the drop counts.</summary>
    [Benchmark]
    public int Merge() => LineMerge.Build(data.Orders, data.Input.PriorLines, data.Products, data.Input.Customers, orderIndex).Lines.Count;

    /// <summary>The one pass over the merged lines that totals them per order, product and customer × department.</summary>
    [Benchmark]
    public int Totals() => LineTotals.Compute(data.Lines, data.Merge.OrderCustomer, data.Products, data.Orders, data.Input.Customers.Count, data.Totals.Departments).OrderLines.Length;

    /// <summary>The per-customer values of SPEC §4, from the per-order totals.</summary>
    [Benchmark]
    public int Derive() => CustomerFacts.Derive(data.Input.Customers, data.Input.Departments, data.Lines, data.Merge.OrderCustomer, data.Products, data.Totals, data.Options).Count;

    /// <summary>The eleven group-bys of SPEC §5.</summary>
    [Benchmark]
    public int Questions() => CoreQuestions.Compute(data).Count;

    /// <summary>The eleven questions and the canonical answers.json text.</summary>
    [Benchmark]
    public int AnswersText() => AnswersDocument.ToText(AnswersDocument.Compute(data)).Length;
}
