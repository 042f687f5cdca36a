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

    /// <summary>One thread: <c>foreach</c> over the reader, each row parsed and checked into growing columns trimmed at the end.</summary>
    public static LineColumns Read(string path)
    {
        var file = Path.GetFileName(path);
        using var reader = Open(path);
        var capacity = (int)Math.Min(Array.MaxLength, new FileInfo(path).Length / 16);
        var orderId = new List<int>(capacity);
        var productId = new List<int>(capacity);
        var cartOrder = new List<int>(capacity);
        var reordered = new List<byte>(capacity);
        foreach (var row in reader)
        {
            var line = Parse(row, file);
            if (line.Error is { } error)
            {
                throw error;
            }

            orderId.Add(line.OrderId);
            productId.Add(line.ProductId);
            cartOrder.Add(line.CartOrder);
            reordered.Add(line.Reordered);
        }

        return new LineColumns(orderId.ToArray(), productId.ToArray(), cartOrder.ToArray(), reordered.ToArray());
    }

    /// <summary>
    /// Sep's <c>ParallelEnumerate</c> on <paramref name="degree"/> threads: one thread splits the text into rows, the
    /// workers parse batches of rows; results come back in input order. The workers return plain values (a bad row is
    /// a flag, no exception and no reference in the value); at the first flagged row the file is read again on one
    /// thread, which throws the first bad line's error (the loader's way: its fast path gives up, its plain path reports).
    /// </summary>
    public static LineColumns ReadParallel(string path, int degree)
    {
        var capacity = (int)Math.Min(Array.MaxLength, new FileInfo(path).Length / 16);
        var orderId = new List<int>(capacity);
        var productId = new List<int>(capacity);
        var cartOrder = new List<int>(capacity);
        var reordered = new List<byte>(capacity);
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

                orderId.Add(line.OrderId);
                productId.Add(line.ProductId);
                cartOrder.Add(line.CartOrder);
                reordered.Add(line.Reordered);
            }
        }

        if (bad)
        {
            Read(path);
            throw new InvalidOperationException($"{Path.GetFileName(path)}: the parallel read flagged a row the sequential read accepts");
        }

        return new LineColumns(orderId.ToArray(), productId.ToArray(), cartOrder.ToArray(), reordered.ToArray());
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

    private readonly record struct Line(int OrderId, int ProductId, int CartOrder, byte Reordered, InputException? Error);

    private readonly record struct Values(int OrderId, int ProductId, int CartOrder, byte Reordered, bool Ok);
}

/// <summary>Four columns of the order-lines file as a candidate parser gives them (exact length).</summary>
internal sealed record LineColumns(int[] OrderId, int[] ProductId, int[] CartOrder, byte[] Reordered)
{
    public int Count => OrderId.Length;
}
