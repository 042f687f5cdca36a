using Instacart.Data;
namespace Instacart.Analysis.Affinity;

/// <summary>
/// The merged lines regrouped by order (a counting sort on the order row: compressed sparse rows), each
/// order's products deduplicated, so that pair counting walks one basket at a time with no dictionary.
/// </summary>
internal sealed class OrderBaskets
{
    private OrderBaskets(int[] start, int[] products, int orders)
    {
        Start = start;
        Products = products;
        Orders = orders;
    }

    /// <summary>Basket b's products are <c>Products[Start[b]..Start[b + 1]]</c>, b over orders-table rows.</summary>
    public int[] Start { get; }

    /// <summary>Catalog rows, grouped by order.</summary>
    public int[] Products { get; }

    /// <summary>Distinct orders with at least one line.</summary>
    public int Orders { get; }

    public static OrderBaskets Build(InstacartData data)
    {
        var lines = data.Lines;
        var start = new int[data.Orders.Count + 1];
        foreach (var o in lines.Order)
        {
            start[o + 1]++;
        }

        var orders = 0;
        for (var o = 0; o < data.Orders.Count; o++)
        {
            orders += start[o + 1] > 0 ? 1 : 0;
            start[o + 1] += start[o];
        }

        var next = start.AsSpan(0, data.Orders.Count).ToArray();
        var products = new int[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            products[next[lines.Order[i]]++] = lines.Product[i];
        }

        // Deduplicate within each basket (a product listed twice in one order counts once) by compacting in place.
        var lastBasket = new int[data.Products.Count];
        Array.Fill(lastBasket, -1);
        var write = 0;
        var compactStart = new int[start.Length];
        for (var o = 0; o < data.Orders.Count; o++)
        {
            compactStart[o] = write;
            for (var k = start[o]; k < start[o + 1]; k++)
            {
                var p = products[k];
                if (lastBasket[p] != o)
                {
                    lastBasket[p] = o;
                    products[write++] = p;
                }
            }
        }

        compactStart[^1] = write;
        return new OrderBaskets(compactStart, products, orders);
    }
}
