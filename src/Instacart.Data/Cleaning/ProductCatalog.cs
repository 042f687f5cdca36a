namespace Instacart.Data.Cleaning;

/// <summary>
/// The clean products (SPEC §2.2–2.3): unique ids, a name each, prices above the outlier limit made missing.
/// Columns are arrays in file order; <see cref="IndexOf"/> maps an id to its row through an array indexed by id.
/// </summary>
public sealed class ProductCatalog
{
    private readonly int[] rowById;

    internal ProductCatalog(int[] productId, string[] name, int[] aisleId, int[] departmentId, double[] price)
    {
        ProductId = productId;
        Name = name;
        AisleId = aisleId;
        DepartmentId = departmentId;
        Price = price;
        PriceScale = ExactPrices.Scale(price, out var units);
        PriceUnits = units;
        rowById = new int[(productId.Length == 0 ? 0 : productId.Max()) + 1];
        Array.Fill(rowById, -1);
        for (var row = 0; row < productId.Length; row++)
        {
            rowById[productId[row]] = row;
        }
    }

    /// <summary>Each price in units of 1 / <see cref="PriceScale"/> (exact), or -1 where the price is missing.</summary>
    internal long[] PriceUnits { get; }

    /// <summary>The number of price units in 1: revenue sums these whole numbers, exactly, in any order.</summary>
    internal long PriceScale { get; }

    /// <summary>Number of kept products.</summary>
    public int Count => ProductId.Length;

    /// <summary><c>product_id</c>, unique.</summary>
    public int[] ProductId { get; }

    /// <summary><c>product_name</c>, never empty.</summary>
    public string[] Name { get; }

    /// <summary><c>aisle_id</c>.</summary>
    public int[] AisleId { get; }

    /// <summary><c>department_id</c>, always a known department.</summary>
    public int[] DepartmentId { get; }

    /// <summary>The price; NaN when missing or when it was an outlier.</summary>
    public double[] Price { get; }

    /// <summary>The row of <paramref name="productId"/>, or -1 when the product was not kept.</summary>
    public int IndexOf(int productId) => (uint)productId < (uint)rowById.Length ? rowById[productId] : -1;
}
