using Instacart.Data.Cleaning;
using Instacart.Data.Input;
using Instacart.Data.Lines;

namespace Instacart.Data.Derivation;

/// <summary>
/// The per-customer values of SPEC §4, one entry per row of the customers table (struct of arrays).
/// Customers without merged lines have zero counts, NaN means and an Unknown frequency.
/// </summary>
public sealed class CustomerFacts
{
    private CustomerFacts(int count, LineTotals totals)
    {
        // Shared with the totals, not copied: both are read-only.
        MaxOrder = totals.CustomerMaxOrder;
        Lines = totals.CustomerLines;
        KnownPriceLines = totals.CustomerKnownPriceLines;
        Revenue = new double[count];
        MedianDays = totals.CustomerMedianDays;
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

    /// <summary>Derives every value from the loaded, merged data and its totals (per order and per customer).</summary>
    internal static CustomerFacts Derive(
        CustomersTable customers,
        NamedIds departments,
        LineTable lines,
        int[] orderCustomer,
        ProductCatalog products,
        LineTotals totals,
        AnalysisOptions options,
        Parallelism parallelism)
    {
        var facts = new CustomerFacts(customers.Count, totals);
        var babyDepartment = departments.Ids.FirstOrDefault(id => departments[id] == options.BabyDepartment, -1);
        BabyHouseholds(facts, totals, babyDepartment, lines, orderCustomer, products);

        // Each customer's flags depend on that customer's values alone: customers in parallel blocks.
        parallelism.For((facts.Count + CustomerBlock - 1) / CustomerBlock, block =>
        {
            for (var c = block * CustomerBlock; c < Math.Min(facts.Count, (block + 1) * CustomerBlock); c++)
            {
                facts.Revenue[c] = ExactPrices.ToDouble(totals.CustomerRevenueUnits[c], totals.PriceScale);
                Flag(facts, customers, options, c);
            }
        });

        return facts;
    }

    /// <summary>Marks the customers with a line of the babies department: from the per-customer department cells, else the orders' department sets, else the lines.</summary>
    private static void BabyHouseholds(CustomerFacts facts, LineTotals totals, int baby, LineTable lines, int[] orderCustomer, ProductCatalog products)
    {
        if (baby < 0)
        {
            return;
        }

        if (totals.CustomerDepartmentLines is { } cells && baby < totals.Departments)
        {
            for (var c = 0; c < facts.Count; c++)
            {
                facts.BabyHousehold[c] = cells[(c * totals.Departments) + baby] > 0;
            }
        }
        else if (totals.OrderDepartments is { } masks && baby < LineTotals.MaskDepartments)
        {
            for (var o = 0; o < masks.Length; o++)
            {
                if ((masks[o] & (1UL << baby)) != 0)
                {
                    facts.BabyHousehold[orderCustomer[o]] = true;
                }
            }
        }
        else
        {
            for (var i = 0; i < lines.Count; i++)
            {
                if (products.DepartmentId[lines.Product[i]] == baby)
                {
                    facts.BabyHousehold[orderCustomer[lines.Order[i]]] = true;
                }
            }
        }
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
}
