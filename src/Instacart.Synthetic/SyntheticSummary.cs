namespace Instacart.Synthetic;

/// <summary>One file that the generator wrote.</summary>
/// <param name="Name">File name inside the output folder, such as <c>orders.csv</c>.</param>
/// <param name="Rows">Data rows, the header not counted (the wide departments.csv has one).</param>
/// <param name="Bytes">Size of the file in bytes.</param>
public sealed record SyntheticFile(string Name, long Rows, long Bytes);

/// <summary>How many of each data error (see <see cref="SyntheticOptions.Quirks"/>) the files carry; all zero without quirks.</summary>
/// <param name="NamelessProducts">products.csv rows whose name is empty or whitespace only (SPEC <c>products_nameless</c>).</param>
/// <param name="DuplicateProductRows">products.csv rows that exactly repeat an earlier row (<c>products_duplicate_rows</c>).</param>
/// <param name="ConflictingProductIds">Product ids that have a second row with another name (<c>products_conflicting_ids</c>).</param>
/// <param name="PriceOutliers">Kept products priced above 100 (<c>price_outliers</c>).</param>
/// <param name="UsersMissingFromCustomers">Users with orders but no row in customers.csv.</param>
public sealed record SyntheticQuirks(
    int NamelessProducts, int DuplicateProductRows, int ConflictingProductIds, int PriceOutliers, int UsersMissingFromCustomers);

/// <summary>What <see cref="SyntheticGenerator.Write(string, SyntheticOptions)"/> wrote.</summary>
/// <param name="OutDir">The folder written to (full path).</param>
/// <param name="Options">The options used.</param>
/// <param name="Files">Every file written, in SPEC §1 order.</param>
/// <param name="Users">Users with orders (ids 1..Users).</param>
/// <param name="Products">Distinct product ids (1..Products).</param>
/// <param name="Orders">Rows of orders.csv.</param>
/// <param name="PriorLines">Rows of order_products__prior.csv.</param>
/// <param name="TrainLines">Rows of order_products__train.csv.</param>
/// <param name="PriorReordered">Prior lines with reordered = 1.</param>
/// <param name="PriorLinesWithoutProduct">Prior lines whose product has no name: what SPEC §3 <c>lines_without_product</c> must come to.</param>
/// <param name="PriorLinesWithoutCustomer">Prior lines of a named product whose user is not in customers.csv: SPEC §3 <c>lines_without_customer</c>.</param>
/// <param name="Quirks">Counts of each data error.</param>
/// <param name="Elapsed">Wall time of the run.</param>
public sealed record SyntheticSummary(
    string OutDir,
    SyntheticOptions Options,
    IReadOnlyList<SyntheticFile> Files,
    int Users,
    int Products,
    long Orders,
    long PriorLines,
    long TrainLines,
    long PriorReordered,
    long PriorLinesWithoutProduct,
    long PriorLinesWithoutCustomer,
    SyntheticQuirks Quirks,
    TimeSpan Elapsed)
{
    /// <summary>Bytes of all files together.</summary>
    public long TotalBytes => Files.Sum(f => f.Bytes);
}
