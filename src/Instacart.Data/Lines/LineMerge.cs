using Instacart.Data.Cleaning;
using Instacart.Data.Input;

namespace Instacart.Data.Lines;

/// <summary>The merge of SPEC §3 and the counts each join dropped.</summary>
/// <param name="Lines">The merged lines.</param>
/// <param name="OrderCustomer">For each row of the orders table, the row of its user in the customers table, or -1.</param>
/// <param name="LinesJoinedOrders">Prior lines whose order is a prior order.</param>
/// <param name="LinesWithoutProduct">Of those, lines whose product was not kept.</param>
/// <param name="LinesWithoutCustomer">Of the rest, lines whose user is not a customer.</param>
public sealed record LineMerge(LineTable Lines, int[] OrderCustomer, long LinesJoinedOrders, long LinesWithoutProduct, long LinesWithoutCustomer)
{
    /// <summary>
    /// Inner-joins the prior lines to the prior orders, the clean products and the customers, in that order.
    /// Each right side is checked unique first; a line whose <c>order_id</c> is not in <c>orders.csv</c> at all is bad input.
    /// </summary>
    public static LineMerge Build(OrdersTable orders, OrderLinesTable priorLines, ProductCatalog products, CustomersTable customers, UniqueIndex orderIndex) =>
        Build(orders, priorLines, products, customers, orderIndex, Parallelism.Default);

    /// <summary>As <see cref="Build(OrdersTable, OrderLinesTable, ProductCatalog, CustomersTable, UniqueIndex)"/>, in <paramref name="parallelism"/>'s ranges and threads.</summary>
    /// <remarks>
    /// Given <paramref name="byOrder"/>, the prior lines grouped by <c>order_id</c> as the pair check left them
    /// (<see cref="OrderLinesTable.TakeByOrder"/>), the lines are merged in that grouping: each order looked up once,
    /// its lines read straight through, and the merged lines come out grouped by order (what the totals read in one
    /// pass). Otherwise they come out in file order.
    /// </remarks>
    internal static LineMerge Build(OrdersTable orders, OrderLinesTable priorLines, ProductCatalog products, CustomersTable customers, UniqueIndex orderIndex, Parallelism parallelism, RowGroups? byOrder = null)
    {
        var orderCustomer = OrderCustomers(orders, customers);
        if (byOrder is not null && Grouped(orders, byOrder, products, orderCustomer, orderIndex, parallelism) is { } grouped)
        {
            return grouped;
        }

        // Fixed line ranges joined concurrently, each compacting its kept lines into the front of its own slice of
        // scratch columns; the slices are then copied, in file order, into columns of the exact length.
        var count = priorLines.Count;
        var ranges = parallelism.Ranges(count);
        var scratchOrder = new int[count];
        var scratchProduct = new int[count];
        var scratchReordered = new byte[count];
        var kept = new int[ranges.Length];
        var joinedBy = new long[ranges.Length];
        var withoutProductBy = new long[ranges.Length];
        var withoutCustomerBy = new long[ranges.Length];
        var firstUnknown = new int[ranges.Length];
        var evalSet = orders.EvalSet;
        var orderIds = priorLines.OrderId;
        var productIds = priorLines.ProductId;
        var reordered = priorLines.Reordered;
        parallelism.For(ranges.Length, r =>
        {
            var (start, end) = ranges[r];
            var write = start;
            long joined = 0, withoutProduct = 0, withoutCustomer = 0;
            firstUnknown[r] = -1;
            for (var i = start; i < end; i++)
            {
                var order = orderIndex.RowOf(orderIds[i]);
                if (order < 0)
                {
                    firstUnknown[r] = i;
                    break;
                }

                if (evalSet[order] != EvalSet.Prior)
                {
                    continue;
                }

                joined++;
                var product = products.IndexOf(productIds[i]);
                if (product < 0)
                {
                    withoutProduct++;
                    continue;
                }

                if (orderCustomer[order] < 0)
                {
                    withoutCustomer++;
                    continue;
                }

                scratchOrder[write] = order;
                scratchProduct[write] = product;
                scratchReordered[write] = reordered[i];
                write++;
            }

            kept[r] = write - start;
            joinedBy[r] = joined;
            withoutProductBy[r] = withoutProduct;
            withoutCustomerBy[r] = withoutCustomer;
        });

        foreach (var row in firstUnknown)
        {
            if (row >= 0)
            {
                throw UnknownOrder(priorLines, row);
            }
        }

        var lines = Compact(scratchOrder, scratchProduct, scratchReordered, [.. ranges.Select(range => range.Start)], kept, parallelism);
        return new LineMerge(lines, orderCustomer, joinedBy.Sum(), withoutProductBy.Sum(), withoutCustomerBy.Sum());
    }

    /// <summary>
    /// The merge of lines grouped by <c>order_id</c> (each line's <c>product_id &lt;&lt; 1 | reordered</c>), in ranges of
    /// orders on the workers; null when some order is not in <c>orders.csv</c> (the file-order merge names its first line).
    /// </summary>
    private static LineMerge? Grouped(OrdersTable orders, RowGroups byOrder, ProductCatalog products, int[] orderCustomer, UniqueIndex orderIndex, Parallelism parallelism)
    {
        var count = byOrder.Rows.Length;
        var values = byOrder.Rows;
        var starts = byOrder.Starts;
        var ranges = byOrder.Ranges(parallelism);
        var scratchOrder = new int[count];
        var scratchProduct = new int[count];
        var scratchReordered = new byte[count];
        var kept = new int[ranges.Length];
        var joinedBy = new long[ranges.Length];
        var withoutProductBy = new long[ranges.Length];
        var withoutCustomerBy = new long[ranges.Length];
        var unknown = new bool[ranges.Length];
        var evalSet = orders.EvalSet;
        parallelism.For(ranges.Length, r =>
        {
            var (first, last) = ranges[r];
            var write = starts[first];
            long joined = 0, withoutProduct = 0, withoutCustomer = 0;
            for (var g = first; g < last && !unknown[r]; g++)
            {
                int start = starts[g], end = starts[g + 1];
                if (start == end)
                {
                    continue;
                }

                var order = orderIndex.RowOf(byOrder.KeyOf(g));
                if (order < 0)
                {
                    unknown[r] = true;
                    break;
                }

                if (evalSet[order] != EvalSet.Prior)
                {
                    continue;
                }

                joined += end - start;
                var hasCustomer = orderCustomer[order] >= 0;
                for (var i = start; i < end; i++)
                {
                    var value = values[i];
                    var product = products.IndexOf(value >> 1);
                    if (product < 0)
                    {
                        withoutProduct++;
                        continue;
                    }

                    if (!hasCustomer)
                    {
                        withoutCustomer++;
                        continue;
                    }

                    scratchOrder[write] = order;
                    scratchProduct[write] = product;
                    scratchReordered[write] = (byte)(value & 1);
                    write++;
                }
            }

            kept[r] = write - starts[first];
            joinedBy[r] = joined;
            withoutProductBy[r] = withoutProduct;
            withoutCustomerBy[r] = withoutCustomer;
        });

        if (unknown.Contains(true))
        {
            return null;
        }

        var lines = Compact(scratchOrder, scratchProduct, scratchReordered, [.. ranges.Select(range => starts[range.Start])], kept, parallelism);
        return new LineMerge(lines, orderCustomer, joinedBy.Sum(), withoutProductBy.Sum(), withoutCustomerBy.Sum());
    }

    /// <summary>
    /// The merged lines in columns of the exact length: each worker's kept lines (<paramref name="kept"/>[r] of them, from
    /// <paramref name="from"/>[r] in the scratch columns) copied side by side, in the workers' order.
    /// </summary>
    private static LineTable Compact(int[] scratchOrder, int[] scratchProduct, byte[] scratchReordered, int[] from, int[] kept, Parallelism parallelism)
    {
        var at = new int[kept.Length + 1];
        for (var r = 0; r < kept.Length; r++)
        {
            at[r + 1] = at[r] + kept[r];
        }

        var lineOrder = new int[at[^1]];
        var lineProduct = new int[at[^1]];
        var lineReordered = new byte[at[^1]];
        parallelism.For(kept.Length, r =>
        {
            Array.Copy(scratchOrder, from[r], lineOrder, at[r], kept[r]);
            Array.Copy(scratchProduct, from[r], lineProduct, at[r], kept[r]);
            Array.Copy(scratchReordered, from[r], lineReordered, at[r], kept[r]);
        });

        return new LineTable(lineOrder, lineProduct, lineReordered);
    }

    /// <summary>For each row of the orders table, the row of its user in the customers table, or -1.</summary>
    public static int[] OrderCustomers(OrdersTable orders, CustomersTable customers)
    {
        var customerIndex = CustomerIndex(customers);
        var orderCustomer = new int[orders.Count];
        for (var row = 0; row < orders.Count; row++)
        {
            orderCustomer[row] = customerIndex.RowOf(orders.UserId[row]);
        }

        return orderCustomer;
    }

    /// <summary>The unique index of <c>orders.csv</c> by <c>order_id</c>; a repeated id is bad input.</summary>
    public static UniqueIndex OrderIndex(OrdersTable orders) => UniqueIndex.Build(
        orders.OrderId,
        (row, first) => new InputException(InputFiles.Orders, orders.LineOf(row), 1, "order_id", "a unique order_id", $"'{orders.OrderId[row]}', already on line {orders.LineOf(first)}"));

    /// <summary>The unique index of <c>customers.csv</c> by <c>user_id</c>; a repeated id is bad input (named by its lines: no value of the file is quoted).</summary>
    public static UniqueIndex CustomerIndex(CustomersTable customers) => UniqueIndex.Build(
        customers.UserId,
        (row, first) => new InputException(InputFiles.Customers, customers.LineOf(row), 1, "user_id", "a unique user_id", $"the user_id already on line {customers.LineOf(first)}"));

    /// <summary>The error for an order line whose order is not in <c>orders.csv</c>.</summary>
    public static InputException UnknownOrder(OrderLinesTable lines, int row) =>
        new(lines.FileName, lines.LineOf(row), 1, "order_id", $"an order_id of {InputFiles.Orders}", $"'{lines.OrderId[row]}'");
}
