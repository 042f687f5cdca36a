using System.Text;
using Instacart.Data.Input;
using nietras.SeparatedValues;

namespace Instacart.Benchmarks;

/// <summary>
/// The order-lines file read with Sep 0.18.0 under the loader's checks, for the parser benchmark only (issue 18:
/// measure before choosing). Header checked against the schema; every row must have four fields; every field is
/// plain digits (no sign, space, decimal point or NUL; at most <see cref="int.MaxValue"/>), the cart position at
/// least 1 and the reordered flag 0 or 1. A bad row is an <see cref="InputException"/> naming the file, the line
/// (Sep's <c>Row.LineNumberFrom</c>) and the column, with the loader's wording, so the messages can be compared.
/// </summary>
/// <remarks>
/// What Sep does not give that the loader has: a limit on a record's length (an unclosed quote makes Sep buffer the
/// rest of the file), a check that the file is text before parsing, and line breaks counted by LF only (Sep also
/// ends a line at a lone CR). Quoted numbers are read as the loader reads them (<c>Unescape</c>).
/// </remarks>
internal static class SepLines
{
    private static readonly string[] Header = ["order_id", "product_id", "add_to_cart_order", "reordered"];

    private static SepReader Open(string path)
    {
        var reader = Sep.New(',').Reader(o => o with { HasHeader = true, DisableColCountCheck = true, Unescape = true }).FromFile(path);
        if (!reader.Header.ColNames.SequenceEqual(Header))
        {
            reader.Dispose();
            throw new InputException(Path.GetFileName(path), 1, 0, null, $"the header row {string.Join(',', Header)}", "another header");
        }

        return reader;
    }

    /// <summary>One thread: <c>foreach</c> over the reader, each row parsed and checked into exact-size columns (rows counted first, as the loader does).</summary>
    public static LineColumns Read(string path)
    {
        var file = Path.GetFileName(path);
        using var reader = Open(path);
        var columns = new Columns(path);
        foreach (var row in reader)
        {
            var line = Parse(row, file);
            if (line.Error is { } error)
            {
                throw error;
            }

            columns.Add(line.OrderId, line.ProductId, line.CartOrder, line.Reordered);
        }

        return columns.ToColumns();
    }

    /// <summary>
    /// Sep's <c>ParallelEnumerate</c> on <paramref name="degree"/> threads: one thread splits the text into rows, the
    /// workers parse batches of rows; results come back in input order. The workers return plain values (a bad row is
    /// a flag, no exception and no reference in the value); at the first flagged row the file is read again on one
    /// thread, which throws the first bad line's error (the loader's way: its fast path gives up, its plain path reports).
    /// </summary>
    public static LineColumns ReadParallel(string path, int degree)
    {
        var columns = new Columns(path);
        var bad = false;
        using (var reader = Open(path))
        {
            foreach (var line in reader.ParallelEnumerate(row => TryParse(row), degree))
            {
                if (!line.Ok)
                {
                    bad = true;
                    break;
                }

                columns.Add(line.OrderId, line.ProductId, line.CartOrder, line.Reordered);
            }
        }

        if (bad)
        {
            Read(path);
            throw new InvalidOperationException($"{Path.GetFileName(path)}: the parallel read flagged a row the sequential read accepts");
        }

        return columns.ToColumns();
    }

    private static Values TryParse(SepReader.Row row) =>
        row.ColCount == Header.Length
        && TryParseInt(row[0].Span, out var order)
        && TryParseInt(row[1].Span, out var product)
        && TryParseInt(row[2].Span, out var cart) && cart >= 1
        && TryParseInt(row[3].Span, out var again) && again <= 1
            ? new Values(order, product, cart, (byte)again, true)
            : default;

    private static Line Parse(SepReader.Row row, string file)
    {
        if (row.ColCount != Header.Length)
        {
            var found = row.ColCount == 1 && row.Span.IsEmpty ? "a blank line" : $"{row.ColCount} fields";
            return new Line(0, 0, 0, 0, new InputException(file, row.LineNumberFrom, 0, null, $"{Header.Length} comma-separated fields", found));
        }

        if (!TryParseInt(row[0].Span, out var order))
        {
            return new Line(0, 0, 0, 0, Error(row, file, 0, "an integer ≥ 0"));
        }

        if (!TryParseInt(row[1].Span, out var product))
        {
            return new Line(0, 0, 0, 0, Error(row, file, 1, "an integer ≥ 0"));
        }

        if (!TryParseInt(row[2].Span, out var cart) || cart < 1)
        {
            return new Line(0, 0, 0, 0, Error(row, file, 2, "an integer ≥ 1"));
        }

        if (!TryParseInt(row[3].Span, out var again) || again > 1)
        {
            return new Line(0, 0, 0, 0, Error(row, file, 3, "an integer from 0 to 1"));
        }

        return new Line(order, product, cart, (byte)again, null);
    }

    private static InputException Error(SepReader.Row row, string file, int column, string expected) =>
        new(file, row.LineNumberFrom, column + 1, Header[column], expected, StrictCsvReader.Quote(Encoding.UTF8.GetBytes(row[column].Span.ToArray())));

    /// <summary>The loader's integer rule (<c>StrictCsvReader.TryParseInt</c>) on UTF-16: plain digits, at most <see cref="int.MaxValue"/>.</summary>
    private static bool TryParseInt(ReadOnlySpan<char> span, out int value)
    {
        value = 0;
        if (span.IsEmpty || span.Length > 10)
        {
            return false;
        }

        long acc = 0;
        foreach (var c in span)
        {
            var digit = c - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            acc = (acc * 10) + digit;
        }

        if (acc > int.MaxValue)
        {
            return false;
        }

        value = (int)acc;
        return true;
    }

    /// <summary>
    /// Columns sized as the loader's range parser sizes them: the file's line breaks are counted first (one pass over
    /// the bytes), so a valid file fills exact-size arrays with no trimming copy; a file Sep splits into more rows
    /// (a lone CR) grows them, one with fewer is trimmed.
    /// </summary>
    private sealed class Columns
    {
        private int[] orderId;
        private int[] productId;
        private int[] cartOrder;
        private byte[] reordered;
        private int count;

        public Columns(string path)
        {
            var rows = CountRows(path);
            orderId = new int[rows];
            productId = new int[rows];
            cartOrder = new int[rows];
            reordered = new byte[rows];
        }

        public void Add(int order, int product, int cart, byte again)
        {
            if (count == orderId.Length)
            {
                Resize(Math.Max(16, count * 2));
            }

            orderId[count] = order;
            productId[count] = product;
            cartOrder[count] = cart;
            reordered[count] = again;
            count++;
        }

        public LineColumns ToColumns()
        {
            if (count != orderId.Length)
            {
                Resize(count);
            }

            return new LineColumns(orderId, productId, cartOrder, reordered);
        }

        private void Resize(int length)
        {
            Array.Resize(ref orderId, length);
            Array.Resize(ref productId, length);
            Array.Resize(ref cartOrder, length);
            Array.Resize(ref reordered, length);
        }

        /// <summary>Data rows by line breaks: LF count, less the header, plus a last line without LF.</summary>
        private static int CountRows(string path)
        {
            using var handle = File.OpenHandle(path);
            var buffer = new byte[1 << 20];
            long offset = 0;
            long breaks = 0;
            var last = (byte)'\n';
            int read;
            while ((read = RandomAccess.Read(handle, buffer, offset)) > 0)
            {
                breaks += buffer.AsSpan(0, read).Count((byte)'\n');
                last = buffer[read - 1];
                offset += read;
            }

            var rows = breaks - 1 + (offset > 0 && last != (byte)'\n' ? 1 : 0);
            return (int)Math.Clamp(rows, 0, Array.MaxLength);
        }
    }

    private readonly record struct Line(int OrderId, int ProductId, int CartOrder, byte Reordered, InputException? Error);

    private readonly record struct Values(int OrderId, int ProductId, int CartOrder, byte Reordered, bool Ok);
}

/// <summary>Four columns of the order-lines file as a candidate parser gives them (exact length).</summary>
internal sealed record LineColumns(int[] OrderId, int[] ProductId, int[] CartOrder, byte[] Reordered)
{
    public int Count => OrderId.Length;
}
