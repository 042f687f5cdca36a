using Instacart.Data.Input;

namespace Instacart.Data.Lines;

/// <summary>
/// The orders' line totals added up per day of week and hour of day: the 168 cells every question about days and
/// hours groups (busiest days and hours, spend by hour, quadrants, time segments). One pass over the orders, made
/// once per load and shared by those questions; integers, so any grouping of the cells gives the same sums.
/// </summary>
internal sealed class DayHourTotals
{
    /// <summary>Days of the week (<c>order_dow</c> 0–6).</summary>
    public const int Days = 7;

    /// <summary>Hours of the day (<c>order_hour_of_day</c> 0–23).</summary>
    public const int Hours = 24;

    private DayHourTotals()
    {
    }

    /// <summary>Merged lines of cell <c>day * 24 + hour</c>.</summary>
    public long[] Lines { get; } = new long[Days * Hours];

    /// <summary>Reordered lines per cell.</summary>
    public long[] Reordered { get; } = new long[Days * Hours];

    /// <summary>Lines with a known price per cell.</summary>
    public long[] KnownPriceLines { get; } = new long[Days * Hours];

    /// <summary>The sum of known prices per cell, in the totals' price units.</summary>
    public Int128[] RevenueUnits { get; } = new Int128[Days * Hours];

    /// <summary>Orders with at least one merged line per cell.</summary>
    public long[] Orders { get; } = new long[Days * Hours];

    /// <summary>Adds up <paramref name="totals"/> per order into the cells of <paramref name="orders"/>' day and hour.</summary>
    public static DayHourTotals Compute(OrdersTable orders, LineTotals totals)
    {
        var cells = new DayHourTotals();
        var (dow, hour) = (orders.DayOfWeek, orders.HourOfDay);
        for (var o = 0; o < orders.Count; o++)
        {
            var n = totals.OrderLines[o];
            if (n == 0)
            {
                continue;
            }

            // The loader admits only days 0–6 and hours 0–23; a row outside them is a broken invariant, not data.
            if (dow[o] >= Days || hour[o] >= Hours)
            {
                throw new InvalidOperationException($"order row {o}: day {dow[o]}, hour {hour[o]}");
            }

            var cell = (dow[o] * Hours) + hour[o];
            cells.Lines[cell] += n;
            cells.Reordered[cell] += totals.OrderReordered[o];
            cells.KnownPriceLines[cell] += totals.OrderKnownPriceLines[o];
            cells.RevenueUnits[cell] += totals.OrderRevenueUnits[o];
            cells.Orders[cell]++;
        }

        return cells;
    }
}
