namespace Instacart.Analysis.Model;

/// <summary>
/// The merged order lines (SPEC §3: prior lines ⋈ prior orders ⋈ clean products ⋈ customers) as a struct of
/// arrays. A line holds row numbers into the orders table and the product catalog; the order's row gives its
/// day, hour and customer, the product's row its price and department. Nothing is copied per line that one
/// lookup gives.
/// </summary>
public sealed class LineTable
{
    internal LineTable(int[] order, int[] product, byte[] reordered)
    {
        Order = order;
        Product = product;
        Reordered = reordered;
    }

    /// <summary>Number of merged lines.</summary>
    public int Count => Order.Length;

    /// <summary>The row in <see cref="Input.OrdersTable"/> of each line's order.</summary>
    public int[] Order { get; }

    /// <summary>The row in <see cref="Cleaning.ProductCatalog"/> of each line's product.</summary>
    public int[] Product { get; }

    /// <summary>Whether the line is a reorder (0 or 1).</summary>
    public byte[] Reordered { get; }
}
