using Instacart.Analysis.Cleaning;
using Instacart.Analysis.Input;

namespace Instacart.Analysis.Model;

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
    public static LineMerge Build(OrdersTable orders, OrderLinesTable priorLines, ProductCatalog products, CustomersTable customers, UniqueIndex orderIndex)
    {
        var customerIndex = CustomerIndex(customers);
        var orderCustomer = new int[orders.Count];
        for (var row = 0; row < orders.Count; row++)
        {
            orderCustomer[row] = customerIndex.RowOf(orders.UserId[row]);
        }

        var capacity = priorLines.Count;
        var lineOrder = new ColumnBuilder<int>(capacity);
        var lineProduct = new ColumnBuilder<int>(capacity);
        var lineReordered = new ColumnBuilder<byte>(capacity);
        long joined = 0, withoutProduct = 0, withoutCustomer = 0;
        var evalSet = orders.EvalSet;
        for (var i = 0; i < priorLines.Count; i++)
        {
            var order = orderIndex.RowOf(priorLines.OrderId[i]);
            if (order < 0)
            {
                throw UnknownOrder(priorLines, i);
            }

            if (evalSet[order] != EvalSet.Prior)
            {
                continue;
            }

            joined++;
            var product = products.IndexOf(priorLines.ProductId[i]);
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

            lineOrder.Add(order);
            lineProduct.Add(product);
            lineReordered.Add(priorLines.Reordered[i]);
        }

        var lines = new LineTable(lineOrder.ToArray(), lineProduct.ToArray(), lineReordered.ToArray());
        return new LineMerge(lines, orderCustomer, joined, withoutProduct, withoutCustomer);
    }

    /// <summary>The unique index of <c>orders.csv</c> by <c>order_id</c>; a repeated id is bad input.</summary>
    public static UniqueIndex OrderIndex(OrdersTable orders) => UniqueIndex.Build(
        orders.OrderId,
        (row, first) => new InputException(InputFiles.Orders, OrdersTable.LineOf(row), 1, "order_id", "a unique order_id", $"'{orders.OrderId[row]}', already on line {OrdersTable.LineOf(first)}"));

    /// <summary>The unique index of <c>customers.csv</c> by <c>user_id</c>; a repeated id is bad input.</summary>
    public static UniqueIndex CustomerIndex(CustomersTable customers) => UniqueIndex.Build(
        customers.UserId,
        (row, first) => new InputException(InputFiles.Customers, row + 2, 1, "user_id", "a unique user_id", $"'{customers.UserId[row]}', already on line {first + 2}"));

    /// <summary>The error for an order line whose order is not in <c>orders.csv</c>.</summary>
    public static InputException UnknownOrder(OrderLinesTable lines, int row) =>
        new(lines.FileName, OrderLinesTable.LineOf(row), 1, "order_id", $"an order_id of {InputFiles.Orders}", $"'{lines.OrderId[row]}'");
}
