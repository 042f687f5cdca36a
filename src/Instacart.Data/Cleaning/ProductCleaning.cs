using Instacart.Data.Input;

namespace Instacart.Data.Cleaning;

/// <summary>The outcome of cleaning <c>products.csv</c>: the catalog and every count of SPEC §2.2–2.3.</summary>
/// <param name="Catalog">The kept products.</param>
/// <param name="Rows">Data rows read.</param>
/// <param name="Nameless">Rows dropped for an empty or whitespace name.</param>
/// <param name="DuplicateRows">Rows dropped for repeating an earlier row exactly.</param>
/// <param name="ConflictingIds">Ids that still appeared more than once (counted once per id; first row kept).</param>
/// <param name="PriceOutliers">Kept products whose price was above the limit and became missing.</param>
/// <param name="Dropped">Every dropped row with its reason, in file order.</param>
public sealed record ProductCleaning(
    ProductCatalog Catalog,
    int Rows,
    int Nameless,
    int DuplicateRows,
    int ConflictingIds,
    int PriceOutliers,
    IReadOnlyList<DroppedProduct> Dropped)
{
    /// <summary>
    /// Applies SPEC §2.2–2.3 in order: drop nameless rows, then exact repeats of an earlier row, then keep the
    /// first row of any id still repeated; then blank prices above <paramref name="priceOutlierAbove"/>.
    /// A product whose department is not in <paramref name="departments"/> is bad input.
    /// </summary>
    public static ProductCleaning Clean(IReadOnlyList<ProductRow> rows, NamedIds departments, double priceOutlierAbove)
    {
        foreach (var row in rows)
        {
            if (!departments.Contains(row.DepartmentId))
            {
                throw new InputException(InputFiles.Products, row.Line, 4, "department_id", $"a department_id of {departments.FileName}", $"'{row.DepartmentId}'");
            }
        }

        var dropped = new List<DroppedProduct>();
        var seenRows = new HashSet<(int, string, int, int, string)>();
        var firstRowOfId = new Dictionary<int, ProductRow>();
        var conflicting = new HashSet<int>();
        var kept = new List<ProductRow>();
        int nameless = 0, duplicates = 0;
        foreach (var row in rows)
        {
            if (string.IsNullOrWhiteSpace(row.Name))
            {
                nameless++;
                dropped.Add(new DroppedProduct(row.Line, row.ProductId, row.Name, ProductDropReason.Nameless));
                continue;
            }

            if (!seenRows.Add((row.ProductId, row.Name, row.AisleId, row.DepartmentId, row.PriceText)))
            {
                duplicates++;
                dropped.Add(new DroppedProduct(row.Line, row.ProductId, row.Name, ProductDropReason.DuplicateRow));
                continue;
            }

            if (!firstRowOfId.TryAdd(row.ProductId, row))
            {
                conflicting.Add(row.ProductId);
                dropped.Add(new DroppedProduct(row.Line, row.ProductId, row.Name, ProductDropReason.ConflictingId));
                continue;
            }

            kept.Add(row);
        }

        var outliers = 0;
        var price = new double[kept.Count];
        for (var i = 0; i < kept.Count; i++)
        {
            price[i] = kept[i].Price;
            if (price[i] > priceOutlierAbove)
            {
                price[i] = double.NaN;
                outliers++;
            }
        }

        var catalog = new ProductCatalog(
            kept.Select(r => r.ProductId).ToArray(),
            kept.Select(r => r.Name).ToArray(),
            kept.Select(r => r.AisleId).ToArray(),
            kept.Select(r => r.DepartmentId).ToArray(),
            price);
        return new ProductCleaning(catalog, rows.Count, nameless, duplicates, conflicting.Count, outliers, dropped);
    }
}
