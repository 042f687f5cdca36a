using Instacart.Data.Input;

namespace Instacart.Data.Partitions;

/// <summary>
/// The rows of an input table whose flag is set, as a table of its own: what a customer part (<see cref="CustomerParts"/>)
/// and a customer sample (<see cref="CustomerSample"/>) keep of the orders, lines and customers. Its rows are numbered
/// from the start, not by the whole file's lines.
/// </summary>
internal static class PartTables
{
    /// <summary>The orders whose <paramref name="keep"/> flag is set, in order.</summary>
    public static OrdersTable Orders(OrdersTable orders, bool[] keep)
    {
        var count = Kept(keep);
        return new OrdersTable(
            Pick(orders.OrderId, keep, count),
            Pick(orders.UserId, keep, count),
            Pick(orders.EvalSet, keep, count),
            Pick(orders.OrderNumber, keep, count),
            Pick(orders.DayOfWeek, keep, count),
            Pick(orders.HourOfDay, keep, count),
            Pick(orders.DaysSincePrior, keep, count));
    }

    /// <summary>The customers whose <paramref name="keep"/> flag is set, in order.</summary>
    public static CustomersTable Customers(CustomersTable customers, bool[] keep)
    {
        var count = Kept(keep);
        return new CustomersTable(
            Pick(customers.UserId, keep, count),
            Pick(customers.Gender, keep, count),
            Pick(customers.State, keep, count),
            Pick(customers.Age, keep, count),
            Pick(customers.DateJoined, keep, count),
            Pick(customers.Dependants, keep, count),
            Pick(customers.FamilyStatus, keep, count),
            Pick(customers.Income, keep, count));
    }

    /// <summary>The lines whose <paramref name="keep"/> flag is set, in order.</summary>
    public static OrderLinesTable Lines(OrderLinesTable lines, bool[] keep)
    {
        var picked = lines.Where(keep, Kept(keep));
        return new OrderLinesTable(picked.FileName, picked.OrderId, picked.ProductId, picked.AddToCartOrder, picked.Reordered);
    }

    private static int Kept(bool[] keep)
    {
        var count = 0;
        foreach (var kept in keep)
        {
            count += kept ? 1 : 0;
        }

        return count;
    }

    private static T[] Pick<T>(T[] values, bool[] keep, int count)
    {
        var picked = new T[count];
        for (int i = 0, k = 0; i < values.Length; i++)
        {
            if (keep[i])
            {
                picked[k++] = values[i];
            }
        }

        return picked;
    }
}
