using System.Diagnostics;
using Instacart.Data.Cache;
using Instacart.Data.Cleaning;
using Instacart.Data.Derivation;
using Instacart.Data.Input;
using Instacart.Data.Lines;

namespace Instacart.Data;

/// <summary>
/// A data folder loaded, validated, cleaned, merged and derived (SPEC §1–4): the input of every question.
/// Load it once per notebook or run with <see cref="Load(string, AnalysisOptions?, CacheOptions?)"/>, or through a
/// <c>Instacart.Analysis.Sessions.AnalysisSession</c>, which also keeps the results computed from it.
/// </summary>
/// <remarks>
/// For an unchanged folder, the input tables, the merge's counts and the line totals come from the columnar cache
/// (<see cref="InputCache"/>) when one is configured, so a later load skips the CSV parse, the joins and the pass over
/// the lines (the merged lines themselves are read when first used); cleaning and deriving run as always and every
/// answer is the same. The cache is always given explicitly (<see langword="null"/>: none): nothing here reads the
/// environment or keeps a load. The cache is a wrapper around the load's stages (<see cref="CachedLineStages"/>), and
/// what the load adds to an entry is written by one background task that this object owns: <see cref="Dispose"/>
/// waits for it (an <c>AnalysisSession</c> disposes the data it holds).
/// </remarks>
public sealed class InstacartData : IDisposable
{
    /// <summary>
    /// The data folder used when none is given: the committed synthetic sample, <c>data-sample</c> (beside the
    /// notebooks folder for a notebook run, in the current directory for the commands).
    /// </summary>
    public const string DefaultFolderName = "data-sample";

    private readonly CacheEntry? entry;

    private InstacartData(Derived derived, AnalysisOptions options, IReadOnlyList<StageTiming> timings, CacheResult cache, BadRowLog badRows, string fingerprint, CacheEntry? entry, Parallelism parallelism)
    {
        Input = derived.Input;
        ProductCleaning = derived.Products;
        Merge = derived.Merge;
        Totals = derived.Totals;
        Customers = derived.Customers;
        Reconciliation = derived.Reconciliation;
        Options = options;
        Timings = timings;
        Cache = cache;
        BadRows = badRows;
        Fingerprint = fingerprint;
        this.entry = entry;
        Parallelism = parallelism;
        dayHour = new Lazy<DayHourTotals>(() => DayHourTotals.Compute(derived.Input.Orders, derived.Totals));
    }

    private readonly Lazy<DayHourTotals> dayHour;

    /// <summary>The files as read (personal names already dropped).</summary>
    public InputTables Input { get; }

    /// <summary>The clean products and what cleaning dropped.</summary>
    public ProductCleaning ProductCleaning { get; }

    /// <summary>The clean products.</summary>
    public ProductCatalog Products => ProductCleaning.Catalog;

    /// <summary>The merged lines and the per-order customer rows.</summary>
    public LineMerge Merge { get; }

    /// <summary>The merged lines totalled per order, product and customer × department (what the group-bys add up).</summary>
    internal LineTotals Totals { get; }

    /// <summary>The per-order totals added up per day of week and hour (made on first use, then shared).</summary>
    internal DayHourTotals DayHour => dayHour.Value;

    /// <summary>The merged lines (the <c>lines</c> population).</summary>
    public LineTable Lines => Merge.Lines;

    /// <summary>Orders as read, all eval sets.</summary>
    public OrdersTable Orders => Input.Orders;

    /// <summary>The per-customer derived values, by row of <see cref="InputTables.Customers"/>.</summary>
    public CustomerFacts Customers { get; }

    /// <summary>Every count of SPEC §3; its identity is checked at load.</summary>
    public Reconciliation Reconciliation { get; }

    /// <summary>The rules' thresholds and the day convention.</summary>
    public AnalysisOptions Options { get; }

    /// <summary>How long each stage took, for <c>bench</c> and the data-preparation notebook.</summary>
    public IReadOnlyList<StageTiming> Timings { get; }

    /// <summary>Whether the input tables came from the columnar cache, were parsed and cached, or the cache was off.</summary>
    public CacheResult Cache { get; }

    /// <summary>
    /// The rows skipped as bad input, per file and reason with the first few quoted (empty unless the options say
    /// <see cref="BadRowPolicy.Skip"/>). They never reach the tables, so the reconciliation counts what was kept.
    /// </summary>
    public BadRowLog BadRows { get; }

    /// <summary>
    /// Which exact data this is: <c>xxh128:</c> and 32 lowercase hex digits, a hash over every input file's name,
    /// presence and the XxHash128 of all its bytes (taken on every load, from the cache or not, skipping bad rows or
    /// not). Equal bytes give an equal fingerprint wherever the folder is and whenever the files were written; any
    /// other byte in any file gives another. Record it beside whatever is made from this data (<c>run.json</c>, a
    /// report page) to tell which data made it.
    /// </summary>
    public string Fingerprint { get; }

    /// <summary>The threads and ranges the load ran with, for the group-bys over this data to use too.</summary>
    internal Parallelism Parallelism { get; }

    /// <summary>The customer row of merged line <paramref name="line"/>.</summary>
    public int CustomerOf(int line) => Merge.OrderCustomer[Lines.Order[line]];

    /// <summary>Whether merged line <paramref name="line"/> belongs to the <c>active</c> population.</summary>
    public bool IsActive(int line) => Customers.Active[CustomerOf(line)];

    /// <summary>
    /// Loads <paramref name="folder"/> and runs every stage, reading and writing the input tables' columnar cache in
    /// <paramref name="cache"/> (<see langword="null"/>: parse the CSV files, read and write no cache). A cache folder
    /// inside the data folder is refused (<see cref="CacheLocation"/>): an <see cref="InputException"/>.
    /// </summary>
    public static InstacartData Load(string folder, AnalysisOptions? options = null, CacheOptions? cache = null) => Load(folder, options, cache, Parallelism.Default);

    /// <summary>As <see cref="Load(string, AnalysisOptions?, CacheOptions?)"/>, every stage on up to <paramref name="parallelism"/>'s threads.</summary>
    internal static InstacartData Load(string folder, AnalysisOptions? options, CacheOptions? cache, Parallelism parallelism) => Load(folder, options, cache, parallelism, null);

    /// <summary>
    /// Queues bytes computed from this data to be kept in its cache entry under <paramref name="name"/>, read back by
    /// <see cref="KeptResults.Read"/> only for the same exact input bytes; nothing without an entry (no cache, or rows
    /// skipped as bad input). <paramref name="bytes"/> runs in the background, so it may read this data until disposed.
    /// </summary>
    internal void KeepResult(string name, Func<byte[]> bytes) => entry?.KeepResult(name, bytes);

    /// <summary>
    /// The bytes kept under <paramref name="name"/> in the cache entry this data was read from (whole, and of the same
    /// exact input bytes: the load checked them), or null: none, no cache, or an entry this load is writing.
    /// </summary>
    internal byte[]? ReadKept(string name) => entry?.ReadResult(name);

    /// <summary>Waits for the writes this load queued to its cache entry (nothing to wait for without a cache); the data stays usable.</summary>
    public void Dispose() => entry?.Dispose();

    /// <summary>The load, with the check that found the previous load's tables not of the files' bytes (null at first).</summary>
    private static InstacartData Load(string folder, AnalysisOptions? options, CacheOptions? cache, Parallelism parallelism, InputKeyCheck? stale)
    {
        options ??= AnalysisOptions.Default;
        DataFolder.CheckLayout(Path.GetFullPath(folder));
        if (cache is not null)
        {
            CacheLocation.EnsureOutsideDataFolder(folder, cache);
        }

        var badRows = new BadRowLog(options.OnBadRows);
        var clock = new StageClock();
        var cacheResult = CacheResult.Off;
        // Skipping bases the tables on a lenient read: such tables are never cached, and no cached table is
        // trusted for it (a stale entry would be re-read strictly).
        CacheEntry? entry = null;
        InputKeyCheck? keyCheck = null;
        try
        {
            var input = clock.Run("load", () => badRows.Skips ? ParseSkipping(folder, options.OnBadRows, stale, parallelism, ref badRows, out keyCheck) : InputCache.Load(folder, cache, stale, parallelism, out cacheResult, out entry, out keyCheck), t => t.Orders.Count + (long)t.PriorLines.Count + t.Products.Count + t.Customers.Count);
            // The stages after the input tables; with an entry, read from it or kept in it.
            ILineStages stages = new LineStages(parallelism);
            if (entry is not null)
            {
                stages = new CachedLineStages(stages, entry, options.PriceOutlierAbove);
            }

            var derived = Derive(input, stages, options, badRows, parallelism, clock);

            // The stages above ran while the files were hashed again (beside a cache entry's read, or after the parse):
            // nothing is answered unless the tables are of the files' bytes; otherwise the folder is loaded again.
            var (key, notTheirs) = keyCheck!.Wait();
            if (notTheirs is not null)
            {
                entry?.Dispose();
                entry = null;
                return Load(folder, options, cache, parallelism, keyCheck);
            }

            // The entry's first writes ran beside the stages; the load is done when they are (later ones, such as
            // merged lines made again, are waited for by Dispose).
            if (entry?.Flush() is { } failure)
            {
                cacheResult = new CacheResult(CacheUse.NotWritten, failure);
            }

            return new InstacartData(derived, options, clock.Timings, cacheResult, badRows, InputKey.Fingerprint(key!), entry, parallelism);
        }
        catch
        {
            // A load that fails owns nothing after: its entry's writes are waited for here.
            entry?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The data of input tables already read and validated, such as one part of a dataset split by customer
    /// (<see cref="Partitions.CustomerParts"/>): the stages of a load from the cleaning on, with no cache.
    /// <paramref name="fingerprint"/> names the data the tables came from.
    /// </summary>
    internal static InstacartData FromTables(InputTables input, AnalysisOptions? options, string fingerprint, Parallelism parallelism)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= AnalysisOptions.Default;
        var badRows = new BadRowLog(options.OnBadRows);
        var clock = new StageClock();
        var derived = Derive(input, new LineStages(parallelism), options, badRows, parallelism, clock);
        return new InstacartData(derived, options, clock.Timings, CacheResult.Off, badRows, fingerprint, null, parallelism);
    }

    /// <summary>Every stage after the input tables: clean, index, merge, totals, derive, reconcile.</summary>
    private static Derived Derive(InputTables input, ILineStages stages, AnalysisOptions options, BadRowLog badRows, Parallelism parallelism, StageClock clock)
    {
        var products = clock.Run("clean", () => ProductCleaning.Clean(input.Products, input.Departments, options.PriceOutlierAbove), p => p.Rows);
        var orderIndex = clock.Run("index", () => LineMerge.OrderIndex(input.Orders), _ => input.Orders.Count);
        // A line of an unknown order is bad input; when bad rows are skipped it goes (most often its order row was
        // skipped as bad). The merge reports the prior lines' own unknown orders, so they are only filtered here
        // when skipping; the train lines are checked here either way.
        input = input with
        {
            PriorLines = badRows.Skips ? WithoutUnknownOrders(input.PriorLines, orderIndex, badRows) : input.PriorLines,
            TrainLines = input.TrainLines is { } lines ? WithoutUnknownOrders(lines, orderIndex, badRows) : null,
        };

        var merge = clock.Run("merge", () => stages.Merge(input, products.Catalog, orderIndex), _ => input.PriorLines.Count);
        // The pair checks' groupings by order serve the merge alone (a cached merge needs none): not kept past it.
        _ = input.PriorLines.TakeByOrder();
        _ = input.TrainLines?.TakeByOrder();
        // What the merge read and no stage reads again (the groupings above; on shuffled input a few hundred MB) is
        // garbage now. Collected here, its pages are reused by the totals instead of fresh ones: the load's peak stays
        // the input and the merged lines, and first touches of new memory, which dominate a load on a virtual machine,
        // are fewer (benchmarks/RESULTS.md, section 0d).
        GC.Collect();
        var departments = Math.Max(input.Departments.MaxId, products.Catalog.DepartmentId.DefaultIfEmpty(0).Max()) + 1;
        var totals = clock.Run("totals", () => stages.Total(input, products.Catalog, merge, departments), _ => merge.Lines.Count);
        var customers = clock.Run("derive", () => CustomerFacts.Derive(input.Customers, input.Departments, merge.Lines, merge.OrderCustomer, products.Catalog, totals, options, parallelism), _ => input.Orders.Count);
        return new Derived(input, products, merge, totals, customers, Reconcile(input, products, merge, customers));
    }

    /// <summary>Every count of SPEC §3, checked to add up.</summary>
    private static Reconciliation Reconcile(InputTables input, ProductCleaning products, LineMerge merge, CustomerFacts customers)
    {
        // Active lines and customers from the per-customer line counts the derivation already made: no pass over lines.
        long linesActive = 0;
        var customersActive = 0;
        for (var c = 0; c < customers.Count; c++)
        {
            if (customers.Active[c] && customers.Lines[c] > 0)
            {
                linesActive += customers.Lines[c];
                customersActive++;
            }
        }

        long priorOrders = 0;
        foreach (var set in input.Orders.EvalSet)
        {
            priorOrders += set == EvalSet.Prior ? 1 : 0;
        }

        return new Reconciliation(
            OrdersRows: input.Orders.Count,
            PriorOrders: priorOrders,
            OrderLinesRows: input.PriorLines.Count,
            ProductsRows: products.Rows,
            ProductsNameless: products.Nameless,
            ProductsDuplicateRows: products.DuplicateRows,
            ProductsConflictingIds: products.ConflictingIds,
            ProductsKept: products.Catalog.Count,
            PriceOutliers: products.PriceOutliers,
            CustomersRows: input.Customers.Count,
            LinesJoinedOrders: merge.LinesJoinedOrders,
            LinesWithoutProduct: merge.LinesWithoutProduct,
            LinesWithoutCustomer: merge.LinesWithoutCustomer,
            LinesMerged: merge.Lines.Count,
            CustomersActive: customersActive,
            LinesActive: linesActive).EnsureAddsUp();
    }

    /// <summary>The input tables read leniently, checked against the hash of their bytes like any other read; a read again starts a fresh log.</summary>
    private static InputTables ParseSkipping(string folder, BadRowPolicy policy, InputKeyCheck? stale, Parallelism parallelism, ref BadRowLog badRows, out InputKeyCheck? check)
    {
        var log = badRows;
        (var tables, check) = KeyedRead.Parse(
            folder,
            censuses =>
            {
                log = new BadRowLog(policy);
                return InputTables.Load(folder, log, parallelism, censuses);
            },
            stale?.Hashing,
            stale is null ? 1 : stale.Attempt + 1);
        badRows = log;
        return tables;
    }

    private static OrderLinesTable WithoutUnknownOrders(OrderLinesTable lines, UniqueIndex orderIndex, BadRowLog badRows)
    {
        var keep = new bool[lines.Count];
        var kept = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            keep[i] = orderIndex.RowOf(lines.OrderId[i]) >= 0;
            if (keep[i])
            {
                kept++;
            }
            else
            {
                BadRowLog.SkipOrThrow(badRows, LineMerge.UnknownOrder(lines, i));
            }
        }

        return kept == lines.Count ? lines : lines.Where(keep, kept);
    }
}

/// <summary>What the stages after the input tables make.</summary>
internal sealed record Derived(InputTables Input, ProductCleaning Products, LineMerge Merge, LineTotals Totals, CustomerFacts Customers, Reconciliation Reconciliation);

/// <summary>Times a load's stages in order.</summary>
internal sealed class StageClock
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly List<StageTiming> timings = [];

    /// <summary>The stages run so far.</summary>
    public IReadOnlyList<StageTiming> Timings => timings;

    /// <summary>Runs stage <paramref name="name"/> and records its time and the rows <paramref name="rows"/> counts.</summary>
    public T Run<T>(string name, Func<T> run, Func<T, long> rows)
    {
        var started = clock.Elapsed;
        var result = run();
        timings.Add(new StageTiming(name, clock.Elapsed - started, rows(result)) { WorkingSetAfter = Environment.WorkingSet });
        return result;
    }
}

/// <summary>One pipeline stage's duration and the rows it handled.</summary>
/// <param name="Stage">The stage's name.</param>
/// <param name="Elapsed">Wall time.</param>
/// <param name="Rows">Rows handled.</param>
public sealed record StageTiming(string Stage, TimeSpan Elapsed, long Rows)
{
    /// <summary>The process's working set in bytes when the stage ended (0 when not measured): where a load's memory goes.</summary>
    public long WorkingSetAfter { get; init; }
}
