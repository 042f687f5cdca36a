using Instacart.Data.Cleaning;
using Instacart.Data.Input;
using Instacart.Data.Lines;

namespace Instacart.Data.Cache;

/// <summary>
/// The line stages read from a cache entry when it keeps them, else computed by <paramref name="inner"/> and queued to
/// be kept in it (<see cref="CacheEntry"/>). Every answer is the same either way: what the entry keeps is checked when
/// read, and anything damaged is computed again.
/// </summary>
/// <param name="inner">The stages that compute.</param>
/// <param name="entry">The entry the input tables were read from or are being written to.</param>
/// <param name="priceLimit">The price limit the catalog was cleaned with: the totals are kept for it alone.</param>
internal sealed class CachedLineStages(ILineStages inner, CacheEntry entry, double priceLimit) : ILineStages
{
    /// <inheritdoc />
    /// <remarks>
    /// Kept lines are read on first use; if the table is damaged by then, they are merged again from
    /// <paramref name="input"/> and kept again.
    /// </remarks>
    public LineMerge Merge(InputTables input, ProductCatalog catalog, UniqueIndex orderIndex)
    {
        var kept = entry.ReadMerge(input.Orders, input.Customers, catalog.Count, () =>
        {
            var merged = inner.Merge(input, catalog, orderIndex);
            entry.KeepMerge(merged, input.PriorLines.Count);
            return merged.Lines;
        });
        if (kept is not null)
        {
            return kept;
        }

        var merge = inner.Merge(input, catalog, orderIndex);
        entry.KeepMerge(merge, input.PriorLines.Count);
        return merge;
    }

    /// <inheritdoc />
    public LineTotals Total(InputTables input, ProductCatalog catalog, LineMerge merge, int departments)
    {
        if (entry.ReadTotals(priceLimit, catalog.PriceScale, input.Orders.Count, catalog.Count, input.Customers.Count) is { } kept && kept.Departments == departments)
        {
            return kept;
        }

        var totals = inner.Total(input, catalog, merge, departments);
        entry.KeepTotals(totals, priceLimit);
        return totals;
    }
}
