namespace Instacart.Analysis.Input;

/// <summary>An order-lines file (<c>order_products__prior.csv</c> or <c>__train.csv</c>) as typed columns, in file order.</summary>
public sealed class OrderLinesTable
{
    internal OrderLinesTable(string fileName, int[] orderId, int[] productId, int[] addToCartOrder, byte[] reordered)
    {
        FileName = fileName;
        OrderId = orderId;
        ProductId = productId;
        AddToCartOrder = addToCartOrder;
        Reordered = reordered;
    }

    /// <summary>The file the lines came from.</summary>
    public string FileName { get; }

    /// <summary>Number of rows.</summary>
    public int Count => OrderId.Length;

    /// <summary><c>order_id</c>.</summary>
    public int[] OrderId { get; }

    /// <summary><c>product_id</c>.</summary>
    public int[] ProductId { get; }

    /// <summary><c>add_to_cart_order</c>, from 1.</summary>
    public int[] AddToCartOrder { get; }

    /// <summary><c>reordered</c>, 0 or 1.</summary>
    public byte[] Reordered { get; }

    /// <summary>
    /// The file line of row <paramref name="row"/>. The loader rejects empty lines and quoted line breaks
    /// (an integer field cannot hold either), so row r always sits on line r + 2.
    /// </summary>
    public static long LineOf(int row) => row + 2L;
}
