using Instacart.Data.Cleaning;
using Instacart.Data.Input;

namespace Instacart.Data.Lines;

/// <summary>
/// The load's stages after the input tables, each a function of what came before it: the input tables merged into
/// lines (SPEC §3), then the lines totalled. <see cref="LineStages"/> computes them; the cache wraps it
/// (<c>Cache.CachedLineStages</c>) to read them from an entry, or keep them in one.
/// </summary>
internal interface ILineStages
{
    /// <summary>The merged lines of <paramref name="input"/> (<see cref="LineMerge.Build(OrdersTable, OrderLinesTable, ProductCatalog, CustomersTable, UniqueIndex)"/>).</summary>
    LineMerge Merge(InputTables input, ProductCatalog catalog, UniqueIndex orderIndex);

    /// <summary>The totals of <paramref name="merge"/>'s lines (<see cref="LineTotals.Compute"/>) over <paramref name="departments"/> department ids.</summary>
    LineTotals Total(InputTables input, ProductCatalog catalog, LineMerge merge, int departments);
}

/// <summary>The stages computed, on up to <paramref name="parallelism"/>'s threads.</summary>
internal sealed class LineStages(Parallelism parallelism) : ILineStages
{
    /// <inheritdoc />
    public LineMerge Merge(InputTables input, ProductCatalog catalog, UniqueIndex orderIndex) =>
        LineMerge.Build(input.Orders, input.PriorLines, catalog, input.Customers, orderIndex, parallelism, input.PriorLines.TakeByOrder());

    /// <inheritdoc />
    public LineTotals Total(InputTables input, ProductCatalog catalog, LineMerge merge, int departments) =>
        LineTotals.Compute(merge.Lines, merge.OrderCustomer, catalog, input.Orders, input.Customers.Count, departments, parallelism);
}
