using Instacart.Data.Input;
using Instacart.Data.Lines;

namespace Instacart.Data.Cache;

/// <summary>
/// A cache entry a load uses: the manifest it was read with (none when it is being written anew), what it keeps of the
/// line stages, and the one background writer (<see cref="CacheWriter"/>) of everything the load adds to it. The load
/// that made it owns it; disposing it waits for the writes.
/// </summary>
internal sealed class CacheEntry : IDisposable
{
    private readonly string directory;
    private readonly CacheManifest? read;
    private readonly CacheWriter writer;
    private readonly Task<LineTotals?>? totalsRead;

    private CacheEntry(string directory, CacheManifest? read)
    {
        this.directory = directory;
        this.read = read;
        writer = new CacheWriter(read);
        if (read?.Totals is { } kept)
        {
            // Read at once, beside the rest of the load.
            totalsRead = Task.Run(() => CachedTotals.Read(directory, read, kept));
        }
    }

    /// <summary>An entry read from its valid manifest.</summary>
    public static CacheEntry Reading(string directory, CacheManifest manifest) => new(directory, manifest);

    /// <summary>An entry being made by <paramref name="write"/> in the background (which returns its manifest).</summary>
    public static CacheEntry Writing(string directory, Func<CacheManifest> write)
    {
        var entry = new CacheEntry(directory, null);
        entry.writer.Create(write);
        return entry;
    }

    /// <summary>
    /// The merged lines this entry keeps (SPEC §3 needs nothing but the input tables, which the key covers, and the
    /// product rules, which the format version covers), or null when it keeps none. The lines' columns are read on
    /// first use; if the table is damaged by then, <paramref name="remerge"/> makes them again.
    /// </summary>
    public LineMerge? ReadMerge(OrdersTable orders, CustomersTable customers, int products, Func<LineTable> remerge)
    {
        if (read is not { Merge: { } counts } manifest || manifest.Tables.FirstOrDefault(t => t.Name == CacheTables.Merged.Name) is not { } table)
        {
            return null;
        }

        var rows = counts.LinesJoinedOrders - counts.LinesWithoutProduct - counts.LinesWithoutCustomer;
        var file = new FileInfo(Path.Combine(directory, Path.GetFileName(table.File)));
        if (table.Rows != rows || rows > int.MaxValue || !file.Exists || file.Length != table.Bytes)
        {
            return null;
        }

        var lines = new LineTable((int)rows, () => ReadLines(table, orders.Count, products) ?? remerge());
        return new LineMerge(lines, LineMerge.OrderCustomers(orders, customers), counts.LinesJoinedOrders, counts.LinesWithoutProduct, counts.LinesWithoutCustomer);
    }

    /// <summary>Queues the merged lines to be kept (best effort: a failed write leaves the entry as it was).</summary>
    /// <param name="merge">The merged lines.</param>
    /// <param name="priorRows">Rows of the prior lines the merge read.</param>
    public void KeepMerge(LineMerge merge, int priorRows) => writer.Update(current =>
    {
        var table = CacheTables.Merged.Write(directory, merge.Lines);
        var updated = current with
        {
            Tables = [.. current.Tables.Where(t => t.Name != table.Name), table],
            Merge = new MergeCounts(priorRows, merge.LinesJoinedOrders, merge.LinesWithoutProduct, merge.LinesWithoutCustomer),
        };
        InputCache.Publish(directory, updated);
        return updated;
    });

    /// <summary>The line totals this entry keeps for <paramref name="priceLimit"/>, or null (none, another limit, damaged).</summary>
    public LineTotals? ReadTotals(double priceLimit, long priceScale, int orders, int products, int customers) =>
        read is { Totals: { } kept } && kept.PriceLimit.Equals(priceLimit) && kept.PriceScale == priceScale
            && totalsRead?.GetAwaiter().GetResult() is { } totals
            && totals.OrderLines.Length == orders && totals.ProductLines.Length == products && totals.CustomerLines.Length == customers
            && (totals.CustomerDepartmentLines is null || totals.CustomerDepartmentLines.Length == (long)customers * totals.Departments)
            ? totals
            : null;

    /// <summary>Queues the line totals, made with <paramref name="priceLimit"/>, to be kept (or to replace those kept); best effort.</summary>
    public void KeepTotals(LineTotals totals, double priceLimit) => writer.Update(current =>
    {
        var (tables, kept) = CachedTotals.Write(directory, totals, priceLimit);
        var updated = current with
        {
            Tables = [.. current.Tables.Where(t => !CachedTotals.IsTotalsTable(t.Name)), .. tables],
            Totals = kept,
        };
        InputCache.Publish(directory, updated);
        return updated;
    });

    /// <summary>
    /// Queues a result computed from this entry's tables to be kept under <paramref name="name"/> (<see cref="KeptResults"/>;
    /// best effort), replacing one of that name; <paramref name="bytes"/> runs on the writer, after the writes before it.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a result's name (<see cref="KeptResults.IsName"/>).</exception>
    public void KeepResult(string name, Func<byte[]> bytes)
    {
        if (!KeptResults.IsName(name))
        {
            throw new ArgumentException($"'{name}' is not a result's name: lowercase letters, digits and hyphens.", nameof(name));
        }

        writer.Update(current =>
        {
            var kept = KeptResults.Write(directory, name, bytes());
            var updated = current with { Results = [kept, .. (current.Results ?? []).Where(r => r.Name != name).Take(KeptResults.Most - 1)] };
            InputCache.Publish(directory, updated);
            return updated;
        });
    }

    /// <summary>
    /// The result named <paramref name="name"/> as the entry kept it when the load read it (whole: length and checksum), or
    /// null (none, damaged, or an entry being written). The load checked the files' bytes against this entry's key.
    /// </summary>
    public byte[]? ReadResult(string name)
    {
        try
        {
            return read?.Results?.FirstOrDefault(r => r.Name == name) is { } kept ? KeptResults.ReadWhole(directory, kept) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Waits for every write queued so far; returns why the entry could not be made, or null.</summary>
    public string? Flush() => writer.Flush();

    /// <summary>Waits for the queued writes and takes no more.</summary>
    public void Dispose() => writer.Dispose();

    /// <summary>The merged table's columns, or null when it is damaged.</summary>
    private LineTable? ReadLines(CachedTable table, int orders, int products)
    {
        try
        {
            var lines = CacheTables.Merged.Read(directory, table);
            return InRange(lines.Order, orders) && InRange(lines.Product, products) ? lines : null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

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
