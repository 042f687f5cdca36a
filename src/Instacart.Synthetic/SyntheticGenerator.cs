using System.Diagnostics;
using Instacart.Data.Input;

namespace Instacart.Synthetic;

/// <summary>
/// Writes a folder of synthetic Instacart data: every SPEC §1 file, with the real files' headers, line
/// endings and layouts, marginals calibrated on the real data (SPEC §6) and, by default, the course files'
/// data errors (<see cref="SyntheticOptions.Quirks"/>).
/// </summary>
/// <remarks>
/// <para>Deterministic: the same options give byte-identical files whatever the machine, culture or number
/// of threads. Every random choice comes from a seeded xoshiro256** stream per purpose and per chunk of
/// 1,024 users, and numbers are formatted invariantly.</para>
/// <para>Streaming: users are simulated in chunks on all cores, each chunk formatted straight into UTF-8
/// buffers and written in chunk order, so memory stays small at full scale (206,209 users).</para>
/// <para>Layout: <c>orders.csv</c> is ordered by user_id then order_number, with order ids 1..N dense but
/// shuffled across users; the order-line files hold each order's lines together in add_to_cart_order, the
/// orders in the same sequence as orders.csv (not sorted by order_id). <c>products.csv</c> and
/// <c>customers.csv</c> end lines with CRLF, the others with LF. Prices are written like the course file:
/// one decimal, <c>7</c> for 7.0.</para>
/// </remarks>
public static class SyntheticGenerator
{
    /// <summary>
    /// Writes every SPEC §1 file into <paramref name="outDir"/> (created if missing), and the <see cref="SyntheticMarker"/>
    /// that says the folder holds generated data, and returns what was written.
    /// </summary>
    /// <param name="outDir">The folder to write; files already there with the same names are replaced (the <c>generate</c> command writes only into a new, empty or generated folder).</param>
    /// <param name="options">Scale, seed and quirks.</param>
    /// <returns>The files with their rows and bytes, and the counts the analysis should find.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Users below 1 or products below <see cref="SyntheticOptions.MinProducts"/>.</exception>
    public static SyntheticSummary Write(string outDir, SyntheticOptions options) =>
        Write(outDir, options, Environment.ProcessorCount);

    /// <summary>As <see cref="Write(string, SyntheticOptions)"/> with at most <paramref name="parallelism"/> chunks simulated at once (1: all on the calling thread).</summary>
    internal static SyntheticSummary Write(string outDir, SyntheticOptions options, int parallelism)
    {
        ArgumentNullException.ThrowIfNull(outDir);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Users, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ProductCount, SyntheticOptions.MinProducts, nameof(options));
        parallelism = Math.Max(1, parallelism);

        var clock = Stopwatch.StartNew();
        string dir = Path.GetFullPath(outDir);
        Directory.CreateDirectory(dir);

        var catalog = SyntheticCatalog.Build(options.ProductCount, options.Seed, options.Quirks);
        int[] missingUsers = options.Quirks ? CustomerFile.MissingUsers(options.Users, options.Seed) : [];
        var simulation = new OrderSimulation(options.Users, options.Seed, catalog, missingUsers);

        long productRows = catalog.WriteProducts(Path.Combine(dir, InputFiles.Products));
        long departmentRows = SyntheticCatalog.WriteDepartments(Path.Combine(dir, InputFiles.Departments));
        long aisleRows = catalog.WriteAisles(Path.Combine(dir, InputFiles.Aisles));
        long customerRows = CustomerFile.Write(Path.Combine(dir, InputFiles.Customers), options.Users, options.Seed, missingUsers);
        var totals = WriteOrders(dir, simulation, parallelism);
        SyntheticMarker.Write(dir, options);

        var files = new List<SyntheticFile>
        {
            File(dir, InputFiles.Orders, totals.OrderCount),
            File(dir, InputFiles.PriorLines, totals.PriorLines),
            File(dir, InputFiles.TrainLines, totals.TrainLines),
            File(dir, InputFiles.Products, productRows),
            File(dir, InputFiles.Departments, departmentRows),
            File(dir, InputFiles.Aisles, aisleRows),
            File(dir, InputFiles.Customers, customerRows),
        };

        var quirks = new SyntheticQuirks(
            catalog.NamelessIds.Count, catalog.DuplicatedIds.Count, catalog.ConflictingIds.Count,
            catalog.PriceOutlierIds.Count, missingUsers.Length);
        clock.Stop();
        return new SyntheticSummary(dir, options, files, options.Users, catalog.Count, totals.OrderCount,
            totals.PriorLines, totals.TrainLines, totals.PriorReordered, totals.PriorWithoutProduct,
            totals.PriorWithoutCustomer, quirks, clock.Elapsed);
    }

    private static SyntheticFile File(string dir, string name, long rows) =>
        new(name, rows, new FileInfo(Path.Combine(dir, name)).Length);

    private sealed class Totals
    {
        public long OrderCount, PriorLines, PriorReordered, PriorWithoutProduct, PriorWithoutCustomer, TrainLines;
    }

    private static Totals WriteOrders(string dir, OrderSimulation simulation, int parallelism)
    {
        const int bufferSize = 1 << 20;
        using var orders = new FileStream(Path.Combine(dir, InputFiles.Orders), FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize);
        using var prior = new FileStream(Path.Combine(dir, InputFiles.PriorLines), FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize);
        using var train = new FileStream(Path.Combine(dir, InputFiles.TrainLines), FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize);
        orders.Write("order_id,user_id,eval_set,order_number,order_dow,order_hour_of_day,days_since_prior_order\n"u8);
        prior.Write("order_id,product_id,add_to_cart_order,reordered\n"u8);
        train.Write("order_id,product_id,add_to_cart_order,reordered\n"u8);

        var totals = new Totals();
        var idle = new System.Collections.Concurrent.ConcurrentBag<ChunkWorker>();
        int products = simulation.Catalog.Count;

        ChunkWorker Simulate(int chunk)
        {
            if (!idle.TryTake(out var worker))
            {
                worker = new ChunkWorker(products);
            }

            simulation.Run(chunk, worker);
            return worker;
        }

        void Flush(ChunkWorker w)
        {
            orders.Write(w.Orders.Written);
            prior.Write(w.Prior.Written);
            train.Write(w.Train.Written);
            totals.OrderCount += w.OrderCount;
            totals.PriorLines += w.PriorLines;
            totals.PriorReordered += w.PriorReordered;
            totals.PriorWithoutProduct += w.PriorWithoutProduct;
            totals.PriorWithoutCustomer += w.PriorWithoutCustomer;
            totals.TrainLines += w.TrainLines;
            idle.Add(w);
        }

        int chunks = simulation.Chunks;
        if (parallelism == 1)
        {
            for (int c = 0; c < chunks; c++)
            {
                Flush(Simulate(c));
            }
        }
        else
        {
            // A window of chunks in flight; the calling thread writes them out strictly in chunk order.
            int window = parallelism * 3;
            var pending = new Task<ChunkWorker>?[chunks];
            for (int c = 0; c < Math.Min(window, chunks); c++)
            {
                int chunk = c;
                pending[c] = Task.Run(() => Simulate(chunk));
            }

            for (int c = 0; c < chunks; c++)
            {
                var worker = pending[c]!.GetAwaiter().GetResult();
                pending[c] = null;
                int next = c + window;
                if (next < chunks)
                {
                    pending[next] = Task.Run(() => Simulate(next));
                }

                Flush(worker);
            }
        }

        return totals;
    }
}
