using Instacart.Data.Input;
using Instacart.Data.Lines;

namespace Instacart.Data.Partitions;

/// <summary>
/// Splits validated input tables into parts by customer: every fact the questions need is local to one customer
/// (their orders, their lines, their flags, their medians), so each part answers for its own customers and the parts'
/// partial answers add up to the whole. Products, departments and aisles are small and go to every part.
/// </summary>
internal static class CustomerParts
{
    /// <summary>
    /// The part of <paramref name="userId"/> among <paramref name="parts"/>: a fixed 32-bit mix of the id (MurmurHash3's
    /// finaliser) modulo the count, so a customer lands in the same part on every machine, run and .NET version, and
    /// neighbouring ids spread evenly.
    /// </summary>
    public static int PartOf(int userId, int parts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parts, 1);
        var x = unchecked((uint)userId);
        x ^= x >> 16;
        x *= 0x85EBCA6B;
        x ^= x >> 13;
        x *= 0xC2B2AE35;
        x ^= x >> 16;
        return (int)(x % (uint)parts);
    }

    /// <summary>
    /// The tables of each of <paramref name="parts"/> parts, rows in their order in <paramref name="input"/>: customers
    /// and orders by <see cref="PartOf"/> of their <c>user_id</c>, lines with their order (a line of an order the
    /// orders table lacks goes by its <c>order_id</c>, and its part's load reports it as the whole load would).
    /// </summary>
    public static IReadOnlyList<InputTables> Split(InputTables input, int parts)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfLessThan(parts, 1);
        var orders = input.Orders;
        var orderPart = new int[orders.Count];
        for (var o = 0; o < orders.Count; o++)
        {
            orderPart[o] = PartOf(orders.UserId[o], parts);
        }

        var customerPart = new int[input.Customers.Count];
        for (var c = 0; c < customerPart.Length; c++)
        {
            customerPart[c] = PartOf(input.Customers.UserId[c], parts);
        }

        var index = LineMerge.OrderIndex(orders);
        var priorPart = LinePart(input.PriorLines, index, orderPart, parts);
        var trainPart = input.TrainLines is { } train ? LinePart(train, index, orderPart, parts) : null;
        var result = new InputTables[parts];
        for (var p = 0; p < parts; p++)
        {
            result[p] = input with
            {
                Orders = Orders(orders, orderPart, p),
                PriorLines = Lines(input.PriorLines, priorPart, p),
                TrainLines = input.TrainLines is { } lines ? Lines(lines, trainPart!, p) : null,
                Customers = Customers(input.Customers, customerPart, p),
            };
        }

        return result;
    }

    private static int[] LinePart(OrderLinesTable lines, UniqueIndex orderIndex, int[] orderPart, int parts)
    {
        var part = new int[lines.Count];
        var orderId = lines.OrderId;
        for (var i = 0; i < part.Length; i++)
        {
            var row = orderIndex.RowOf(orderId[i]);
            part[i] = row >= 0 ? orderPart[row] : PartOf(orderId[i], parts);
        }

        return part;
    }

    private static OrderLinesTable Lines(OrderLinesTable lines, int[] partOf, int p) => PartTables.Lines(lines, Keep(partOf, p));

    private static OrdersTable Orders(OrdersTable orders, int[] partOf, int p) => PartTables.Orders(orders, Keep(partOf, p));

    private static CustomersTable Customers(CustomersTable customers, int[] partOf, int p) => PartTables.Customers(customers, Keep(partOf, p));

    private static bool[] Keep(int[] partOf, int p) => [.. partOf.Select(part => part == p)];
}
