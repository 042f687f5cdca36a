using Instacart.Data;
namespace Instacart.Analysis.Questions;

/// <summary>Group arrays for the two populations of SPEC §5: <c>lines</c> (every merged line) and <c>active</c>.</summary>
internal static class Population
{
    /// <summary>Every order's group by a function of its orders-table row (the <c>lines</c> population).</summary>
    public static int[] OrderGroups(InstacartData data, Func<int, int> groupOfOrderRow)
    {
        var groups = new int[data.Orders.Count];
        for (var o = 0; o < groups.Length; o++)
        {
            groups[o] = groupOfOrderRow(o);
        }

        return groups;
    }

    /// <summary>Every active customer's group; -1 for customers outside the <c>active</c> population.</summary>
    public static int[] ActiveCustomerGroups(InstacartData data, Func<int, int> groupOfCustomerRow)
    {
        var facts = data.Customers;
        var groups = new int[facts.Count];
        for (var c = 0; c < groups.Length; c++)
        {
            groups[c] = facts.Active[c] ? groupOfCustomerRow(c) : -1;
        }

        return groups;
    }

    /// <summary>The population's description for method notes.</summary>
    public static string LinesDescription =>
        "every merged order line: prior order lines joined to their prior order, to a clean product and to a known customer";

    /// <summary>The active population's description for method notes.</summary>
    public static string ActiveDescription(Instacart.Data.Derivation.AnalysisOptions options) =>
        $"the lines of active customers, those whose highest prior order number is at least {options.ActiveMinOrderNumber}";
}
