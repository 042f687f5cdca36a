using System.Buffers;
using CsvHelper;
using Instacart.Data.Lines;
using Microsoft.Win32.SafeHandles;

namespace Instacart.Data.Input;

/// <summary>Reads an order-lines file (<c>order_products__prior.csv</c> or <c>__train.csv</c>) with its explicit schema.</summary>
internal static class OrderLinesLoader
{
    /// <summary>The header, in order.</summary>
    public static readonly string[] Header = ["order_id", "product_id", "add_to_cart_order", "reordered"];

    /// <summary>Files smaller than this are read by one reader: splitting them costs more than it saves.</summary>
    internal const long ParallelMinBytes = 4 << 20;

    /// <summary>The shortest row, <c>1,1,1,0</c> and its line break: a range with more line breaks than that allows is not data.</summary>
    private const int MinRowBytes = 8;

    /// <summary>The bytes of the data rows the fast path takes (a quoted number is CSV too); anything else is left to the plain path.</summary>
    internal static readonly SearchValues<byte> RowBytes = SearchValues.Create("0123456789,\r\n\""u8);

    /// <summary>Reads every row; any bad value is an <see cref="InputException"/>.</summary>
    /// <remarks>
    /// The plain path is CsvHelper 34's strict reader; fields are read as UTF-8 spans and parsed as plain digits, so
    /// a sign, space, decimal point or NUL is rejected. With more than one processor a large file is split at line
    /// breaks into byte ranges, each read by <see cref="LineRowParser"/> (plain rows only) straight into its slice of
    /// the columns, the ranges and their rows taken from the census the hash took when there is one. That fast
    /// path only accepts input the plain path accepts;
    /// on anything it does not accept (bad value, quoting, wrong field count, a range boundary inside a quoted
    /// field) it gives up and the plain sequential read runs, so errors carry the exact file, line and column.
    /// Nothing is allocated according to garbage: the first bytes must be text (<see cref="TextSniff"/>), a range
    /// boundary is looked for no further than one record's limit, and the columns are sized from the line breaks
    /// only once every byte after the header is found to be a digit, comma, quote or line break, with no more line
    /// breaks than rows of at least <see cref="MinRowBytes"/> bytes allow.
    /// </remarks>
    public static OrderLinesTable Load(string path) => Load(path, Parallelism.Default.Degree, ParallelMinBytes, Parallelism.Default);

    /// <summary>
    /// Reads every row, skipping and logging bad rows when <paramref name="badRows"/> skips (the fast path only takes
    /// clean input); a line repeating another's <c>(order_id, product_id)</c> or <c>(order_id, add_to_cart_order)</c>
    /// is skipped and logged too (<see cref="UniqueLinePairs"/>).
    /// </summary>
    public static OrderLinesTable Load(string path, BadRowLog? badRows) => Load(path, badRows, Parallelism.Default);

    /// <summary>
    /// As <see cref="Load(string, BadRowLog?)"/>, on up to <paramref name="parallelism"/>'s threads; the
    /// <paramref name="census"/> taken while the file was hashed, when given, spares the range parser its count.
    /// </summary>
    internal static OrderLinesTable Load(string path, BadRowLog? badRows, Parallelism parallelism, LineCensus? census = null)
    {
        if (badRows is not { Skips: true })
        {
            return Load(path, parallelism.Degree, ParallelMinBytes, parallelism, census);
        }

        TextSniff.Check(path);
        var read = (parallelism.Degree > 1 && new FileInfo(path).Length >= ParallelMinBytes ? TryLoadRanges(path, parallelism.Degree, parallelism, census) : null) ?? LoadSequential(path, badRows);
        return UniqueLinePairs.Check(read, badRows, parallelism);
    }

    /// <summary>
    /// Reads with up to <paramref name="threads"/> readers when the file has at least <paramref name="minBytes"/>; a
    /// repeated pair (<see cref="UniqueLinePairs"/>) is an <see cref="InputException"/> like a bad value. The ranges
    /// and the pair check run on up to <paramref name="parallelism"/>'s threads (default: <see cref="Parallelism.Default"/>),
    /// the ranges taken from <paramref name="census"/> when it can tell them.
    /// </summary>
    internal static OrderLinesTable Load(string path, int threads, long minBytes, Parallelism? parallelism = null, LineCensus? census = null)
    {
        var run = parallelism ?? Parallelism.Default;
        TextSniff.Check(path);
        var read = threads > 1 && new FileInfo(path).Length >= minBytes && TryLoadRanges(path, threads, run, census) is { } fast
            ? fast
            : LoadSequential(path);
        return UniqueLinePairs.Check(read, badRows: null, run);
    }

    /// <summary>The plain path: one strict reader from the first byte to the last (the rows as read: <see cref="Load(string, BadRowLog?)"/> checks the pairs after).</summary>
    internal static OrderLinesTable LoadSequential(string path, BadRowLog? badRows = null)
    {
        using var csv = StrictCsvReader.Open(path, Header, trackLineNumbers: false, badRows);
        var skipped = new SkippedRows();
        var malformed = 0;
        var capacity = ColumnBuilder<int>.CapacityFor(path, 16);
        var orderId = new ColumnBuilder<int>(capacity);
        var productId = new ColumnBuilder<int>(capacity);
        var cartOrder = new ColumnBuilder<int>(capacity);
        var reordered = new ColumnBuilder<byte>(capacity);
        while (csv.Read())
        {
            SkippedRows.NoteMalformed(csv, skipped, orderId.Count, ref malformed);
            int order, product, position;
            byte again;
            try
            {
                order = csv.Int(0);
                product = csv.Int(1);
                position = csv.Int(2, min: 1);
                again = (byte)csv.Int(3, 0, 1);
            }
            catch (InputException error)
            {
                BadRowLog.SkipOrThrow(badRows, error);
                skipped.Add(orderId.Count);
                continue;
            }

            orderId.Add(order);
            productId.Add(product);
            cartOrder.Add(position);
            reordered.Add(again);
        }

        SkippedRows.NoteMalformed(csv, skipped, orderId.Count, ref malformed);
        return new OrderLinesTable(csv.FileName, orderId.ToArray(), productId.ToArray(), cartOrder.ToArray(), reordered.ToArray(), badRows?.Skips == true ? skipped : null);
    }

    /// <summary>
    /// The fast path: ranges split at line breaks, rows per range counted first (so each range writes straight
    /// into the final arrays), then parsed concurrently. Null when any range holds something the plain path
    /// would report or read differently. The rows as read, like <see cref="LoadSequential"/>'s: the pairs are checked after.
    /// </summary>
    internal static OrderLinesTable? TryLoadRanges(string path, int threads) => TryLoadRanges(path, threads, Parallelism.Default);

    /// <summary>
    /// As <see cref="TryLoadRanges(string, int)"/>: ranges for <paramref name="threads"/> readers, run on up to
    /// <paramref name="parallelism"/>'s threads. Given the <paramref name="census"/> taken while the file was hashed,
    /// the ranges and their rows come from it, and the file is not read once more just to count them.
    /// </summary>
    internal static OrderLinesTable? TryLoadRanges(string path, int threads, Parallelism parallelism, LineCensus? census = null)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.None);
        var length = RandomAccess.GetLength(handle);
        var ranges = Math.Max(2, threads * 2);
        long[] bounds, rows;
        if (census?.Ranges(ranges, length) is { } counted)
        {
            (bounds, rows) = counted;
            for (var r = 0; r < rows.Length; r++)
            {
                if (rows[r] > TooManyBreaks(bounds[r + 1] - bounds[r]))
                {
                    return null;
                }
            }
        }
        else if (CountRanges(handle, length, ranges, parallelism) is { } read)
        {
            (bounds, rows) = read;
        }
        else
        {
            return null;
        }

        var count = rows.Length;
        rows[0] -= 1;
        if (LineBreaks.LastByte(handle, length) != (byte)'\n')
        {
            rows[count - 1] += 1;
        }

        var offsets = new long[count + 1];
        for (var r = 0; r < count; r++)
        {
            if (rows[r] < 0)
            {
                return null;
            }

            offsets[r + 1] = offsets[r] + rows[r];
        }

        if (offsets[count] > Array.MaxLength)
        {
            return null;
        }

        var total = (int)offsets[count];
        var orderId = new int[total];
        var productId = new int[total];
        var reordered = new byte[total];

        // Cart positions one byte each (real ones stop at 145); should one need more, the file is parsed again with ints.
        var narrow = new byte[total];
        var outcome = ParseRanges(handle, bounds, offsets, rows, orderId, productId, narrow, null, reordered, parallelism);
        if (outcome == RangeParse.WideCart)
        {
            var wide = new int[total];
            outcome = ParseRanges(handle, bounds, offsets, rows, orderId, productId, null, wide, reordered, parallelism);
            return outcome == RangeParse.Done ? new OrderLinesTable(Path.GetFileName(path), orderId, productId, wide, reordered) : null;
        }

        return outcome == RangeParse.Done ? new OrderLinesTable(Path.GetFileName(path), orderId, productId, new CartOrderColumn(narrow), reordered) : null;
    }

    /// <summary>How the parse of the ranges ended: done, failed (the plain path reports it), or met a cart position too large for a byte.</summary>
    private enum RangeParse
    {
        Done,
        Failed,
        WideCart,
    }

    private static RangeParse ParseRanges(SafeFileHandle handle, long[] bounds, long[] offsets, long[] rows, int[] orderId, int[] productId, byte[]? narrowCart, int[]? wideCart, byte[] reordered, Parallelism parallelism)
    {
        var outcome = (int)RangeParse.Done;
        parallelism.For(bounds.Length - 1, r =>
        {
            if (Volatile.Read(ref outcome) == (int)RangeParse.Done
                && TryParseRange(handle, bounds[r], bounds[r + 1], r == 0, (int)offsets[r], (int)rows[r], orderId, productId, narrowCart, wideCart, reordered) is var result and not RangeParse.Done)
            {
                Interlocked.CompareExchange(ref outcome, (int)result, (int)RangeParse.Done);
            }
        });
        return (RangeParse)outcome;
    }

    /// <summary>Parses the rows of <c>[start, end)</c> into their slice of the columns with <see cref="LineRowParser"/>.</summary>
    private static RangeParse TryParseRange(SafeFileHandle handle, long start, long end, bool first, int offset, int expectedRows, int[] orderId, int[] productId, byte[]? narrowCart, int[]? wideCart, byte[] reordered)
    {
        var parser = new LineRowParser
        {
            OrderId = orderId,
            ProductId = productId,
            NarrowCart = narrowCart,
            WideCart = wideCart,
            Reordered = reordered,
            Row = offset,
            Limit = offset + expectedRows,
        };
        return PlainRowReader.Read(handle, start, end, first ? Header : null, ref parser) switch
        {
            PlainRows.Done when parser.Row == parser.Limit => RangeParse.Done,
            PlainRows.TooWide => RangeParse.WideCart,
            _ => RangeParse.Failed,
        };
    }

    /// <summary>
    /// The file split at line starts into about <paramref name="ranges"/> ranges and the line breaks in each, read
    /// from the file; null when a range holds something no data row has, or has more line breaks than rows fit.
    /// </summary>
    private static (long[] Bounds, long[] Breaks)? CountRanges(SafeFileHandle handle, long length, int ranges, Parallelism parallelism)
    {
        var bounds = new List<long> { 0 };
        for (var k = 1; k < ranges; k++)
        {
            var next = NextLineStart(handle, length * k / ranges, length);
            if (next < 0)
            {
                // No line break within a record's limit: the plain path reports the line.
                return null;
            }

            if (next > bounds[^1] && next < length)
            {
                bounds.Add(next);
            }
        }

        bounds.Add(length);
        var count = bounds.Count - 1;
        if (count < 2)
        {
            return null;
        }

        // Rows per range: its line breaks; -1 for a range that is not all data bytes or has too many.
        var rows = new long[count];
        parallelism.For(count, r => rows[r] = CountRows(handle, bounds[r], bounds[r + 1], r == 0));
        return rows.Contains(-1) ? null : ([.. bounds], rows);
    }

    /// <summary>More line breaks than this in a range of <paramref name="bytes"/> cannot all end rows of at least <see cref="MinRowBytes"/> bytes.</summary>
    private static long TooManyBreaks(long bytes) => (bytes / MinRowBytes) + 1;

    /// <summary>The offset after the first line break at or after <paramref name="from"/>, <paramref name="length"/> when there is none, or -1 when there is none within a record's limit.</summary>
    private static long NextLineStart(SafeFileHandle handle, long from, long length)
    {
        var buffer = new byte[1 << 16];
        var limit = from + StrictCsvReader.MaxRecordBytes + 2;
        while (from < length)
        {
            if (from >= limit)
            {
                return -1;
            }

            var read = RandomAccess.Read(handle, buffer, from);
            if (read <= 0)
            {
                break;
            }

            var at = buffer.AsSpan(0, read).IndexOf((byte)'\n');
            if (at >= 0)
            {
                return from + at + 1;
            }

            from += read;
        }

        return length;
    }

    /// <summary>The line breaks in <c>[start, end)</c>, or -1 when a byte (after the header line of the first range) is not a data row's, or there are too many for the range's length.</summary>
    private static long CountRows(SafeFileHandle handle, long start, long end, bool first)
    {
        var buffer = new byte[1 << 20];
        var length = end - start;
        long count = 0;
        while (start < end)
        {
            var read = RandomAccess.Read(handle, buffer.AsSpan(0, (int)Math.Min(buffer.Length, end - start)), start);
            if (read <= 0)
            {
                break;
            }

            var span = buffer.AsSpan(0, read);
            if (first)
            {
                // The header line is text; the rows start after its line break (within the first buffer, or it is too long).
                var header = span.IndexOf((byte)'\n');
                if (header < 0)
                {
                    return -1;
                }

                count++;
                span = span[(header + 1)..];
                first = false;
            }

            if (span.ContainsAnyExcept(RowBytes))
            {
                return -1;
            }

            count += span.Count((byte)'\n');
            start += read;
        }

        return count > TooManyBreaks(length) ? -1 : count;
    }
}
