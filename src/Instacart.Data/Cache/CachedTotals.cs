using Instacart.Data.Lines;

namespace Instacart.Data.Cache;

/// <summary>
/// The line totals (<see cref="LineTotals"/>) kept in a cache entry beside the merged lines: four tables (per order,
/// product, customer, and customer × department, described in <see cref="CacheTables"/>), so that a load from the cache
/// need not pass over 32M lines again. They depend on the inputs (the entry's key) and on one option, the price limit,
/// which the manifest records.
/// </summary>
internal static class CachedTotals
{
    /// <summary>Whether a cached table is one of the totals'.</summary>
    public static bool IsTotalsTable(string name) =>
        name == CacheTables.OrderTotals.Name || name == CacheTables.ProductTotals.Name || name == CacheTables.CustomerTotals.Name || name == CacheTables.CellTotals.Name;

    /// <summary>Writes the tables into <paramref name="entry"/>; returns them and what the manifest records.</summary>
    public static (IReadOnlyList<CachedTable> Tables, TotalsInfo Info) Write(string entry, LineTotals totals, double priceLimit)
    {
        var tables = new List<CachedTable>
        {
            CacheTables.OrderTotals.Write(entry, totals),
            CacheTables.ProductTotals.Write(entry, totals),
            CacheTables.CustomerTotals.Write(entry, totals),
        };
        if (totals.CustomerDepartmentLines is not null && totals.CustomerDepartmentReordered is not null)
        {
            tables.Add(CacheTables.CellTotals.Write(entry, totals));
        }

        var info = new TotalsInfo(priceLimit, totals.PriceScale, totals.Departments, totals.OrderDepartments is not null, totals.CustomerDepartmentLines is not null);
        return (tables, info);
    }

    /// <summary>The kept totals, or null when a table is missing or damaged (the caller checks their sizes against its tables).</summary>
    public static LineTotals? Read(string entry, CacheManifest manifest, TotalsInfo info)
    {
        try
        {
            CachedTable Table(string name) => manifest.Tables.FirstOrDefault(t => t.Name == name) ?? throw new CacheDamagedException($"no {name} table");
            var orders = CacheTables.OrderTotals.Read(entry, Table(CacheTables.OrderTotals.Name));
            var products = CacheTables.ProductTotals.Read(entry, Table(CacheTables.ProductTotals.Name));
            var customers = CacheTables.CustomerTotals.Read(entry, Table(CacheTables.CustomerTotals.Name));
            (int[] Lines, int[] Reordered)? cells = info.Cells ? CacheTables.CellTotals.Read(entry, Table(CacheTables.CellTotals.Name)) : null;
            return LineTotals.FromArrays(
                info.PriceScale,
                info.Departments,
                (orders.Lines, orders.Reordered, orders.Known, orders.Revenue, info.DepartmentSets ? orders.Departments : null),
                products,
                customers,
                cells);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Missing or damaged: the totals are made from the lines again (and written again).
            return null;
        }
    }
}
