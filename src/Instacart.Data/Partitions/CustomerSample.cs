using Instacart.Data.Input;
using Instacart.Data.Lines;

namespace Instacart.Data.Partitions;

/// <summary>
/// A seeded sample of customers, drawn part by part from a partitioned dataset for the work that needs every row of its
/// customers in one place (the models). A customer is kept when a seeded hash of its <c>user_id</c> falls below
/// <see cref="Rate"/>: the decision depends on the id, the seed and the rate only, so the same customers are kept however
/// many parts the dataset has, on every machine and run, and with rate 1 every customer is kept. A kept customer keeps
/// all its orders and lines.
/// </summary>
public sealed class CustomerSample : IEquatable<CustomerSample>
{
    /// <summary>
    /// The most customers the default sample aims at (<see cref="For(long)"/>): about 50,000, enough for the models'
    /// own caps and samples (their fit samples and candidate caps are smaller) while one part and the sample stay in memory.
    /// </summary>
    public const int DefaultMaxCustomers = 50_000;

    /// <summary>The default seed of the hash.</summary>
    public const ulong DefaultSeed = 17;

    /// <summary>A sample keeping a share <paramref name="rate"/> of the customers, drawn with <paramref name="seed"/>.</summary>
    /// <param name="rate">The share kept: above 0, at most 1 (1 keeps every customer).</param>
    /// <param name="seed">The hash's seed.</param>
    /// <exception cref="ArgumentOutOfRangeException">The rate is not in (0, 1].</exception>
    public CustomerSample(double rate, ulong seed = DefaultSeed)
    {
        if (!(rate > 0 && rate <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "the sample rate must be above 0 and at most 1");
        }

        Rate = rate;
        Seed = seed;
    }

    /// <summary>The share of customers kept, in (0, 1].</summary>
    public double Rate { get; }

    /// <summary>The hash's seed.</summary>
    public ulong Seed { get; }

    /// <summary>Whether every customer is kept (<see cref="Rate"/> is 1).</summary>
    public bool KeepsEveryone => Rate >= 1;

    /// <summary>
    /// The default sample for data of <paramref name="customers"/> customers: every customer up to
    /// <see cref="DefaultMaxCustomers"/>, else the rate that keeps about that many, with <see cref="DefaultSeed"/>.
    /// </summary>
    public static CustomerSample For(long customers) =>
        new(customers <= DefaultMaxCustomers ? 1.0 : DefaultMaxCustomers / (double)customers);

    /// <summary>The default sample of <paramref name="dataset"/>, from the customers its manifest counts (<see cref="PartitionedDataset.Customers"/>).</summary>
    public static CustomerSample For(PartitionedDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return For(dataset.Customers);
    }

    /// <summary>
    /// Whether the customer <paramref name="userId"/> is in the sample: a 64-bit mix (SplitMix64's finaliser) of the id
    /// and the seed, read as a number in [0, 1), below <see cref="Rate"/>.
    /// </summary>
    public bool Keeps(int userId)
    {
        var x = Seed ^ unchecked((ulong)(uint)userId * 0x9E3779B97F4A7C15UL);
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return (x >> 11) * (1.0 / (1UL << 53)) < Rate;
    }

    /// <summary>
    /// The rows of <paramref name="part"/> the sample keeps: the kept customers, their orders, the lines of those
    /// orders (a line of an order the table lacks goes by its <c>order_id</c>, as <see cref="CustomerParts"/> places it),
    /// and the dimensions as they are.
    /// </summary>
    internal InputTables Apply(InputTables part)
    {
        ArgumentNullException.ThrowIfNull(part);
        if (KeepsEveryone)
        {
            return part;
        }

        var orders = part.Orders;
        var keepOrder = new bool[orders.Count];
        for (var o = 0; o < keepOrder.Length; o++)
        {
            keepOrder[o] = Keeps(orders.UserId[o]);
        }

        var index = LineMerge.OrderIndex(orders);
        return part with
        {
            Orders = PartTables.Orders(orders, keepOrder),
            PriorLines = PickLines(part.PriorLines, index, keepOrder),
            TrainLines = part.TrainLines is { } train ? PickLines(train, index, keepOrder) : null,
            Customers = PartTables.Customers(part.Customers, [.. part.Customers.UserId.Select(Keeps)]),
        };
    }

    /// <summary>
    /// The kept rows of every part as one set of tables, in an order that does not depend on the parts: orders by
    /// <c>user_id</c> (a customer's orders in their order in the part), lines by their order's place (lines of an
    /// unknown order last, by <c>order_id</c>), customers by <c>user_id</c>; the dimensions of the first part.
    /// </summary>
    /// <exception cref="ArgumentException">There is no part.</exception>
    internal static InputTables Combine(IReadOnlyList<InputTables> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0)
        {
            throw new ArgumentException("At least one part is needed.", nameof(parts));
        }

        var orderIds = Concat(parts, p => p.Orders.OrderId);
        var userIds = Concat(parts, p => p.Orders.UserId);
        var orderRows = StableOrder(userIds.Length, r => userIds[r]);
        var orders = new OrdersTable(
            Permute(orderIds, orderRows),
            Permute(userIds, orderRows),
            Permute(Concat(parts, p => p.Orders.EvalSet), orderRows),
            Permute(Concat(parts, p => p.Orders.OrderNumber), orderRows),
            Permute(Concat(parts, p => p.Orders.DayOfWeek), orderRows),
            Permute(Concat(parts, p => p.Orders.HourOfDay), orderRows),
            Permute(Concat(parts, p => p.Orders.DaysSincePrior), orderRows));
        var index = LineMerge.OrderIndex(orders);

        var customerIds = Concat(parts, p => p.Customers.UserId);
        var customerRows = StableOrder(customerIds.Length, r => customerIds[r]);
        var customers = new CustomersTable(
            Permute(customerIds, customerRows),
            Permute(Concat(parts, p => p.Customers.Gender), customerRows),
            Permute(Concat(parts, p => p.Customers.State), customerRows),
            Permute(Concat(parts, p => p.Customers.Age), customerRows),
            Permute(Concat(parts, p => p.Customers.DateJoined), customerRows),
            Permute(Concat(parts, p => p.Customers.Dependants), customerRows),
            Permute(Concat(parts, p => p.Customers.FamilyStatus), customerRows),
            Permute(Concat(parts, p => p.Customers.Income), customerRows));

        var first = parts[0];
        return first with
        {
            Orders = orders,
            PriorLines = CombineLines([.. parts.Select(p => p.PriorLines)], index),
            TrainLines = first.TrainLines is null ? null : CombineLines([.. parts.Select(p => p.TrainLines!)], index),
            Customers = customers,
        };
    }

    /// <inheritdoc />
    public bool Equals(CustomerSample? other) => other is not null && other.Rate == Rate && other.Seed == Seed;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as CustomerSample);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Rate, Seed);

    private static OrderLinesTable CombineLines(IReadOnlyList<OrderLinesTable> parts, UniqueIndex orderIndex)
    {
        var orderId = Concat(parts, p => p.OrderId);
        var rows = StableOrder(orderId.Length, r => orderIndex.RowOf(orderId[r]) is var row and >= 0 ? row : int.MaxValue - 1L + orderId[r]);
        return new OrderLinesTable(
            parts[0].FileName,
            Permute(orderId, rows),
            Permute(Concat(parts, p => p.ProductId), rows),
            Permute(Concat(parts, p => p.AddToCartOrder), rows),
            Permute(Concat(parts, p => p.Reordered), rows));
    }

    private OrderLinesTable PickLines(OrderLinesTable lines, UniqueIndex orderIndex, bool[] keepOrder)
    {
        var orderId = lines.OrderId;
        var keep = new bool[lines.Count];
        for (var i = 0; i < keep.Length; i++)
        {
            var row = orderIndex.RowOf(orderId[i]);
            keep[i] = row >= 0 ? keepOrder[row] : Keeps(orderId[i]);
        }

        return PartTables.Lines(lines, keep);
    }

    private static T[] Concat<TPart, T>(IReadOnlyList<TPart> parts, Func<TPart, T[]> column)
    {
        var all = new List<T>();
        foreach (var part in parts)
        {
            all.AddRange(column(part));
        }

        return [.. all];
    }

    /// <summary>The rows 0 … <paramref name="count"/> − 1 ordered by <paramref name="key"/>, ties in row order.</summary>
    private static int[] StableOrder(int count, Func<int, long> key)
    {
        var keys = new long[count];
        var rows = new int[count];
        for (var r = 0; r < count; r++)
        {
            keys[r] = key(r);
            rows[r] = r;
        }

        // Array.Sort is not stable: the row breaks ties.
        Array.Sort(rows, (a, b) => keys[a] != keys[b] ? keys[a].CompareTo(keys[b]) : a.CompareTo(b));
        return rows;
    }

    private static T[] Permute<T>(T[] values, int[] rows)
    {
        var result = new T[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            result[i] = values[rows[i]];
        }

        return result;
    }
}
