using System.Runtime.InteropServices;
using System.Text;
using Instacart.Data.Input;
using Instacart.Data.Lines;

namespace Instacart.Benchmarks;

/// <summary>
/// The check behind the parser benchmark (no test framework: it runs before the measurements and from the command
/// line, <c>Instacart.Benchmarks parsers FILE</c>). Every candidate must give the loader's plain path's columns on
/// the file; the loader and the two Sep readers must report a bad row deep in a file with the same file, line,
/// column and message; cases where their strictness differs are printed, not failed.
/// </summary>
internal static class ParserAgreement
{
    /// <summary>Bad rows all three strict readers must report alike, each placed at line <see cref="BadLine"/>.</summary>
    private static readonly (string Name, string Row)[] Required =
    [
        ("letter in a number", "49000,12,3x,1"),
        ("missing field", "49000,12,3"),
        ("extra field", "49000,12,3,1,7"),
        ("sign", "49000,-12,3,1"),
        ("space", "49000, 12,3,1"),
        ("decimal point", "49000,12.0,3,1"),
        ("empty line", ""),
        ("cart position 0", "49000,12,0,1"),
        ("reordered 2", "49000,12,3,2"),
        ("above int.MaxValue", "49000,2147483648,3,1"),
    ];

    /// <summary>Rows where the readers may differ: what each does is printed.</summary>
    private static readonly (string Name, string Row)[] Informational =
    [
        ("quoted number", "49000,\"12\",3,1"),
        ("lone CR inside a row", "49000,12\r,3,1"),
        ("lone CR as line break", "49000,12,3,1\r49001,13,4,0"),
        ("stray quote", "49000,1\"2,3,1"),
        ("unclosed quote", "49000,\"12,3,1"),
        ("NUL byte", "49000,12\0,3,1"),
    ];

    private const int Rows = 60_000;

    private const int BadRow = 45_000;

    /// <summary>The bad row's line: the header is line 1.</summary>
    private const int BadLine = BadRow + 2;

    /// <summary>Runs both checks; throws on any disagreement that matters.</summary>
    public static void Check(string linesPath, Action<string> log)
    {
        CheckColumns(linesPath, log);
        CheckErrors(log);
    }

    /// <summary>Every candidate's columns equal the loader's plain path's on <paramref name="path"/>.</summary>
    public static void CheckColumns(string path, Action<string> log)
    {
        var expected = OrderLinesLoader.LoadSequential(path);
        var candidates = new List<(string Name, Func<(int[] A, int[] B, int[] C, byte[] D)?> Read)>
        {
            ("LoaderRanges", () => OrderLinesLoader.TryLoadRanges(path, Math.Max(2, Parallelism.Default.Degree)) is { } t ? (t.OrderId, t.ProductId, t.AddToCartOrder, t.Reordered) : null),
            ("LoaderRangesOneThread", () => OrderLinesLoader.TryLoadRanges(path, 2, new Parallelism(1)) is { } t ? (t.OrderId, t.ProductId, t.AddToCartOrder, t.Reordered) : null),
            ("LibraryLoader", () => OrderLinesLoader.Load(path) is var t ? (t.OrderId, t.ProductId, t.AddToCartOrder, t.Reordered) : null),
            ("CsvHelperSequential", () => Arrays(ParserBenchmarks.ReadCsvHelper(path))),
            ("CsvHelperParallelEnumerate2", () => Arrays(ParserBenchmarks.ReadCsvHelperParallel(path))),
            ("SylvanSequential", () => Arrays(ParserBenchmarks.ReadSylvan(path))),
            ("SepSequential", () => SepLines.Read(path) is var c ? (c.OrderId, c.ProductId, c.CartOrder, c.Reordered) : null),
            ("SepParallelEnumerate", () => SepLines.ReadParallel(path, Math.Max(2, Environment.ProcessorCount)) is var c ? (c.OrderId, c.ProductId, c.CartOrder, c.Reordered) : null),
        };

        foreach (var (name, read) in candidates)
        {
            if (read() is not { } got)
            {
                // The range parser declines files it cannot split (too small); the loader then reads them plainly.
                log($"columns: {name} declined {Path.GetFileName(path)} (the loader falls back to its plain path)");
                continue;
            }

            if (!got.A.AsSpan().SequenceEqual(expected.OrderId) || !got.B.AsSpan().SequenceEqual(expected.ProductId)
                || !got.C.AsSpan().SequenceEqual(expected.AddToCartOrder) || !got.D.AsSpan().SequenceEqual(expected.Reordered))
            {
                throw new InvalidOperationException($"{name}: columns differ from the loader's on {path}");
            }

            log($"columns: {name} = loader ({expected.Count:N0} rows of {Path.GetFileName(path)})");
        }
    }

    /// <summary>A bad row at line <see cref="BadLine"/> of a 60,000-row file: the loader's error against Sep's, one and several threads.</summary>
    public static void CheckErrors(Action<string> log)
    {
        var folder = Directory.CreateTempSubdirectory("parser-agreement-");
        try
        {
            var path = Path.Combine(folder.FullName, "order_products__prior.csv");
            foreach (var (name, row) in Required)
            {
                var (loader, sep, parallel) = Outcomes(path, row);
                if (loader != sep || loader != parallel || !loader.StartsWith($"order_products__prior.csv: line {BadLine}", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"errors differ for a {name}: loader [{loader}], Sep [{sep}], Sep parallel [{parallel}]");
                }

                log($"error, {name}: all three: {loader}");
            }

            foreach (var (name, row) in Informational)
            {
                var (loader, sep, parallel) = Outcomes(path, row);
                log(loader == sep && loader == parallel
                    ? $"strictness, {name}: all three: {loader}"
                    : $"strictness, {name}: loader: {loader} | Sep: {sep} | Sep parallel: {parallel}");
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static (string Loader, string Sep, string SepParallel) Outcomes(string path, string badRow)
    {
        var text = new StringBuilder("order_id,product_id,add_to_cart_order,reordered\n");
        for (var i = 0; i < Rows; i++)
        {
            text.Append(i == BadRow ? badRow : $"{i / 7},{i % 997},{(i % 7) + 1},{i % 2}").Append('\n');
        }

        File.WriteAllText(path, text.ToString());
        return (
            Outcome(() => OrderLinesLoader.Load(path, threads: 2, minBytes: 0).Count),
            Outcome(() => SepLines.Read(path).Count),
            Outcome(() => SepLines.ReadParallel(path, 2).Count));
    }

    private static string Outcome(Func<int> read)
    {
        try
        {
            return $"read {read():N0} rows, no error";
        }
        catch (InputException e)
        {
            return e.Message;
        }
        catch (Exception e) when (e is InvalidDataException or AggregateException or ArgumentException or FormatException)
        {
            return $"{e.GetType().Name} (not an InputException)";
        }
    }

    private static (int[], int[], int[], byte[]) Arrays(ListColumns columns) => (
        CollectionsMarshal.AsSpan(columns.OrderId).ToArray(),
        CollectionsMarshal.AsSpan(columns.ProductId).ToArray(),
        CollectionsMarshal.AsSpan(columns.CartOrder).ToArray(),
        CollectionsMarshal.AsSpan(columns.Reordered).ToArray());
}
