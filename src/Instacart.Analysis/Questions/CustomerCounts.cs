using Instacart.Data.Derivation;
using Instacart.Data;

namespace Instacart.Analysis.Questions;

/// <summary>Counts over customers (not lines) that a few questions need.</summary>
internal static class CustomerCounts
{
    /// <summary>High spenders per group among customers with merged lines; <paramref name="groupOfCustomer"/> -1 is outside.</summary>
    public static long[] HighSpenders(InstacartData data, int[] groupOfCustomer, int groups)
    {
        var counts = new long[groups];
        var facts = data.Customers;
        for (var c = 0; c < facts.Count; c++)
        {
            if (groupOfCustomer[c] >= 0 && facts.Lines[c] > 0 && facts.Spending[c] == Spending.High)
            {
                counts[groupOfCustomer[c]]++;
            }
        }

        return counts;
    }
}
