using Apache.Arrow;
using Apache.Arrow.Types;
using Instacart.Data.Lines;

namespace Instacart.Data.Cache;

/// <summary>
/// The line totals (<see cref="LineTotals"/>) kept in a cache entry beside the merged lines: four tables (per order,
/// product, customer, and customer × department), so that a load from the cache need not pass over 32M lines again.
/// They depend on the inputs (the entry's key) and on one option, the price limit, which the manifest records.
/// </summary>
internal static class CachedTotals
{
    private static readonly Schema OrderSchema = ArrowTables.Schema(
        "order_totals",
        ("lines", Int32Type.Default),
        ("reordered", Int32Type.Default),
        ("known_price_lines", Int32Type.Default),
        ("revenue_units", Int64Type.Default),
        ("departments", Int64Type.Default));

    private static readonly Schema ProductSchema = ArrowTables.Schema(
        "product_totals",
        ("lines", Int32Type.Default),
        ("reordered", Int32Type.Default));

    private static readonly Schema CustomerSchema = ArrowTables.Schema(
        "customer_totals",
        ("lines", Int32Type.Default),
        ("reordered", Int32Type.Default),
        ("known_price_lines", Int32Type.Default),
        ("revenue_units", Int64Type.Default),
        ("orders", Int32Type.Default),
        ("max_order", Int32Type.Default),
        ("median_days", DoubleType.Default));

    private static readonly Schema CellSchema = ArrowTables.Schema(
        "cell_totals",
        ("lines", Int32Type.Default),
        ("reordered", Int32Type.Default));

    /// <summary>Whether a cached table is one of the totals'.</summary>
    public static bool IsTotalsTable(string name) => name is "order_totals" or "product_totals" or "customer_totals" or "cell_totals";

    /// <summary>Writes the four tables into <paramref name="entry"/>; returns them and what the manifest records.</summary>
    public static (IReadOnlyList<CachedTable> Tables, TotalsInfo Info) Write(string entry, LineTotals totals, double priceLimit)
    {
        var orders = totals.OrderLines.Length;
        var masks = totals.OrderDepartments ?? new ulong[orders];
        var tables = new List<CachedTable>
        {
            InputCache.WriteTable(entry, "order_totals", orders, path => ArrowTables.Write(path, OrderSchema, orders, (s, n) =>
            [
                ArrowTables.Int32(totals.OrderLines, s, n),
                ArrowTables.Int32(totals.OrderReordered, s, n),
                ArrowTables.Int32(totals.OrderKnownPriceLines, s, n),
                ArrowTables.Int64(totals.OrderRevenueUnits, s, n),
                ArrowTables.Int64(System.Runtime.InteropServices.MemoryMarshal.Cast<ulong, long>(masks), s, n),
            ])),
            InputCache.WriteTable(entry, "product_totals", totals.ProductLines.Length, path => ArrowTables.Write(path, ProductSchema, totals.ProductLines.Length, (s, n) =>
            [
                ArrowTables.Int32(totals.ProductLines, s, n),
                ArrowTables.Int32(totals.ProductReordered, s, n),
            ])),
            InputCache.WriteTable(entry, "customer_totals", totals.CustomerLines.Length, path => ArrowTables.Write(path, CustomerSchema, totals.CustomerLines.Length, (s, n) =>
            [
                ArrowTables.Int32(totals.CustomerLines, s, n),
                ArrowTables.Int32(totals.CustomerReordered, s, n),
                ArrowTables.Int32(totals.CustomerKnownPriceLines, s, n),
                ArrowTables.Int64(totals.CustomerRevenueUnits, s, n),
                ArrowTables.Int32(totals.CustomerOrders, s, n),
                ArrowTables.Int32(totals.CustomerMaxOrder, s, n),
                ArrowTables.Double(totals.CustomerMedianDays, s, n),
            ])),
        };
        if (totals.CustomerDepartmentLines is { } cells && totals.CustomerDepartmentReordered is { } reordered)
        {
            tables.Add(InputCache.WriteTable(entry, "cell_totals", cells.Length, path => ArrowTables.Write(path, CellSchema, cells.Length, (s, n) =>
            [
                ArrowTables.Int32(cells, s, n),
                ArrowTables.Int32(reordered, s, n),
            ])));
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
            string PathOf(CachedTable table) => Path.Combine(entry, Path.GetFileName(table.File));
            var orderTable = Table("order_totals");
            var orders = InputCache.Rows(orderTable);
            var o = (Lines: InputCache.Column<int>(orders), Reordered: InputCache.Column<int>(orders), Known: InputCache.Column<int>(orders), Revenue: InputCache.Column<long>(orders), Departments: InputCache.Column<ulong>(orders));
            ArrowTables.Read(PathOf(orderTable), OrderSchema, orderTable, (s, b) =>
            {
                ArrowTables.CopyTo(b.Column(0), o.Lines, s);
                ArrowTables.CopyTo(b.Column(1), o.Reordered, s);
                ArrowTables.CopyTo(b.Column(2), o.Known, s);
                ArrowTables.CopyTo(b.Column(3), o.Revenue, s);
                ArrowTables.CopyTo(b.Column(4), o.Departments, s);
            });

            var productTable = Table("product_totals");
            var products = InputCache.Rows(productTable);
            var p = (Lines: InputCache.Column<int>(products), Reordered: InputCache.Column<int>(products));
            ArrowTables.Read(PathOf(productTable), ProductSchema, productTable, (s, b) =>
            {
                ArrowTables.CopyTo(b.Column(0), p.Lines, s);
                ArrowTables.CopyTo(b.Column(1), p.Reordered, s);
            });

            var customerTable = Table("customer_totals");
            var customers = InputCache.Rows(customerTable);
            var c = (Lines: InputCache.Column<int>(customers), Reordered: InputCache.Column<int>(customers), Known: InputCache.Column<int>(customers), Revenue: InputCache.Column<long>(customers), Orders: InputCache.Column<int>(customers), MaxOrder: InputCache.Column<int>(customers), MedianDays: InputCache.Column<double>(customers));
            ArrowTables.Read(PathOf(customerTable), CustomerSchema, customerTable, (s, b) =>
            {
                ArrowTables.CopyTo(b.Column(0), c.Lines, s);
                ArrowTables.CopyTo(b.Column(1), c.Reordered, s);
                ArrowTables.CopyTo(b.Column(2), c.Known, s);
                ArrowTables.CopyTo(b.Column(3), c.Revenue, s);
                ArrowTables.CopyTo(b.Column(4), c.Orders, s);
                ArrowTables.CopyTo(b.Column(5), c.MaxOrder, s);
                ArrowTables.CopyTo(b.Column(6), c.MedianDays, s);
            });

            (int[] Lines, int[] Reordered)? cells = null;
            if (info.Cells)
            {
                var cellTable = Table("cell_totals");
                var rows = InputCache.Rows(cellTable);
                var k = (Lines: InputCache.Column<int>(rows), Reordered: InputCache.Column<int>(rows));
                ArrowTables.Read(PathOf(cellTable), CellSchema, cellTable, (s, b) =>
                {
                    ArrowTables.CopyTo(b.Column(0), k.Lines, s);
                    ArrowTables.CopyTo(b.Column(1), k.Reordered, s);
                });
                cells = k;
            }

            return LineTotals.FromArrays(info.PriceScale, info.Departments, (o.Lines, o.Reordered, o.Known, o.Revenue, info.DepartmentSets ? o.Departments : null), p, c, cells);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Missing or damaged: the totals are made from the lines again (and written again).
            return null;
        }
    }
}
