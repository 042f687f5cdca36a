using System.Text;

namespace Instacart.Data.Input;

/// <summary>Reads <c>products.csv</c> (quoted names with commas and quotes, CRLF) with its explicit schema.</summary>
internal static class ProductsLoader
{
    /// <summary>The header, in order.</summary>
    public static readonly string[] Header = ["product_id", "product_name", "aisle_id", "department_id", "prices"];

    /// <summary>Reads every row as written; cleaning (names, duplicates, prices) is a later stage.</summary>
    /// <param name="path">The file.</param>
    /// <param name="badRows">Where skipped rows are logged; null or failing: the first bad row throws.</param>
    public static IReadOnlyList<ProductRow> Load(string path, BadRowLog? badRows = null)
    {
        using var csv = StrictCsvReader.Open(path, Header, trackLineNumbers: true, badRows);
        // Sized from the file only up to a first chunk: a large file of garbage allocates nothing for its size.
        var rows = new List<ProductRow>(Math.Min(ColumnBuilder<int>.CapacityFor(path, 12), ColumnBuilder<int>.FirstCapacity));
        while (csv.Read())
        {
            try
            {
                var id = csv.Int(0);
                var name = csv.Text(1);
                var aisle = csv.Int(2);
                var department = csv.Int(3);
                var price = csv.OptionalDecimal(4);
                rows.Add(new ProductRow(id, name, aisle, department, price, Encoding.UTF8.GetString(csv.Span(4)), csv.Line));
            }
            catch (InputException error)
            {
                BadRowLog.SkipOrThrow(badRows, error);
            }
        }

        return rows;
    }
}
