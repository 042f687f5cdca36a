using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Apache.Arrow;
using Apache.Arrow.Types;
using Instacart.Data.Input;
using Instacart.Data.Lines;

namespace Instacart.Data.Cache;

/// <summary>
/// A columnar cache of a data folder, kept as Apache Arrow IPC files in a cache folder outside the data folder, so that
/// a later load of the same unchanged folder reads typed columns instead of parsing CSV: the input tables as read and
/// validated (orders, train lines, products, departments, aisles, customers), the merged lines with the merge's drop
/// counts, and the line totals with the per-customer order facts. Cleaning and deriving run after it as always, so
/// every answer is the same. The raw prior lines are not kept: the merged lines and their totals stand in for them,
/// and whatever asks for the raw lines later gets the unchanged CSV file parsed.
/// </summary>
/// <remarks>
/// <para>One entry per data folder: a directory named after the folder's full path holding one <c>.arrow</c> file
/// per table and <c>manifest.json</c>. The manifest holds the key: the format version, the folder, and each input
/// file's size, last write time and XxHash128 of all its bytes (<see cref="InputKey"/>). Any difference makes the
/// entry stale: the cache answers only for the exact bytes it was made from.</para>
/// <para>An entry is used only when every check passes: manifest readable, key equal, each file's length, Arrow
/// schema (names, types, order, table), row count, no nulls, and the checksum of every column's values. Anything
/// else (stale, truncated, corrupt) is never used: the CSV files are parsed and the entry written anew. The merged
/// lines are checked when first read (and merged again from the inputs if damaged), the totals when loaded (and made
/// again if damaged or made with another price limit).</para>
/// <para>Writes are atomic: each table goes to a temporary file renamed to a name carrying its checksum, and the
/// manifest is renamed into place last, so an interrupted write leaves the old entry or none, never half of one.</para>
/// <para>The customers table holds no personal name: <see cref="CustomersTable"/> never has one.</para>
/// </remarks>
internal static class InputCache
{
    /// <summary>The cache format; bumped whenever the cached tables, their schemas, the key's meaning or the rules that make the merged lines change.</summary>
    public const string FormatVersion = "instacart-cache/6";

    private static readonly Schema OrdersSchema = ArrowTables.Schema(
        "orders",
        ("order_id", Int32Type.Default),
        ("user_id", Int32Type.Default),
        ("eval_set", UInt8Type.Default),
        ("order_number", Int32Type.Default),
        ("order_dow", UInt8Type.Default),
        ("order_hour_of_day", UInt8Type.Default),
        ("days_since_prior_order", FloatType.Default));


    private static readonly Schema MergedSchema = ArrowTables.Schema(
        "merged",
        ("order_row", Int32Type.Default),
        ("product_row", Int32Type.Default),
        ("reordered", UInt8Type.Default));
    private static readonly Schema TrainSchema = LinesSchema("train");

    private static readonly Schema ProductsSchema = ArrowTables.Schema(
        "products",
        ("product_id", Int32Type.Default),
        ("product_name", StringType.Default),
        ("aisle_id", Int32Type.Default),
        ("department_id", Int32Type.Default),
        ("price", DoubleType.Default),
        ("price_text", StringType.Default),
        ("line", Int64Type.Default));

    private static readonly Schema DepartmentsSchema = NamedSchema("departments");
    private static readonly Schema AislesSchema = NamedSchema("aisles");

    private static readonly Schema CustomersSchema = ArrowTables.Schema(
        "customers",
        ("user_id", Int32Type.Default),
        ("gender", StringType.Default),
        ("state", StringType.Default),
        ("age", Int32Type.Default),
        ("date_joined", StringType.Default),
        ("n_dependants", Int32Type.Default),
        ("fam_status", StringType.Default),
        ("income", Int32Type.Default));

    /// <summary>
    /// The input tables of <paramref name="folder"/>: from the cache when <paramref name="cache"/> holds a valid entry
    /// for the folder's exact bytes, else parsed from CSV (<see cref="InputTables.Load(string)"/>) and then written to
    /// the cache. With <paramref name="cache"/> <see langword="null"/> nothing is read from or written to any cache.
    /// A cache that cannot be written never fails the load; bad input is an <see cref="InputException"/> as always,
    /// and so is a cache folder inside the data folder (<see cref="CacheLocation"/>).
    /// </summary>
    /// <param name="folder">The data folder.</param>
    /// <param name="cache">Where the cache lives, or <see langword="null"/> for none.</param>
    /// <param name="result">What was done with the cache, and why.</param>
    public static InputTables Load(string folder, CacheOptions? cache, out CacheResult result)
    {
        var tables = Load(folder, cache, null, out result, out var entry, out var check);
        while (check.Wait().Stale is not null)
        {
            // Not the files' bytes (an entry with their stamps over other bytes, a file changed under the parse): again.
            entry?.Finish();
            tables = Load(folder, cache, check, out result, out entry, out check);
        }

        if (entry?.Finish() is { } failure)
        {
            result = new CacheResult(CacheUse.NotWritten, failure);
        }

        return tables;
    }

    /// <summary>
    /// As <see cref="Load(string, CacheOptions?, out CacheResult)"/>, and the entry the tables were read from or written
    /// to (null when there is none), which also keeps the merged lines (<see cref="CacheEntry.ReadMerge"/>), and the
    /// check of the bytes the tables are of (<see cref="InputKeyCheck"/>), which the caller must wait for before it
    /// answers anything, and pass back as <paramref name="stale"/> to load again when it fails.
    /// </summary>
    /// <remarks>
    /// Every byte of every input file is hashed on every path. With an entry whose stamps (presence, size, write
    /// time) still match, the entry's tables are returned while the files are hashed, the caller going on with them:
    /// the check fails when the hash is not the entry's key (the same stamps over other bytes, as <c>cp -p</c> leaves
    /// them). Otherwise (no entry, stale, damaged, or <paramref name="stale"/>) the CSV files are parsed once that
    /// hash is complete and hashed again after (<see cref="KeyedRead"/>); the entry is written only once that second
    /// hash is found equal.
    /// </remarks>
    internal static InputTables Load(string folder, CacheOptions? cache, InputKeyCheck? stale, out CacheResult result, out CacheEntry? usable, out InputKeyCheck check)
    {
        folder = Path.GetFullPath(folder);
        usable = null;
        var reason = stale?.Wait().Stale;
        var attempt = stale is null ? 1 : stale.Attempt + 1;
        if (cache is null)
        {
            result = CacheResult.Off;
            (var plain, check) = KeyedRead.Parse(folder, () => InputTables.Load(folder), stale?.Hashing, attempt);
            return plain;
        }

        CacheLocation.EnsureOutsideDataFolder(folder, cache);
        var stamps = InputKey.Stamps(folder);
        if (stamps is null)
        {
            // A missing folder or required file: the plain loader reports it as bad input.
            (var plain, check) = KeyedRead.Parse(folder, () => InputTables.Load(folder), stale?.Hashing, attempt);
            result = new CacheResult(CacheUse.NotWritten, "an input file was missing");
            return plain;
        }

        // Every byte is hashed from here on, beside whatever comes next: the entry's read and the stages after it, or
        // the manifest's read before the CSV parse. Loading again after a failed check, the hash that told it (complete)
        // is the one the parse starts from.
        var hashing = stale?.Hashing ?? InputKey.Start(folder);
        var entry = EntryDirectory(folder, cache);
        var manifestPath = Path.Combine(entry, CacheManifest.FileName);
        if (reason is null && File.Exists(manifestPath))
        {
            try
            {
                var json = File.ReadAllText(manifestPath);
                var format = CacheManifest.FormatOf(json);
                var manifest = format == FormatVersion ? CacheManifest.Parse(json) : null;
                reason = manifest is null ? "another cache format"
                    : manifest.Folder != folder ? "an entry of another folder"
                    : InputKey.FirstStampDifference(manifest.Inputs, stamps) is { } touched ? $"{touched} changed"
                    : null;
                if (manifest is not null && reason is null)
                {
                    var tables = Read(entry, folder, manifest);
                    result = new CacheResult(CacheUse.Hit);
                    usable = new CacheEntry(entry, manifest);
                    check = InputKeyCheck.Cached(manifest.Inputs, hashing);
                    return tables;
                }
            }
            catch (Exception e) when (e is not InputException)
            {
                // A damaged entry may make the manifest parser or the Arrow reader throw anything: it is never used.
                var cause = e is AggregateException many ? many.Flatten().InnerExceptions[0] : e;
                reason = "damaged: " + (cause is CacheDamagedException ? cause.Message : cause.GetType().Name);
            }
        }

        var (loaded, parsed) = KeyedRead.Parse(folder, () => InputTables.Load(folder), hashing, attempt);
        check = parsed;

        // Written in the background while the load goes on (clean, merge, totals), once the hash after the parse is
        // found equal; the caller waits for it with CacheEntry.Finish, which also tells whether it could be written.
        usable = CacheEntry.Writing(entry, () => Write(entry, folder, parsed.KeyOrNull() ?? throw new IOException("an input file changed while it was read"), loaded));
        result = reason is null ? new CacheResult(CacheUse.Written) : new CacheResult(CacheUse.Rebuilt, reason);
        return loaded;
    }

    /// <summary>The entry directory of <paramref name="folder"/> under <paramref name="cache"/>: the folder's name and a hash of its full path.</summary>
    public static string EntryDirectory(string folder, CacheOptions cache)
    {
        folder = Path.GetFullPath(folder);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(folder)))[..16];
        var name = new string([.. Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)).Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').Take(40)]);
        return Path.Combine(Path.GetFullPath(cache.Directory), $"{name}-{hash}");
    }

    private static InputTables Read(string entry, string folder, CacheManifest manifest)
    {
        CachedTable Table(string name) => manifest.Tables.FirstOrDefault(t => t.Name == name) ?? throw new CacheDamagedException($"no {name} table");
        CachedTable? Optional(string name, string file) =>
            manifest.Inputs.First(i => i.File == file).Present ? Table(name) : null;
        string PathOf(CachedTable table) => Path.Combine(entry, Path.GetFileName(table.File));

        // The raw prior lines (the biggest file) are not kept: the entry keeps the merged lines and their totals, which
        // is all a load needs; anything that asks for the raw lines (the reorder model's cart positions) gets the CSV
        // file parsed then, provided it is unchanged.
        var merge = manifest.Merge ?? throw new CacheDamagedException("the entry keeps no merged lines");
        var prior = new OrderLinesTable(InputFiles.PriorLines, checked((int)merge.PriorRows), () => ParsePriorLines(folder, manifest));
        // Customers and products (one batch of strings each) are decoded beside the orders (batches on all cores).
        var (customersEntry, productsEntry) = (Table("customers"), Table("products"));
        var customers = Task.Run(() => ReadCustomers(PathOf(customersEntry), customersEntry));
        var products = Task.Run(() => ReadProducts(PathOf(productsEntry), productsEntry));
        var orders = ReadOrders(PathOf(Table("orders")), Table("orders"));
        var trainEntry = Optional("train", InputFiles.TrainLines);
        var train = trainEntry is null ? null : ReadLines(PathOf(trainEntry), TrainSchema, trainEntry, InputFiles.TrainLines);
        var departments = ReadNamed(PathOf(Table("departments")), DepartmentsSchema, Table("departments"), InputFiles.Departments);
        var aislesEntry = Optional("aisles", InputFiles.Aisles);
        var aisles = aislesEntry is null ? null : ReadNamed(PathOf(aislesEntry), AislesSchema, aislesEntry, InputFiles.Aisles);
        return new InputTables(folder, orders, prior, train, products.GetAwaiter().GetResult(), departments, aisles, customers.GetAwaiter().GetResult());
    }

    /// <summary>
    /// The prior lines parsed from the CSV file, which must be byte for byte what the entry was made from: the file is
    /// hashed before the parse and again after it (<see cref="KeyedRead.Once"/>), and both hashes must be the entry's.
    /// </summary>
    private static OrderLinesTable ParsePriorLines(string folder, CacheManifest manifest)
    {
        var kept = manifest.Inputs.First(i => i.File == InputFiles.PriorLines);
        (string, bool)[] prior = [(InputFiles.PriorLines, true)];
        var (lines, now, changed) = KeyedRead.Once(folder, prior, () => OrderLinesLoader.Load(Path.Combine(folder, InputFiles.PriorLines)));
        if (changed is not null || now is null || !now[0].SameBytes(kept))
        {
            throw new InvalidOperationException($"{InputFiles.PriorLines} is needed but {InputFiles.PriorLines} changed since the folder was loaded: load the data folder again.");
        }

        return lines;
    }

    private static CacheManifest Write(string entry, string folder, IReadOnlyList<InputFingerprint> key, InputTables input)
    {
        Directory.CreateDirectory(entry);
        var tables = new List<CachedTable> { WriteTable(entry, "orders", input.Orders.Count, path => WriteOrders(path, input.Orders)) };
        if (input.TrainLines is { } train)
        {
            tables.Add(WriteTable(entry, "train", train.Count, path => WriteLines(path, TrainSchema, train)));
        }

        tables.Add(WriteTable(entry, "products", input.Products.Count, path => WriteProducts(path, input.Products)));
        tables.Add(WriteTable(entry, "departments", input.Departments.Ids.Count, path => WriteNamed(path, DepartmentsSchema, input.Departments)));
        if (input.Aisles is { } aisles)
        {
            tables.Add(WriteTable(entry, "aisles", aisles.Ids.Count, path => WriteNamed(path, AislesSchema, aisles)));
        }

        tables.Add(WriteTable(entry, "customers", input.Customers.Count, path => WriteCustomers(path, input.Customers)));
        var manifest = new CacheManifest(FormatVersion, folder, key, tables);
        Publish(entry, manifest);
        return manifest;
    }

    /// <summary>Writes <paramref name="manifest"/> into place atomically, then removes what it no longer names.</summary>
    internal static void Publish(string entry, CacheManifest manifest)
    {
        var temporary = Path.Combine(entry, $"{CacheManifest.FileName}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temporary, manifest.ToJson(), new UTF8Encoding(false));
        File.Move(temporary, Path.Combine(entry, CacheManifest.FileName), overwrite: true);
        Tidy(entry, manifest.Tables);
    }

    internal static CachedTable WriteTable(string entry, string name, int rows, Func<string, (long Bytes, ulong Checksum)> write)
    {
        var temporary = Path.Combine(entry, $"{name}.{Guid.NewGuid():N}.tmp");
        try
        {
            var (bytes, checksum) = write(temporary);
            var file = $"{name}-{checksum:x16}.arrow";
            File.Move(temporary, Path.Combine(entry, file), overwrite: true);
            return new CachedTable(name, file, rows, bytes, checksum.ToString("x16"));
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// Removes what no manifest needs any more: this entry's files of earlier versions and abandoned temporary files
    /// (old enough not to be another process's write in progress), and entries of data folders that no longer exist.
    /// </summary>
    private static void Tidy(string entry, IReadOnlyList<CachedTable> kept)
    {
        var keep = kept.Select(t => t.File).Append(CacheManifest.FileName).ToHashSet(StringComparer.Ordinal);
        var now = DateTime.UtcNow;
        try
        {
            foreach (var file in Directory.EnumerateFiles(entry))
            {
                var age = now - File.GetLastWriteTimeUtc(file);
                var name = Path.GetFileName(file);
                if (!keep.Contains(name) && (name.EndsWith(".tmp", StringComparison.Ordinal) ? age > TimeSpan.FromMinutes(10) : age > TimeSpan.FromMinutes(1)))
                {
                    File.Delete(file);
                }
            }

            foreach (var other in Directory.EnumerateDirectories(Path.GetDirectoryName(entry)!))
            {
                var manifest = Path.Combine(other, CacheManifest.FileName);
                if (other != entry && File.Exists(manifest) && now - File.GetLastWriteTimeUtc(manifest) > TimeSpan.FromMinutes(10)
                    && !Directory.Exists(CacheManifest.Parse(File.ReadAllText(manifest)).Folder))
                {
                    Directory.Delete(other, recursive: true);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            // Tidying is best effort; the entry just written is complete either way.
        }
    }

    private static Schema LinesSchema(string table) => ArrowTables.Schema(
        table,
        ("order_id", Int32Type.Default),
        ("product_id", Int32Type.Default),
        ("add_to_cart_order", Int32Type.Default),
        ("reordered", UInt8Type.Default));

    private static Schema NamedSchema(string table) => ArrowTables.Schema(table, ("id", Int32Type.Default), ("name", StringType.Default));

    internal static int Rows(CachedTable table) =>
        table.Rows >= 0 && table.Rows <= Math.Min(int.MaxValue, table.Bytes) ? (int)table.Rows : throw new CacheDamagedException($"{table.File} claims {table.Rows} rows");

    /// <summary>A column every element of which the read overwrites: not zeroed first.</summary>
    internal static T[] Column<T>(int rows) => GC.AllocateUninitializedArray<T>(rows);

    private static (long, ulong) WriteOrders(string path, OrdersTable t) =>
        ArrowTables.Write(path, OrdersSchema, t.Count, (s, n) =>
        [
            ArrowTables.Int32(t.OrderId, s, n),
            ArrowTables.Int32(t.UserId, s, n),
            ArrowTables.UInt8(MemoryMarshal.AsBytes(t.EvalSet.AsSpan()), s, n),
            ArrowTables.Int32(t.OrderNumber, s, n),
            ArrowTables.UInt8(t.DayOfWeek, s, n),
            ArrowTables.UInt8(t.HourOfDay, s, n),
            ArrowTables.Float(t.DaysSincePrior, s, n),
        ]);

    private static OrdersTable ReadOrders(string path, CachedTable table)
    {
        var rows = Rows(table);
        var (orderId, userId, evalSet, orderNumber) = (Column<int>(rows), Column<int>(rows), Column<EvalSet>(rows), Column<int>(rows));
        var (dow, hour, days) = (Column<byte>(rows), Column<byte>(rows), Column<float>(rows));
        ArrowTables.Read(path, OrdersSchema, table, (s, b) =>
        {
            ArrowTables.CopyTo(b.Column(0), orderId, s);
            ArrowTables.CopyTo(b.Column(1), userId, s);
            ArrowTables.CopyTo(b.Column(2), evalSet, s);
            ArrowTables.CopyTo(b.Column(3), orderNumber, s);
            ArrowTables.CopyTo(b.Column(4), dow, s);
            ArrowTables.CopyTo(b.Column(5), hour, s);
            ArrowTables.CopyTo(b.Column(6), days, s);
        });
        return new OrdersTable(orderId, userId, evalSet, orderNumber, dow, hour, days);
    }

    private static (long, ulong) WriteLines(string path, Schema schema, OrderLinesTable t) =>
        ArrowTables.Write(path, schema, t.Count, (s, n) =>
        [
            ArrowTables.Int32(t.OrderId, s, n),
            ArrowTables.Int32(t.ProductId, s, n),
            ArrowTables.Int32(t.AddToCartOrder, s, n),
            ArrowTables.UInt8(t.Reordered, s, n),
        ]);

    private static OrderLinesTable ReadLines(string path, Schema schema, CachedTable table, string fileName)
    {
        var rows = Rows(table);
        var (orderId, productId, cartOrder, reordered) = (Column<int>(rows), Column<int>(rows), Column<int>(rows), Column<byte>(rows));
        ArrowTables.Read(path, schema, table, (s, b) =>
        {
            ArrowTables.CopyTo(b.Column(0), orderId, s);
            ArrowTables.CopyTo(b.Column(1), productId, s);
            ArrowTables.CopyTo(b.Column(2), cartOrder, s);
            ArrowTables.CopyTo(b.Column(3), reordered, s);
        });
        return new OrderLinesTable(fileName, orderId, productId, cartOrder, reordered);
    }

    private static (long, ulong) WriteProducts(string path, IReadOnlyList<ProductRow> rows)
    {
        var ids = rows.Select(r => r.ProductId).ToArray();
        var names = rows.Select(r => r.Name).ToArray();
        var aisles = rows.Select(r => r.AisleId).ToArray();
        var departments = rows.Select(r => r.DepartmentId).ToArray();
        var prices = rows.Select(r => r.Price).ToArray();
        var texts = rows.Select(r => r.PriceText).ToArray();
        var lines = rows.Select(r => r.Line).ToArray();
        return ArrowTables.Write(path, ProductsSchema, rows.Count, (s, n) =>
        [
            ArrowTables.Int32(ids, s, n),
            ArrowTables.Utf8(names, s, n),
            ArrowTables.Int32(aisles, s, n),
            ArrowTables.Int32(departments, s, n),
            ArrowTables.Double(prices, s, n),
            ArrowTables.Utf8(texts, s, n),
            ArrowTables.Int64(lines, s, n),
        ]);
    }

    private static List<ProductRow> ReadProducts(string path, CachedTable table)
    {
        var rows = Rows(table);
        var (ids, names, aisles, departments) = (new int[rows], new string[rows], new int[rows], new int[rows]);
        var (prices, texts, lines) = (new double[rows], new string[rows], new long[rows]);
        ArrowTables.Read(path, ProductsSchema, table, (s, b) =>
        {
            ArrowTables.CopyTo(b.Column(0), ids, s);
            ArrowTables.CopyTo(b.Column(1), names, s);
            ArrowTables.CopyTo(b.Column(2), aisles, s);
            ArrowTables.CopyTo(b.Column(3), departments, s);
            ArrowTables.CopyTo(b.Column(4), prices, s);
            ArrowTables.CopyTo(b.Column(5), texts, s);
            ArrowTables.CopyTo(b.Column(6), lines, s);
        });
        var result = new List<ProductRow>(rows);
        for (var i = 0; i < rows; i++)
        {
            result.Add(new ProductRow(ids[i], names[i], aisles[i], departments[i], prices[i], texts[i], lines[i]));
        }

        return result;
    }

    private static (long, ulong) WriteNamed(string path, Schema schema, NamedIds named)
    {
        var ids = named.Ids.ToArray();
        var names = ids.Select(id => named[id]).ToArray();
        return ArrowTables.Write(path, schema, ids.Length, (s, n) => [ArrowTables.Int32(ids, s, n), ArrowTables.Utf8(names, s, n)]);
    }

    private static NamedIds ReadNamed(string path, Schema schema, CachedTable table, string fileName)
    {
        var rows = Rows(table);
        var (ids, names) = (new int[rows], new string[rows]);
        ArrowTables.Read(path, schema, table, (s, b) =>
        {
            ArrowTables.CopyTo(b.Column(0), ids, s);
            ArrowTables.CopyTo(b.Column(1), names, s);
        });
        if (ids.Any(id => id < 0))
        {
            throw new CacheDamagedException($"{table.File} has a negative id");
        }

        return new NamedIds(fileName, [.. ids.Zip(names)]);
    }

    private static (long, ulong) WriteCustomers(string path, CustomersTable t) =>
        ArrowTables.Write(path, CustomersSchema, t.Count, (s, n) =>
        [
            ArrowTables.Int32(t.UserId, s, n),
            ArrowTables.Utf8(t.Gender, s, n),
            ArrowTables.Utf8(t.State, s, n),
            ArrowTables.Int32(t.Age, s, n),
            ArrowTables.Utf8(t.DateJoined, s, n),
            ArrowTables.Int32(t.Dependants, s, n),
            ArrowTables.Utf8(t.FamilyStatus, s, n),
            ArrowTables.Int32(t.Income, s, n),
        ]);

    private static CustomersTable ReadCustomers(string path, CachedTable table)
    {
        var rows = Rows(table);
        var (userId, gender, state, age) = (new int[rows], new string[rows], new string[rows], new int[rows]);
        var (joined, dependants, family, income) = (new string[rows], new int[rows], new string[rows], new int[rows]);
        ArrowTables.Read(path, CustomersSchema, table, (s, b) =>
        {
            ArrowTables.CopyTo(b.Column(0), userId, s);
            ArrowTables.CopyTo(b.Column(1), gender, s);
            ArrowTables.CopyTo(b.Column(2), state, s);
            ArrowTables.CopyTo(b.Column(3), age, s);
            ArrowTables.CopyTo(b.Column(4), joined, s);
            ArrowTables.CopyTo(b.Column(5), dependants, s);
            ArrowTables.CopyTo(b.Column(6), family, s);
            ArrowTables.CopyTo(b.Column(7), income, s);
        });
        return new CustomersTable(userId, gender, state, age, joined, dependants, family, income);
    }

    /// <summary>An entry just read or written: where it is and what its manifest says.</summary>
    internal sealed class CacheEntry
    {
        private readonly string directory;
        private readonly bool fresh;
        private CacheManifest? manifest;
        private Task pending = Task.CompletedTask;
        private string? failure;

        private readonly Task<LineTotals?>? totalsRead;

        /// <summary>An entry read from its valid manifest; its line totals start being read at once, beside the rest of the load.</summary>
        public CacheEntry(string directory, CacheManifest manifest)
        {
            this.directory = directory;
            this.manifest = manifest;
            if (manifest.Totals is { } kept)
            {
                totalsRead = Task.Run(() => CachedTotals.Read(directory, manifest, kept));
            }
        }

        private CacheEntry(string directory)
        {
            this.directory = directory;
            fresh = true;
        }

        /// <summary>An entry being written in the background by <paramref name="write"/>; later writes queue behind it.</summary>
        public static CacheEntry Writing(string directory, Func<CacheManifest> write)
        {
            var entry = new CacheEntry(directory);
            entry.pending = Task.Run(() =>
            {
                try
                {
                    Volatile.Write(ref entry.manifest, write());
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    entry.failure = e.Message;
                }
            });
            return entry;
        }

        /// <summary>Waits for every write started on the entry; returns why the entry could not be written, or null.</summary>
        public string? Finish()
        {
            pending.GetAwaiter().GetResult();
            return failure;
        }

        /// <summary>Queues a change of the entry behind the writes before it (best effort: a failed one leaves the entry as it was).</summary>
        private void Then(Func<CacheManifest, CacheManifest> update)
        {
            pending = pending.ContinueWith(
                _ =>
                {
                    if (Volatile.Read(ref manifest) is not { } current)
                    {
                        return;
                    }

                    try
                    {
                        Volatile.Write(ref manifest, update(current));
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.None,
                TaskScheduler.Default);
        }

        /// <summary>
        /// The merged lines this entry keeps (SPEC §3 needs nothing but the input tables, which the key covers, and the
        /// product rules, which the format version covers), or null when it keeps none. The lines' columns are read on
        /// first use; if the table is damaged by then, <paramref name="merge"/> makes them again from the input tables.
        /// </summary>
        public LineMerge? ReadMerge(OrdersTable orders, CustomersTable customers, int products, Func<LineMerge> merge)
        {
            if (fresh || manifest is null || manifest.Merge is not { } counts || manifest.Tables.FirstOrDefault(t => t.Name == "merged") is not { } table)
            {
                return null;
            }

            var rows = counts.LinesJoinedOrders - counts.LinesWithoutProduct - counts.LinesWithoutCustomer;
            var file = new FileInfo(Path.Combine(directory, Path.GetFileName(table.File)));
            if (table.Rows != rows || rows > int.MaxValue || !file.Exists || file.Length != table.Bytes)
            {
                return null;
            }

            var lines = new LineTable((int)rows, () => ReadLines(file.FullName, table, orders.Count, products) ?? Remerge(merge, counts.PriorRows));
            return new LineMerge(lines, LineMerge.OrderCustomers(orders, customers), counts.LinesJoinedOrders, counts.LinesWithoutProduct, counts.LinesWithoutCustomer);
        }

        /// <summary>The lines merged again because the kept ones were damaged, and kept again.</summary>
        private LineTable Remerge(Func<LineMerge> merge, long priorRows)
        {
            var merged = merge();
            WriteMerge(merged, (int)priorRows);
            return merged.Lines;
        }

        /// <summary>The merged table's columns, or null when it is damaged.</summary>
        private static LineTable? ReadLines(string path, CachedTable table, int orders, int products)
        {
            try
            {
                var rows = Rows(table);
                var (order, product, reordered) = (Column<int>(rows), Column<int>(rows), Column<byte>(rows));
                ArrowTables.Read(path, MergedSchema, table, (s, b) =>
                {
                    ArrowTables.CopyTo(b.Column(0), order, s);
                    ArrowTables.CopyTo(b.Column(1), product, s);
                    ArrowTables.CopyTo(b.Column(2), reordered, s);
                });
                return InRange(order, orders) && InRange(product, products) ? new LineTable(order, product, reordered) : null;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return null;
            }
        }

        /// <summary>Adds the merged lines to the entry; best effort (a failed write leaves the entry as it was).</summary>
        /// <param name="merge">The merged lines.</param>
        /// <param name="priorRows">Rows of the prior lines the merge read.</param>
        public void WriteMerge(LineMerge merge, int priorRows) => Then(current =>
        {
            var lines = merge.Lines;
            var table = WriteTable(directory, "merged", lines.Count, path => ArrowTables.Write(path, MergedSchema, lines.Count, (s, n) =>
            [
                ArrowTables.Int32(lines.Order, s, n),
                ArrowTables.Int32(lines.Product, s, n),
                ArrowTables.UInt8(lines.Reordered, s, n),
            ]));
            var updated = current with
            {
                Tables = [.. current.Tables.Where(t => t.Name != "merged"), table],
                Merge = new MergeCounts(priorRows, merge.LinesJoinedOrders, merge.LinesWithoutProduct, merge.LinesWithoutCustomer),
            };
            Publish(directory, updated);
            return updated;
        });

        /// <summary>The line totals this entry keeps for <paramref name="priceLimit"/>, or null (none, another limit, damaged).</summary>
        public LineTotals? ReadTotals(double priceLimit, long priceScale, int orders, int products, int customers) =>
            !fresh && manifest is { Totals: { } kept } && kept.PriceLimit.Equals(priceLimit) && kept.PriceScale == priceScale
                && totalsRead?.GetAwaiter().GetResult() is { } totals
                && totals.OrderLines.Length == orders && totals.ProductLines.Length == products && totals.CustomerLines.Length == customers
                && (totals.CustomerDepartmentLines is null || totals.CustomerDepartmentLines.Length == (long)customers * totals.Departments)
                ? totals
                : null;

        /// <summary>Adds (or replaces) the line totals, made with <paramref name="priceLimit"/>; best effort.</summary>
        public void WriteTotals(LineTotals totals, double priceLimit) => Then(current =>
        {
            var (tables, kept) = CachedTotals.Write(directory, totals, priceLimit);
            var updated = current with
            {
                Tables = [.. current.Tables.Where(t => !CachedTotals.IsTotalsTable(t.Name)), .. tables],
                Totals = kept,
            };
            Publish(directory, updated);
            return updated;
        });

        private static bool InRange(int[] rows, int count)
        {
            foreach (var row in rows)
            {
                if ((uint)row >= (uint)count)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
