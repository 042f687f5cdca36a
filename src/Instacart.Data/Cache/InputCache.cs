using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
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
    public const string FormatVersion = FormatFamily + "6";

    /// <summary>What every version of the format starts with: the mark of an entry this tool wrote.</summary>
    private const string FormatFamily = "instacart-cache/";

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
        var tables = Load(folder, cache, null, Parallelism.Default, out result, out var entry, out var check);
        while (check.Wait().Stale is not null)
        {
            // Not the files' bytes (an entry with their stamps over other bytes, a file changed under the parse): again.
            entry?.Dispose();
            tables = Load(folder, cache, check, Parallelism.Default, out result, out entry, out check);
        }

        using (entry)
        {
            if (entry?.Flush() is { } failure)
            {
                result = new CacheResult(CacheUse.NotWritten, failure);
            }
        }

        return tables;
    }

    /// <summary>
    /// As <see cref="Load(string, CacheOptions?, out CacheResult)"/> on up to <paramref name="parallelism"/>'s threads, and
    /// the entry the tables were read from or are being written to (null when there is none), which the caller owns (it
    /// also keeps the line stages: <see cref="CachedLineStages"/>), and the
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
    internal static InputTables Load(string folder, CacheOptions? cache, InputKeyCheck? stale, Parallelism parallelism, out CacheResult result, out CacheEntry? usable, out InputKeyCheck check)
    {
        folder = Path.GetFullPath(folder);
        usable = null;
        var reason = stale?.Wait().Stale;
        var attempt = stale is null ? 1 : stale.Attempt + 1;
        InputTables Parse(IReadOnlyDictionary<string, LineCensus>? censuses) => InputTables.Load(folder, null, parallelism, censuses);
        if (cache is null)
        {
            result = CacheResult.Off;
            (var plain, check) = KeyedRead.Parse(folder, Parse, stale?.Hashing, attempt);
            return plain;
        }

        CacheLocation.EnsureOutsideDataFolder(folder, cache);
        var stamps = InputKey.Stamps(folder);
        if (stamps is null)
        {
            // A missing folder or required file: the plain loader reports it as bad input.
            (var plain, check) = KeyedRead.Parse(folder, Parse, stale?.Hashing, attempt);
            result = new CacheResult(CacheUse.NotWritten, "an input file was missing");
            return plain;
        }

        // Every byte is hashed from here on, beside whatever comes next: the entry's read and the stages after it, or
        // the manifest's read before the CSV parse. Loading again after a failed check, the hash that told it (complete)
        // is the one the parse starts from. With an entry to read the hash only checks it; without one a parse follows,
        // whose count the hash takes too (LineCensus).
        var entry = EntryDirectory(folder, cache);
        var manifestPath = Path.Combine(entry, CacheManifest.FileName);
        var hashing = stale?.Hashing ?? InputKey.Start(folder, census: reason is not null || !File.Exists(manifestPath));
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
                    usable = CacheEntry.Reading(entry, manifest);
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

        var (loaded, parsed) = KeyedRead.Parse(folder, Parse, hashing, attempt);
        check = parsed;

        // Written in the background while the load goes on (clean, merge, totals), once the hash after the parse is
        // found equal; the caller waits for it with CacheEntry.Flush, which also tells whether it could be written.
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

        // The raw prior lines (the biggest file) are not kept: the entry keeps the merged lines and their totals, which
        // is all a load needs; anything that asks for the raw lines (the reorder model's cart positions) gets the CSV
        // file parsed then, provided it is unchanged.
        var merge = manifest.Merge ?? throw new CacheDamagedException("the entry keeps no merged lines");
        var prior = new OrderLinesTable(InputFiles.PriorLines, checked((int)merge.PriorRows), () => ParsePriorLines(folder, manifest));
        // Customers and products (one batch of strings each) are decoded beside the orders (batches on all cores).
        var customers = Task.Run(() => CacheTables.Customers.Read(entry, Table(CacheTables.Customers.Name)));
        var products = Task.Run(() => CacheTables.Products.Read(entry, Table(CacheTables.Products.Name)));
        var orders = CacheTables.Orders.Read(entry, Table(CacheTables.Orders.Name));
        var train = Optional(CacheTables.Train.Name, InputFiles.TrainLines) is { } trainTable ? CacheTables.Train.Read(entry, trainTable) : null;
        var departments = CacheTables.Departments.Read(entry, Table(CacheTables.Departments.Name));
        var aisles = Optional(CacheTables.Aisles.Name, InputFiles.Aisles) is { } aislesTable ? CacheTables.Aisles.Read(entry, aislesTable) : null;
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
        var tables = new List<CachedTable> { CacheTables.Orders.Write(entry, input.Orders) };
        if (input.TrainLines is { } train)
        {
            tables.Add(CacheTables.Train.Write(entry, train));
        }

        tables.Add(CacheTables.Products.Write(entry, input.Products));
        tables.Add(CacheTables.Departments.Write(entry, input.Departments));
        if (input.Aisles is { } aisles)
        {
            tables.Add(CacheTables.Aisles.Write(entry, aisles));
        }

        tables.Add(CacheTables.Customers.Write(entry, input.Customers));
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
        Tidy(entry, manifest);
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
    private static void Tidy(string entry, CacheManifest manifest)
    {
        var keep = manifest.EntryFiles().Append(CacheManifest.FileName).ToHashSet(StringComparer.Ordinal);
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
                if (other != entry && IsEntryOfAGoneFolder(other, now))
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

    /// <summary>
    /// Whether <paramref name="folder"/> is an entry this tool wrote (its manifest parses and names this cache's format
    /// family), untouched for ten minutes, of a data folder that no longer exists. Anything else in the cache folder,
    /// a user's folder with a file of the same name included, is never ours to remove.
    /// </summary>
    private static bool IsEntryOfAGoneFolder(string folder, DateTime now)
    {
        var manifest = Path.Combine(folder, CacheManifest.FileName);
        if (!File.Exists(manifest) || now - File.GetLastWriteTimeUtc(manifest) <= TimeSpan.FromMinutes(10))
        {
            return false;
        }

        try
        {
            var text = File.ReadAllText(manifest);
            return CacheManifest.FormatOf(text).StartsWith(FormatFamily, StringComparison.Ordinal)
                && !Directory.Exists(CacheManifest.Parse(text).Folder);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    internal static int Rows(CachedTable table) =>
        table.Rows >= 0 && table.Rows <= Math.Min(int.MaxValue, table.Bytes) ? (int)table.Rows : throw new CacheDamagedException($"{table.File} claims {table.Rows} rows");
}
