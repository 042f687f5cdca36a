namespace Instacart.Data.Input;

/// <summary>An order-lines file (<c>order_products__prior.csv</c> or <c>__train.csv</c>) as typed columns, in file order.</summary>
public sealed class OrderLinesTable
{
    private readonly Lazy<Columns> columns;

    internal OrderLinesTable(string fileName, int[] orderId, int[] productId, int[] addToCartOrder, byte[] reordered, SkippedRows? skipped = null)
        : this(fileName, orderId, productId, new CartOrderColumn(addToCartOrder), reordered, skipped)
    {
    }

    internal OrderLinesTable(string fileName, int[] orderId, int[] productId, CartOrderColumn addToCartOrder, byte[] reordered, SkippedRows? skipped = null)
    {
        FileName = fileName;
        Count = orderId.Length;
        columns = new Lazy<Columns>(new Columns(orderId, productId, addToCartOrder, reordered));
        Skipped = skipped;
    }

    /// <summary>
    /// A table of <paramref name="count"/> rows whose columns are read on first use (the columnar cache: when the merged
    /// lines are cached too, most loads never need the raw lines). <paramref name="read"/> must give exactly that many.
    /// </summary>
    internal OrderLinesTable(string fileName, int count, Func<OrderLinesTable> read)
    {
        FileName = fileName;
        Count = count;
        columns = Lines.LazyColumns.Of(
            count,
            () =>
            {
                var table = read();
                return (table.Count, table.columns.Value);
            },
            Changed);
        readAgain = () =>
        {
            var table = read();
            return table.Count == count ? table : throw new InvalidOperationException(Changed(table.Count));
        };

        string Changed(int rows) => $"{fileName} changed after it was loaded ({rows:N0} rows instead of {count:N0}): load the data folder again.";
    }

    /// <summary>How a lazily read table reads its rows (again); null when the columns were given.</summary>
    private readonly Func<OrderLinesTable>? readAgain;

    /// <summary>
    /// This table's rows for one use that need not outlive it: the table itself when its columns are in memory (or were
    /// given), else the rows read afresh and not kept by this table. The raw prior lines of a cached load are asked for
    /// only by the reorder model's cart positions; kept, they would hold about 400 MB at full scale for the rest of a run.
    /// </summary>
    internal OrderLinesTable ReadOnce() => readAgain is null || columns.IsValueCreated ? this : readAgain();

    /// <summary>The file the lines came from.</summary>
    public string FileName { get; }

    /// <summary>Number of rows.</summary>
    public int Count { get; }

    /// <summary><c>order_id</c>.</summary>
    public int[] OrderId => columns.Value.OrderId;

    /// <summary><c>product_id</c>.</summary>
    public int[] ProductId => columns.Value.ProductId;

    /// <summary><c>add_to_cart_order</c>, from 1.</summary>
    /// <remarks>Kept one byte a line when the positions allow (<see cref="Cart"/>); this widens them once, on first use.</remarks>
    public int[] AddToCartOrder => columns.Value.Cart.Wide;

    /// <summary><c>add_to_cart_order</c> as kept: a byte a line when the positions allow.</summary>
    internal CartOrderColumn Cart => columns.Value.Cart;

    /// <summary><c>reordered</c>, 0 or 1.</summary>
    public byte[] Reordered => columns.Value.Reordered;

    /// <summary>
    /// The lines grouped by <c>order_id</c>, made by the pair check when the file does not keep each order's lines
    /// together (<see cref="UniqueLinePairs"/>), each line's <see cref="GroupedLineValue"/> as its
    /// row: the merge reads them instead of grouping the lines again. Null when the
    /// lines were not grouped; taken once (<see cref="TakeByOrder"/>) so that the grouping does not outlive the merge.
    /// </summary>
    private Lines.RowGroups? byOrder;

    /// <summary>Keeps <paramref name="groups"/> (<see cref="byOrder"/>) for the merge.</summary>
    internal void KeepByOrder(Lines.RowGroups groups) => byOrder = groups;

    /// <summary>The grouping the pair check kept, once: later calls (and tables it did not group) give null.</summary>
    internal Lines.RowGroups? TakeByOrder() => Interlocked.Exchange(ref byOrder, null);

    /// <summary>Whether the columns are in memory (false until a lazily read table is first used).</summary>
    internal bool IsRead => columns.IsValueCreated;

    /// <summary>Rows left out as bad input (only under <see cref="BadRowPolicy.Skip"/>): skipped while reading, or dropped after it by <see cref="Where"/>.</summary>
    public SkippedRows? Skipped { get; }

    /// <summary>
    /// The file line of row <paramref name="row"/>. The loader rejects empty lines and quoted line breaks
    /// (an integer field cannot hold either), so row r sits on line r + 2, plus the lines of rows skipped before it.
    /// </summary>
    public long LineOf(int row) => Skipped?.LineOf(row) ?? row + 2L;

    /// <summary>
    /// The rows whose <paramref name="keep"/> flag is set (<paramref name="count"/> of them), in order; the rows
    /// left out count as skipped, so <see cref="LineOf"/> still gives each kept row's file line.
    /// </summary>
    internal OrderLinesTable Where(bool[] keep, int count)
    {
        var orderId = new int[count];
        var productId = new int[count];
        var reordered = new byte[count];
        var from = columns.Value;
        for (int i = 0, k = 0; i < Count; i++)
        {
            if (keep[i])
            {
                orderId[k] = from.OrderId[i];
                productId[k] = from.ProductId[i];
                reordered[k++] = from.Reordered[i];
            }
        }

        return new OrderLinesTable(FileName, orderId, productId, from.Cart.Where(keep, count), reordered, SkippedRows.After(Skipped, keep));
    }

    private sealed record Columns(int[] OrderId, int[] ProductId, CartOrderColumn Cart, byte[] Reordered);
}
