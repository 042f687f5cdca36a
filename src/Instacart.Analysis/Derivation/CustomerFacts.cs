using Instacart.Analysis.Cleaning;
using Instacart.Analysis.Input;
using Instacart.Analysis.Model;

namespace Instacart.Analysis.Derivation;

/// <summary>
/// The per-customer values of SPEC §4, one entry per row of the customers table (struct of arrays).
/// Customers without merged lines have zero counts, NaN means and an Unknown frequency.
/// </summary>
public sealed class CustomerFacts
{
    private CustomerFacts(int count)
    {
        MaxOrder = new int[count];
        Lines = new int[count];
        KnownPriceLines = new int[count];
        Revenue = new double[count];
        MedianDays = new double[count];
        Loyalty = new Loyalty[count];
        Spending = new Spending[count];
        Frequency = new Frequency[count];
        Region = new Region[count];
        AgeGroup = new AgeGroup[count];
        IncomeGroup = new IncomeGroup[count];
        Household = new Household[count];
        Profile = new Profile[count];
        BabyHousehold = new bool[count];
        Active = new bool[count];
    }

    /// <summary>Number of customers.</summary>
    public int Count => MaxOrder.Length;

    /// <summary>The highest prior <c>order_number</c> in <c>orders.csv</c> (0 when none).</summary>
    public int[] MaxOrder { get; }

    /// <summary>Whether the customer's lines are in the <c>active</c> population (max order ≥ the cut).</summary>
    public bool[] Active { get; }

    /// <summary>Merged lines of the customer.</summary>
    public int[] Lines { get; }

    /// <summary>Merged lines with a known price.</summary>
    public int[] KnownPriceLines { get; }

    /// <summary>Sum of known prices over the merged lines.</summary>
    public double[] Revenue { get; }

    /// <summary>Median <c>days_since_prior_order</c> over the prior orders with merged lines (NaN when none).</summary>
    public double[] MedianDays { get; }

    /// <summary>Loyalty flag.</summary>
    public Loyalty[] Loyalty { get; }

    /// <summary>Spending flag.</summary>
    public Spending[] Spending { get; }

    /// <summary>Frequency flag.</summary>
    public Frequency[] Frequency { get; }

    /// <summary>Census region of the state.</summary>
    public Region[] Region { get; }

    /// <summary>Age group.</summary>
    public AgeGroup[] AgeGroup { get; }

    /// <summary>Income group.</summary>
    public IncomeGroup[] IncomeGroup { get; }

    /// <summary>Household.</summary>
    public Household[] Household { get; }

    /// <summary>Profile (age group × household).</summary>
    public Profile[] Profile { get; }

    /// <summary>Whether the customer bought anything from the babies department.</summary>
    public bool[] BabyHousehold { get; }

    /// <summary>Mean known item price of the customer (NaN when none).</summary>
    public double MeanItemPrice(int customer) =>
        KnownPriceLines[customer] == 0 ? double.NaN : Revenue[customer] / KnownPriceLines[customer];

    /// <summary>Derives every value from the loaded, merged data and its per-order totals.</summary>
    internal static CustomerFacts Derive(
        OrdersTable orders,
        int[] orderCustomer,
        CustomersTable customers,
        NamedIds departments,
        LineTable lines,
        ProductCatalog products,
        LineTotals totals,
        AnalysisOptions options)
    {
        var facts = new CustomerFacts(customers.Count);
        var revenueUnits = new long[customers.Count];
        var orderHasLines = new bool[orders.Count];
        var babyDepartment = departments.Ids.FirstOrDefault(id => departments[id] == options.BabyDepartment, -1);
        var babyBit = babyDepartment is >= 0 and < LineTotals.MaskDepartments ? 1UL << babyDepartment : 0;
        var masks = totals.OrderDepartments;
        for (var o = 0; o < orders.Count; o++)
        {
            var c = orderCustomer[o];
            if (c < 0)
            {
                continue;
            }

            if (orders.EvalSet[o] == EvalSet.Prior && orders.OrderNumber[o] > facts.MaxOrder[c])
            {
                facts.MaxOrder[c] = orders.OrderNumber[o];
            }

            var n = totals.OrderLines[o];
            if (n == 0)
            {
                continue;
            }

            orderHasLines[o] = true;
            facts.Lines[c] += n;
            facts.KnownPriceLines[c] += totals.OrderKnownPriceLines[o];
            revenueUnits[c] += totals.OrderRevenueUnits[o];
            if (masks is not null && (masks[o] & babyBit) != 0)
            {
                facts.BabyHousehold[c] = true;
            }
        }

        for (var c = 0; c < facts.Count; c++)
        {
            facts.Revenue[c] = ExactPrices.ToDouble(revenueUnits[c], totals.PriceScale);
        }

        if (masks is null && babyDepartment >= 0)
        {
            // Department ids too large for an order's department set: find the babies department's lines directly.
            for (var i = 0; i < lines.Count; i++)
            {
                if (products.DepartmentId[lines.Product[i]] == babyDepartment)
                {
                    facts.BabyHousehold[orderCustomer[lines.Order[i]]] = true;
                }
            }
        }

        DeriveMedianDays(facts, orders, orderCustomer, orderHasLines);
        // Each customer's flags depend on that customer's values alone: customers in parallel blocks.
        Parallelism.For((facts.Count + CustomerBlock - 1) / CustomerBlock, block =>
        {
            for (var c = block * CustomerBlock; c < Math.Min(facts.Count, (block + 1) * CustomerBlock); c++)
            {
                Flag(facts, customers, options, c);
            }
        });

        return facts;
    }

    /// <summary>Customers per block of the parallel per-customer steps.</summary>
    private const int CustomerBlock = 8192;

    private static void Flag(CustomerFacts facts, CustomersTable customers, AnalysisOptions options, int c)
    {
        facts.Active[c] = facts.MaxOrder[c] >= options.ActiveMinOrderNumber;
        facts.Loyalty[c] = Rules.LoyaltyOf(facts.MaxOrder[c], options);
        facts.Spending[c] = Rules.SpendingOf(facts.MeanItemPrice(c), options);
        facts.Frequency[c] = Rules.FrequencyOf(facts.MedianDays[c], options);
        facts.Region[c] = Rules.RegionOf(customers.State[c]);
        facts.AgeGroup[c] = Rules.AgeGroupOf(customers.Age[c], options);
        facts.IncomeGroup[c] = Rules.IncomeGroupOf(customers.Income[c], options);
        facts.Household[c] = Rules.HouseholdOf(customers.Dependants[c]);
        facts.Profile[c] = Rules.ProfileOf(facts.AgeGroup[c], facts.Household[c]);
    }

    private static void DeriveMedianDays(CustomerFacts facts, OrdersTable orders, int[] orderCustomer, bool[] orderHasLines)
    {
        if (CustomerRuns(orderCustomer, facts.Count) is { } runs)
        {
            MedianDaysOfRuns(facts, orders, orderCustomer, orderHasLines, runs);
            return;
        }

        // Group the days of each customer's orders with lines by a counting sort on the customer (CSR layout),
        // then take each customer's median over their slice.
        var start = new int[facts.Count + 1];
        for (var o = 0; o < orders.Count; o++)
        {
            if (orderHasLines[o] && !float.IsNaN(orders.DaysSincePrior[o]))
            {
                start[orderCustomer[o] + 1]++;
            }
        }

        for (var c = 0; c < facts.Count; c++)
        {
            start[c + 1] += start[c];
        }

        var days = new float[start[facts.Count]];
        var next = start.AsSpan(0, facts.Count).ToArray();
        for (var o = 0; o < orders.Count; o++)
        {
            if (orderHasLines[o] && !float.IsNaN(orders.DaysSincePrior[o]))
            {
                days[next[orderCustomer[o]]++] = orders.DaysSincePrior[o];
            }
        }

        Parallelism.For((facts.Count + CustomerBlock - 1) / CustomerBlock, block =>
        {
            for (var c = block * CustomerBlock; c < Math.Min(facts.Count, (block + 1) * CustomerBlock); c++)
            {
                facts.MedianDays[c] = Rules.Median(days.AsSpan(start[c], start[c + 1] - start[c]));
            }
        });
    }

    /// <summary>
    /// Where each customer's orders start, when the orders table lists every customer's orders together (as the files
    /// do: by user, then order number): the start row of each run of one customer's orders, and the end. Null when some
    /// customer's orders are apart (then the days are grouped by a counting sort instead).
    /// </summary>
    private static int[]? CustomerRuns(int[] orderCustomer, int customers)
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
    private static void MedianDaysOfRuns(CustomerFacts facts, OrdersTable orders, int[] orderCustomer, bool[] orderHasLines, int[] starts)
    {
        var runs = starts.Length - 1;
        var days = orders.DaysSincePrior;
        Array.Fill(facts.MedianDays, double.NaN);
        Parallelism.For((runs + CustomerBlock - 1) / CustomerBlock, block =>
        {
            var buffer = new List<float>();
            for (var r = block * CustomerBlock; r < Math.Min(runs, (block + 1) * CustomerBlock); r++)
            {
                var c = orderCustomer[starts[r]];
                if (c < 0)
                {
                    continue;
                }

                buffer.Clear();
                for (var o = starts[r]; o < starts[r + 1]; o++)
                {
                    if (orderHasLines[o] && !float.IsNaN(days[o]))
                    {
                        buffer.Add(days[o]);
                    }
                }

                facts.MedianDays[c] = Rules.Median(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(buffer));
            }
        });
    }
}
