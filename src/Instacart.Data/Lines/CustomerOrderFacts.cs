using Instacart.Data.Derivation;
using Instacart.Data.Input;

namespace Instacart.Data.Lines;

/// <summary>
/// The per-customer values that come from the orders table and the orders' totals alone, whatever the options: the
/// highest prior order number and the median days between the orders with merged lines. Made with the line totals
/// (and kept with them in the columnar cache).
/// </summary>
internal static class CustomerOrderFacts
{
    /// <summary>Customers per block of the parallel per-customer steps.</summary>
    private const int CustomerBlock = 8192;

    /// <summary>Each customer's highest prior <c>order_number</c> in the orders table (0 when none).</summary>
    public static int[] MaxOrder(OrdersTable orders, int[] orderCustomer, int customers)
    {
        var max = new int[customers];
        for (var o = 0; o < orders.Count; o++)
        {
            var c = orderCustomer[o];
            if (c >= 0 && orders.EvalSet[o] == EvalSet.Prior && orders.OrderNumber[o] > max[c])
            {
                max[c] = orders.OrderNumber[o];
            }
        }

        return max;
    }

    /// <summary>
    /// Each customer's median <c>days_since_prior_order</c> over their prior orders with merged lines
    /// (<paramref name="orderLines"/> &gt; 0), one value per order; NaN when there is none.
    /// </summary>
    public static double[] MedianDays(OrdersTable orders, int[] orderCustomer, int[] orderLines, int customers, Parallelism parallelism)
    {
        var medians = new double[customers];
        if (CustomerRuns(orderCustomer, customers) is { } runs)
        {
            MedianDaysOfRuns(medians, orders, orderCustomer, orderLines, runs, parallelism);
            return medians;
        }

        // Group the days of each customer's orders with lines by a counting sort on the customer (CSR layout),
        // then take each customer's median over their slice.
        var start = new int[customers + 1];
        for (var o = 0; o < orders.Count; o++)
        {
            if (orderLines[o] > 0 && !float.IsNaN(orders.DaysSincePrior[o]))
            {
                start[orderCustomer[o] + 1]++;
            }
        }

        for (var c = 0; c < customers; c++)
        {
            start[c + 1] += start[c];
        }

        var days = new float[start[customers]];
        var next = start.AsSpan(0, customers).ToArray();
        for (var o = 0; o < orders.Count; o++)
        {
            if (orderLines[o] > 0 && !float.IsNaN(orders.DaysSincePrior[o]))
            {
                days[next[orderCustomer[o]]++] = orders.DaysSincePrior[o];
            }
        }

        parallelism.For((customers + CustomerBlock - 1) / CustomerBlock, block =>
        {
            for (var c = block * CustomerBlock; c < Math.Min(customers, (block + 1) * CustomerBlock); c++)
            {
                medians[c] = Rules.Median(days.AsSpan(start[c], start[c + 1] - start[c]));
            }
        });
        return medians;
    }

    /// <summary>
    /// Where each customer's orders start, when the orders table lists every customer's orders together (as the files
    /// do: by user, then order number): the start row of each run of one customer's orders, and the end. Null when some
    /// customer's orders are apart, even by a row without a customer (then the days are grouped by a counting sort
    /// instead, and the totals do not take the pass that gives each worker whole customers, <see cref="LineTotals.InRowOrder"/>).
    /// </summary>
    internal static int[]? CustomerRuns(int[] orderCustomer, int customers)
    {
        var seen = new bool[customers];
        var starts = new List<int>(customers + 1);
        var last = int.MinValue;
        for (var o = 0; o < orderCustomer.Length; o++)
        {
            var c = orderCustomer[o];
            if (c == last)
            {
                continue;
            }

            if (c >= 0)
            {
                if (seen[c])
                {
                    return null;
                }

                seen[c] = true;
            }

            starts.Add(o);
            last = c;
        }

        starts.Add(orderCustomer.Length);
        return [.. starts];
    }

    /// <summary>Each customer's median over their run of orders, runs in parallel blocks.</summary>
    private static void MedianDaysOfRuns(double[] medians, OrdersTable orders, int[] orderCustomer, int[] orderLines, int[] starts, Parallelism parallelism)
    {
        var runs = starts.Length - 1;
        var days = orders.DaysSincePrior;
        Array.Fill(medians, double.NaN);
        parallelism.For((runs + CustomerBlock - 1) / CustomerBlock, block =>
        {
            Span<float> buffer = stackalloc float[SmallRun];
            for (var r = block * CustomerBlock; r < Math.Min(runs, (block + 1) * CustomerBlock); r++)
            {
                var c = orderCustomer[starts[r]];
                if (c < 0)
                {
                    continue;
                }

                var length = starts[r + 1] - starts[r];
                var values = length <= SmallRun ? buffer : new float[length];
                var n = 0;
                for (var o = starts[r]; o < starts[r + 1]; o++)
                {
                    if (orderLines[o] > 0 && !float.IsNaN(days[o]))
                    {
                        values[n++] = days[o];
                    }
                }

                medians[c] = MedianOfFew(values[..n]);
            }
        });
    }

    /// <summary>Runs up to this many orders sort on the stack.</summary>
    private const int SmallRun = 256;

    /// <summary>
    /// <see cref="Rules.Median"/> of a few values without NaN (a customer's days): an insertion sort, which for the
    /// dozen or so values of a customer costs a fraction of the general sort.
    /// </summary>
    internal static double MedianOfFew(Span<float> values)
    {
        if (values.Length > 64)
        {
            return Rules.Median(values);
        }

        for (var i = 1; i < values.Length; i++)
        {
            var value = values[i];
            var j = i - 1;
            while (j >= 0 && values[j] > value)
            {
                values[j + 1] = values[j];
                j--;
            }

            values[j + 1] = value;
        }

        if (values.IsEmpty)
        {
            return double.NaN;
        }

        var mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + (double)values[mid]) / 2;
    }
}
