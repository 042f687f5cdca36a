namespace Instacart.Data.Input;

/// <summary>
/// <c>orders.csv</c> as typed columns (struct of arrays), one entry per data row in file order.
/// <see cref="DaysSincePrior"/> is NaN where the file has nothing (each user's first order).
/// </summary>
public sealed class OrdersTable
{
    internal OrdersTable(int[] orderId, int[] userId, EvalSet[] evalSet, int[] orderNumber, byte[] dayOfWeek, byte[] hourOfDay, float[] daysSincePrior, SkippedRows? skipped = null)
    {
        OrderId = orderId;
        UserId = userId;
        EvalSet = evalSet;
        OrderNumber = orderNumber;
        DayOfWeek = dayOfWeek;
        HourOfDay = hourOfDay;
        DaysSincePrior = daysSincePrior;
        Skipped = skipped;
    }

    /// <summary>Number of rows.</summary>
    public int Count => OrderId.Length;

    /// <summary><c>order_id</c>, unique.</summary>
    public int[] OrderId { get; }

    /// <summary><c>user_id</c>.</summary>
    public int[] UserId { get; }

    /// <summary><c>eval_set</c>.</summary>
    public EvalSet[] EvalSet { get; }

    /// <summary><c>order_number</c>, 1 for a user's first order.</summary>
    public int[] OrderNumber { get; }

    /// <summary><c>order_dow</c>, 0..6 (shown as <c>orders_day_of_week</c>).</summary>
    public byte[] DayOfWeek { get; }

    /// <summary><c>order_hour_of_day</c>, 0..23.</summary>
    public byte[] HourOfDay { get; }

    /// <summary><c>days_since_prior_order</c>, NaN when missing.</summary>
    public float[] DaysSincePrior { get; }

    /// <summary>Rows skipped as bad input while loading (only under <see cref="BadRowPolicy.Skip"/>).</summary>
    public SkippedRows? Skipped { get; }

    /// <summary>
    /// The file line of row <paramref name="row"/>: no field of this file can hold a line break, so a file that
    /// loaded has row r on line r + 2, plus the lines of rows skipped before it.
    /// </summary>
    public long LineOf(int row) => Skipped?.LineOf(row) ?? row + 2L;
}
