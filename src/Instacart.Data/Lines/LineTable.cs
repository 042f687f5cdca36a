namespace Instacart.Data.Lines;

/// <summary>
/// The merged order lines (SPEC §3: prior lines ⋈ prior orders ⋈ clean products ⋈ customers) as a struct of
/// arrays. A line holds row numbers into the orders table and the product catalog; the order's row gives its
/// day, hour and customer, the product's row its price and department. Nothing is copied per line that one
/// lookup gives.
/// </summary>
/// <remarks>
/// Loaded from the columnar cache, the columns are read on first use: the questions need only the lines' totals,
/// which the cache keeps too.
/// </remarks>
public sealed class LineTable
{
    private readonly Lazy<Columns> columns;

    internal LineTable(int[] order, int[] product, byte[] reordered)
    {
        Count = order.Length;
        columns = new Lazy<Columns>(new Columns(order, product, reordered));
    }

    /// <summary>A table of <paramref name="count"/> lines whose columns <paramref name="read"/> gives on first use (exactly that many).</summary>
    internal LineTable(int count, Func<LineTable> read)
    {
        Count = count;
        columns = LazyColumns.Of(
            count,
            () =>
            {
                var table = read();
                return (table.Count, table.columns.Value);
            },
            rows => $"The merged lines changed after the data folder was loaded ({rows:N0} lines instead of {count:N0}): load it again.");
    }

    /// <summary>Number of merged lines.</summary>
    public int Count { get; }

    /// <summary>The row in <see cref="Input.OrdersTable"/> of each line's order.</summary>
    public int[] Order => columns.Value.Order;

    /// <summary>The row in <see cref="Cleaning.ProductCatalog"/> of each line's product.</summary>
    public int[] Product => columns.Value.Product;

    /// <summary>Whether the line is a reorder (0 or 1).</summary>
    public byte[] Reordered => columns.Value.Reordered;

    /// <summary>Whether the columns are in memory (false until a lazily read table is first used).</summary>
    internal bool IsRead => columns.IsValueCreated;

    private sealed record Columns(int[] Order, int[] Product, byte[] Reordered);
}
