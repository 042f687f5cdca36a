using System.Globalization;
using Instacart.Analysis.Questions;
using Instacart.Analysis.Writing;
using Instacart.Data.Cleaning;
using Instacart.Data.Derivation;
using Instacart.Data;
using Instacart.Analysis.Sessions;
using Microsoft.Data.Analysis;

namespace Instacart.Analysis.Preparation;

/// <summary>
/// How the files became the analysis tables (notebook 00): every reconciliation count with its meaning, the
/// lines each join dropped, the product rows cleaning dropped and why, and a sentence that sums it up —
/// all computed from <see cref="InstacartData.Reconciliation"/> and <see cref="InstacartData.ProductCleaning"/>.
/// </summary>
public sealed class DataPreparation
{
    private DataPreparation(Reconciliation reconciliation, AnalysisOptions options, IReadOnlyList<DroppedProductRow> droppedProducts, IReadOnlyList<SkippedRowsRow> skippedRows)
    {
        SkippedRows = skippedRows;
        Reconciliation = reconciliation;
        Options = options;
        DroppedProducts = droppedProducts;
        ReconciliationRows = reconciliation.Entries.Select(e => new ReconciliationRow(e.Key, e.Value, Meaning(e.Key, options))).ToList();
        var r = reconciliation;
        var joinedProducts = r.LinesJoinedOrders - r.LinesWithoutProduct;
        JoinLosses =
        [
            new("join prior orders", r.OrderLinesRows, r.OrderLinesRows - r.LinesJoinedOrders, r.LinesJoinedOrders, "the line's order is not a prior order (eval_set other than prior)"),
            new("join clean products", r.LinesJoinedOrders, r.LinesWithoutProduct, joinedProducts, "the line's product is not among the kept products (nameless or unknown id)"),
            new("join customers", joinedProducts, r.LinesWithoutCustomer, r.LinesMerged, "the order's user is not in customers.csv"),
            new("keep active customers", r.LinesMerged, r.LinesMerged - r.LinesActive, r.LinesActive, $"the customer's highest prior order number is below {options.ActiveMinOrderNumber} (customer questions only)"),
        ];
        LineFlow =
        [
            new("Lines read", r.OrderLinesRows, LineFlowKind.Start),
            new("Not a prior order", r.OrderLinesRows - r.LinesJoinedOrders, LineFlowKind.Dropped),
            new("Product not kept", r.LinesWithoutProduct, LineFlowKind.Dropped),
            new("Unknown customer", r.LinesWithoutCustomer, LineFlowKind.Dropped),
            new("Merged", r.LinesMerged, LineFlowKind.Remaining),
            new($"Under {options.ActiveMinOrderNumber} orders", r.LinesMerged - r.LinesActive, LineFlowKind.Dropped),
            new("Active customers", r.LinesActive, LineFlowKind.Remaining),
        ];
    }

    /// <summary>The question notebook 00 answers, as its title.</summary>
    public string Question => "How were the files cleaned and merged, and what was dropped?";

    /// <summary>The counts of SPEC §3.</summary>
    public Reconciliation Reconciliation { get; }

    /// <summary>The options the data was loaded with (thresholds quoted in the text).</summary>
    public AnalysisOptions Options { get; }

    /// <summary>Every reconciliation count with its meaning, in SPEC order.</summary>
    public IReadOnlyList<ReconciliationRow> ReconciliationRows { get; }

    /// <summary>The lines each merge step dropped, then the activity filter of the customer questions.</summary>
    public IReadOnlyList<JoinLossRow> JoinLosses { get; }

    /// <summary>Every product row cleaning dropped, in file order.</summary>
    public IReadOnlyList<DroppedProductRow> DroppedProducts { get; }

    /// <summary>The line counts from the file to the active customers' lines, for the flow chart.</summary>
    public IReadOnlyList<LineFlowStep> LineFlow { get; }

    /// <summary>Summarizes how <paramref name="data"/> was prepared.</summary>
    /// <param name="data">The loaded data.</param>
    /// <returns>The summary.</returns>
    public static DataPreparation Summarize(InstacartData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var dropped = data.ProductCleaning.Dropped
            .Select(d => new DroppedProductRow(d.Line, d.ProductId, d.Name, ReasonText(d.Reason)))
            .ToList();
        var skipped = data.BadRows.Groups.Select(g => new SkippedRowsRow(g.File, g.Reason, g.Rows, string.Join(" | ", g.Examples))).ToList();
        return new DataPreparation(data.Reconciliation, data.Options, dropped, skipped);
    }

    /// <summary>
    /// Summarizes how <paramref name="session"/>'s data was prepared: on a partitioned dataset's session from the
    /// reconciliation merged over every part (exact; the product rows are the same in every part), otherwise as
    /// <see cref="Summarize(InstacartData)"/>.
    /// </summary>
    /// <param name="session">The session.</param>
    /// <returns>The summary.</returns>
    public static DataPreparation Summarize(AnalysisSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Partials is { } merged ? merged.Preparation : Summarize(session.Data);
    }

    /// <summary>This summary with the counts of <paramref name="reconciliation"/>: the parts' products and skipped rows, the whole's counts.</summary>
    internal DataPreparation With(Reconciliation reconciliation) => new(reconciliation, Options, DroppedProducts, SkippedRows);

    /// <summary>What happened to the lines and products, in two or three sentences computed from the counts.</summary>
    public string Sentence()
    {
        var r = Reconciliation;
        var notPrior = r.OrderLinesRows - r.LinesJoinedOrders;
        var conflictingRows = DroppedProducts.Count(d => d.Reason == ReasonText(ProductDropReason.ConflictingId));
        var lines = $"Of {Wording.Count(r.OrderLinesRows)} prior order lines, {Wording.Count(r.LinesMerged)} ({Wording.Percent(r.LinesMerged, r.OrderLinesRows)}) reach the merged table; "
            + $"dropped: {Wording.Count(notPrior)} for an order that is not a prior order, {Wording.Count(r.LinesWithoutProduct)} for a product that was not kept, "
            + $"{Wording.Count(r.LinesWithoutCustomer)} for an unknown customer.";
        var products = $" Cleaning dropped {Wording.Count(DroppedProducts.Count)} of {Plural(r.ProductsRows, "product row", "product rows")} "
            + $"({Wording.Count(r.ProductsNameless)} nameless, {Plural(r.ProductsDuplicateRows, "exact duplicate", "exact duplicates")}, {Wording.Count(conflictingRows)} reusing an earlier product's id) "
            + $"and blanked {Plural(r.PriceOutliers, "price", "prices")} above {Money(Options.PriceOutlierAbove)}.";
        var active = $" The customer questions use the {Wording.Count(r.LinesActive)} lines ({Wording.Percent(r.LinesActive, r.LinesMerged)} of merged lines) "
            + $"of {Plural(r.CustomersActive, "active customer", "active customers")}.";
        var check = r.AddsUp ? " The reconciliation adds up." : " The reconciliation does not add up.";
        var skipped = SkippedRows.Count == 0
            ? string.Empty
            : $" Before any of this, {Plural(SkippedRows.Sum(s => s.Rows), "row", "rows")} that broke their file's schema were skipped and counted (--on-bad-rows skip): see the table below.";
        return lines + products + active + check + skipped;
    }

    /// <summary>The cleaning and merge rules, with the thresholds of <see cref="Options"/>.</summary>
    public string Method() =>
        "Products: rows with an empty or blank name are dropped, then rows that repeat an earlier row exactly, then any row whose id an earlier kept row already uses (the first row is kept, the id counted once). "
        + $"A price above {Money(Options.PriceOutlierAbove)} is a data-entry error and becomes missing: it is left out of every sum and mean, and its price range is Unknown. "
        + "Customers' first names and surnames are dropped when the file is read. "
        + "Lines: prior order lines are inner-joined to prior orders, then to the kept products, then to customers, in that order (a line lacking both a product and a customer counts once, as lacking the product); every right side is unique on its key, so no join multiplies lines. "
        + $"Active customers are those whose highest prior order number is at least {Options.ActiveMinOrderNumber}; their lines are the population of the customer questions. "
        + "The identity lines_joined_orders − lines_without_product − lines_without_customer = lines_merged is checked when the data is loaded.";

    /// <summary>The reconciliation as a table: key, count, meaning.</summary>
    public DataFrame ReconciliationFrame() => RowFrames.ToDataFrame(ReconciliationRows);

    /// <summary>The lines each merge step dropped, as a table.</summary>
    public DataFrame JoinLossFrame() => RowFrames.ToDataFrame(JoinLosses);

    /// <summary>Rows skipped as bad input, per file and reason (empty unless the load skipped bad rows).</summary>
    public IReadOnlyList<SkippedRowsRow> SkippedRows { get; }

    /// <summary>The rows skipped as bad input, as a table: file, reason, rows, the first few quoted.</summary>
    public DataFrame SkippedRowsFrame() => RowFrames.ToDataFrame(SkippedRows);

    /// <summary>The dropped product rows, as a table: line, product id, name, reason.</summary>
    public DataFrame DroppedProductsFrame() => RowFrames.ToDataFrame(DroppedProducts);

    /// <summary>The sentence, so that a notebook cell ending in the summary shows it.</summary>
    public override string ToString() => Sentence();

    private static string ReasonText(ProductDropReason reason) => reason switch
    {
        ProductDropReason.Nameless => "nameless",
        ProductDropReason.DuplicateRow => "duplicate row",
        _ => "conflicting id",
    };

    private static string Meaning(string key, AnalysisOptions options) => key switch
    {
        "orders_rows" => "data rows of orders.csv",
        "prior_orders" => "orders with eval_set prior (the analysis population)",
        "order_lines_rows" => "data rows of order_products__prior.csv",
        "products_rows" => "data rows of products.csv",
        "products_nameless" => "product rows dropped for an empty or blank name",
        "products_duplicate_rows" => "product rows dropped as exact repeats of an earlier row",
        "products_conflicting_ids" => "ids still repeated with other values (first row kept; counted once per id)",
        "products_kept" => "distinct product ids kept",
        "price_outliers" => $"kept products whose price was above {Money(options.PriceOutlierAbove)} (now missing)",
        "customers_rows" => "data rows of customers.csv",
        "lines_joined_orders" => "prior order lines whose order is a prior order",
        "lines_without_product" => "of those, lines whose product was not kept",
        "lines_without_customer" => "of the rest, lines whose user is not in customers.csv",
        "lines_merged" => "lines that remain: the population of the time, price and department questions",
        "customers_active" => $"customers whose highest prior order number is at least {options.ActiveMinOrderNumber}, among merged lines",
        "lines_active" => "merged lines of active customers: the population of the customer questions",
        _ => "",
    };

    private static string Plural(long count, string one, string many) => $"{Wording.Count(count)} {(count == 1 ? one : many)}";

    private static string Money(double value) => "$" + value.ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>Rows of one file skipped as bad input for one reason.</summary>
/// <param name="File">The file.</param>
/// <param name="Reason">The column and what it expects, or the record's fault.</param>
/// <param name="Rows">How many rows.</param>
/// <param name="FirstRows">The first few, with their line and column.</param>
public sealed record SkippedRowsRow(string File, string Reason, long Rows, string FirstRows);
