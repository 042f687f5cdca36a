namespace Instacart.Analysis.Input;

/// <summary>An order-lines file (<c>order_products__prior.csv</c> or <c>__train.csv</c>) as typed columns, in file order.</summary>
public sealed class OrderLinesTable
{
    internal OrderLinesTable(string fileName, int[] orderId, int[] productId, int[] addToCartOrder, byte[] reordered, SkippedRows? skipped = null)
    {
        FileName = fileName;
        OrderId = orderId;
        ProductId = productId;
        AddToCartOrder = addToCartOrder;
        Reordered = reordered;
        Skipped = skipped;
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

    /// <summary>Rows skipped as bad input while loading (only under <see cref="BadRowPolicy.Skip"/>).</summary>
    public SkippedRows? Skipped { get; }

    /// <summary>
    /// The file line of row <paramref name="row"/>. The loader rejects empty lines and quoted line breaks
    /// (an integer field cannot hold either), so row r sits on line r + 2, plus the lines of rows skipped before it.
    /// </summary>
    public long LineOf(int row) => Skipped?.LineOf(row) ?? row + 2L;

    /// <summary>The rows whose <paramref name="keep"/> flag is set (<paramref name="count"/> of them), in order.</summary>
    internal OrderLinesTable Where(bool[] keep, int count)
    {
        var orderId = new int[count];
        var productId = new int[count];
        var cartOrder = new int[count];
        var reordered = new byte[count];
        for (int i = 0, k = 0; i < Count; i++)
        {
            if (keep[i])
            {
                orderId[k] = OrderId[i];
                productId[k] = ProductId[i];
                cartOrder[k] = AddToCartOrder[i];
                reordered[k++] = Reordered[i];
            }
        }

        return new OrderLinesTable(FileName, orderId, productId, cartOrder, reordered);
    }
}
