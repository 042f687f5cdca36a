using Instacart.Data.Input;

namespace Instacart.Analysis.Tests.References;

/// <summary>The pair rule of the line files written plainly, for the fast checks to be compared with.</summary>
internal static class ReferenceLinePairs
{
    /// <summary>The rule itself: in file order, a line repeating a pair of a kept line goes (a product first).</summary>
    public static List<UniqueLinePairs.Repeat> Repeats(int[] orderId, int[] productId, int[] cartOrder)
    {
        var products = new Dictionary<(int, int), int>();
        var carts = new Dictionary<(int, int), int>();
        var repeats = new List<UniqueLinePairs.Repeat>();
        for (var row = 0; row < orderId.Length; row++)
        {
            if (products.TryGetValue((orderId[row], productId[row]), out var first))
            {
                repeats.Add(new UniqueLinePairs.Repeat(row, first, Product: true));
            }
            else if (carts.TryGetValue((orderId[row], cartOrder[row]), out first))
            {
                repeats.Add(new UniqueLinePairs.Repeat(row, first, Product: false));
            }
            else
            {
                products[(orderId[row], productId[row])] = row;
                carts[(orderId[row], cartOrder[row])] = row;
            }
        }

        return repeats;
    }
}
