using Apache.Arrow.Types;
using Instacart.Data.Input;
using Instacart.Data.Lines;

namespace Instacart.Data.Cache;

/// <summary>
/// Every table a cache entry keeps, each described once (<see cref="ArrowTable{TSource, TRead}"/>): the input tables
/// as read (the raw prior lines excepted), the merged lines, and the line totals. The names, types and order of the
/// columns are the on-disk format (<see cref="InputCache.FormatVersion"/>).
/// </summary>
internal static class CacheTables
{
    /// <summary><c>orders.csv</c> as read.</summary>
    public static readonly ArrowTable<OrdersTable, OrdersTable> Orders = new("orders", c => new OrdersTable(
        c.Int32("order_id", t => t.OrderId),
        c.Int32("user_id", t => t.UserId),
        c.Fixed("eval_set", UInt8Type.Default, t => t.EvalSet),
        c.Int32("order_number", t => t.OrderNumber),
        c.UInt8("order_dow", t => t.DayOfWeek),
        c.UInt8("order_hour_of_day", t => t.HourOfDay),
        c.Float("days_since_prior_order", t => t.DaysSincePrior)));

    /// <summary><c>order_products__train.csv</c> as read.</summary>
    public static readonly ArrowTable<OrderLinesTable, OrderLinesTable> Train = OrderLines("train", InputFiles.TrainLines);

    /// <summary>
    /// <c>order_products__prior.csv</c> as read: not kept in a cache entry (its merged lines stand in for it), but in
    /// each part of a partitioned dataset (<see cref="Partitions.PartitionedDataset"/>).
    /// </summary>
    public static readonly ArrowTable<OrderLinesTable, OrderLinesTable> Prior = OrderLines("prior", InputFiles.PriorLines);

    /// <summary>The merged lines (rows of the orders table and the catalog); their rows are checked by the reader.</summary>
    public static readonly ArrowTable<LineTable, LineTable> Merged = new("merged", c => new LineTable(
        c.Int32("order_row", t => t.Order),
        c.Int32("product_row", t => t.Product),
        c.UInt8("reordered", t => t.Reordered)));

    /// <summary><c>products.csv</c> as read (before cleaning).</summary>
    public static readonly ArrowTable<IReadOnlyList<ProductRow>, List<ProductRow>> Products = new("products", c => ProductRows(
        c.Int32("product_id", rows => [.. rows.Select(r => r.ProductId)]),
        c.Utf8("product_name", rows => [.. rows.Select(r => r.Name)]),
        c.Int32("aisle_id", rows => [.. rows.Select(r => r.AisleId)]),
        c.Int32("department_id", rows => [.. rows.Select(r => r.DepartmentId)]),
        c.Double("price", rows => [.. rows.Select(r => r.Price)]),
        c.Utf8("price_text", rows => [.. rows.Select(r => r.PriceText)]),
        c.Int64("line", rows => [.. rows.Select(r => r.Line)])));

    /// <summary><c>departments.csv</c> as read.</summary>
    public static readonly ArrowTable<NamedIds, NamedIds> Departments = Named("departments", InputFiles.Departments);

    /// <summary><c>aisles.csv</c> as read.</summary>
    public static readonly ArrowTable<NamedIds, NamedIds> Aisles = Named("aisles", InputFiles.Aisles);

    /// <summary><c>customers.csv</c> as read: no personal name (<see cref="CustomersTable"/> has none).</summary>
    public static readonly ArrowTable<CustomersTable, CustomersTable> Customers = new("customers", c => new CustomersTable(
        c.Int32("user_id", t => t.UserId),
        c.Utf8("gender", t => t.Gender),
        c.Utf8("state", t => t.State),
        c.Int32("age", t => t.Age),
        c.Utf8("date_joined", t => t.DateJoined),
        c.Int32("n_dependants", t => t.Dependants),
        c.Utf8("fam_status", t => t.FamilyStatus),
        c.Int32("income", t => t.Income)));

    /// <summary>The line totals per order (the department sets as 64-bit masks, zero when not kept).</summary>
    public static readonly ArrowTable<LineTotals, (int[] Lines, int[] Reordered, int[] Known, long[] Revenue, ulong[] Departments)> OrderTotals = new("order_totals", c => (
        c.Int32("lines", t => t.OrderLines),
        c.Int32("reordered", t => t.OrderReordered),
        c.Int32("known_price_lines", t => t.OrderKnownPriceLines),
        c.Int64("revenue_units", t => t.OrderRevenueUnits),
        c.Fixed("departments", Int64Type.Default, t => t.OrderDepartments ?? new ulong[t.OrderLines.Length])));

    /// <summary>The line totals per product.</summary>
    public static readonly ArrowTable<LineTotals, (int[] Lines, int[] Reordered)> ProductTotals = new("product_totals", c => (
        c.Int32("lines", t => t.ProductLines),
        c.Int32("reordered", t => t.ProductReordered)));

    /// <summary>The line totals and order facts per customer.</summary>
    public static readonly ArrowTable<LineTotals, (int[] Lines, int[] Reordered, int[] Known, long[] Revenue, int[] Orders, int[] MaxOrder, double[] MedianDays)> CustomerTotals = new("customer_totals", c => (
        c.Int32("lines", t => t.CustomerLines),
        c.Int32("reordered", t => t.CustomerReordered),
        c.Int32("known_price_lines", t => t.CustomerKnownPriceLines),
        c.Int64("revenue_units", t => t.CustomerRevenueUnits),
        c.Int32("orders", t => t.CustomerOrders),
        c.Int32("max_order", t => t.CustomerMaxOrder),
        c.Double("median_days", t => t.CustomerMedianDays)));

    /// <summary>The line totals per customer × department (written only when the totals keep them).</summary>
    public static readonly ArrowTable<LineTotals, (int[] Lines, int[] Reordered)> CellTotals = new("cell_totals", c => (
        c.Int32("lines", t => t.CustomerDepartmentLines ?? []),
        c.Int32("reordered", t => t.CustomerDepartmentReordered ?? [])));

    private static ArrowTable<OrderLinesTable, OrderLinesTable> OrderLines(string table, string fileName) => new(table, c => new OrderLinesTable(
        fileName,
        c.Int32("order_id", t => t.OrderId),
        c.Int32("product_id", t => t.ProductId),
        c.Int32("add_to_cart_order", t => t.AddToCartOrder),
        c.UInt8("reordered", t => t.Reordered)));

    private static ArrowTable<NamedIds, NamedIds> Named(string table, string fileName) => new(table, c => NamedRows(
        fileName,
        c.Int32("id", named => [.. named.Ids]),
        c.Utf8("name", named => [.. named.Ids.Select(id => named[id])])));

    private static NamedIds NamedRows(string fileName, int[] ids, string[] names) =>
        ids.Any(id => id < 0) ? throw new CacheDamagedException($"{fileName} has a negative id") : new NamedIds(fileName, [.. ids.Zip(names)]);

    private static List<ProductRow> ProductRows(int[] ids, string[] names, int[] aisles, int[] departments, double[] prices, string[] texts, long[] lines)
    {
        var result = new List<ProductRow>(ids.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            result.Add(new ProductRow(ids[i], names[i], aisles[i], departments[i], prices[i], texts[i], lines[i]));
        }

        return result;
    }
}
