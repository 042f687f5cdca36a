namespace Instacart.Data.Cleaning;

/// <summary>
/// Every count of SPEC §3, one by one, so that nothing is lost silently.
/// <see cref="AddsUp"/> is the identity <c>lines_joined_orders − lines_without_product − lines_without_customer = lines_merged</c>.
/// </summary>
/// <param name="OrdersRows">Data rows of <c>orders.csv</c>.</param>
/// <param name="PriorOrders">Of those, orders with <c>eval_set</c> prior.</param>
/// <param name="OrderLinesRows">Data rows of <c>order_products__prior.csv</c> (under <c>--on-bad-rows skip</c>, those kept: a row left out as bad input, a line repeating another's pair included, is counted in the bad-row log instead, never here).</param>
/// <param name="ProductsRows">Data rows of <c>products.csv</c>.</param>
/// <param name="ProductsNameless">Product rows dropped for an empty name.</param>
/// <param name="ProductsDuplicateRows">Product rows dropped as exact repeats.</param>
/// <param name="ProductsConflictingIds">Product ids still repeated (first row kept), counted once per id.</param>
/// <param name="ProductsKept">Distinct product ids kept.</param>
/// <param name="PriceOutliers">Kept products whose price was above the limit.</param>
/// <param name="CustomersRows">Data rows of <c>customers.csv</c>.</param>
/// <param name="LinesJoinedOrders">Prior lines whose order is a prior order.</param>
/// <param name="LinesWithoutProduct">Of those, lines whose product was not kept.</param>
/// <param name="LinesWithoutCustomer">Of the rest, lines whose user is not a customer.</param>
/// <param name="LinesMerged">What remains: the <c>lines</c> population.</param>
/// <param name="CustomersActive">Distinct customers among the active lines.</param>
/// <param name="LinesActive">Lines of customers whose highest prior order number reaches the activity cut.</param>
public sealed record Reconciliation(
    long OrdersRows,
    long PriorOrders,
    long OrderLinesRows,
    long ProductsRows,
    long ProductsNameless,
    long ProductsDuplicateRows,
    long ProductsConflictingIds,
    long ProductsKept,
    long PriceOutliers,
    long CustomersRows,
    long LinesJoinedOrders,
    long LinesWithoutProduct,
    long LinesWithoutCustomer,
    long LinesMerged,
    long CustomersActive,
    long LinesActive)
{
    /// <summary>Whether the merge identity of SPEC §3 holds.</summary>
    public bool AddsUp => LinesJoinedOrders - LinesWithoutProduct - LinesWithoutCustomer == LinesMerged;

    /// <summary>The counts as (snake_case key, value) pairs in SPEC order, for tables and JSON.</summary>
    public IReadOnlyList<(string Key, long Value)> Entries =>
    [
        ("orders_rows", OrdersRows),
        ("prior_orders", PriorOrders),
        ("order_lines_rows", OrderLinesRows),
        ("products_rows", ProductsRows),
        ("products_nameless", ProductsNameless),
        ("products_duplicate_rows", ProductsDuplicateRows),
        ("products_conflicting_ids", ProductsConflictingIds),
        ("products_kept", ProductsKept),
        ("price_outliers", PriceOutliers),
        ("customers_rows", CustomersRows),
        ("lines_joined_orders", LinesJoinedOrders),
        ("lines_without_product", LinesWithoutProduct),
        ("lines_without_customer", LinesWithoutCustomer),
        ("lines_merged", LinesMerged),
        ("customers_active", CustomersActive),
        ("lines_active", LinesActive),
    ];

    /// <summary>Throws when the identity does not hold: a merge bug, never bad input.</summary>
    public Reconciliation EnsureAddsUp() => AddsUp
        ? this
        : throw new InvalidOperationException($"Reconciliation does not add up: {LinesJoinedOrders} − {LinesWithoutProduct} − {LinesWithoutCustomer} ≠ {LinesMerged}.");
}
