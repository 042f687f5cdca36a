namespace Instacart.Data.Input;

/// <summary>
/// The range parser's reader of order-lines rows in their one plain form, <c>digits,digits,digits,digits</c> and a line
/// break (<c>\n</c> or <c>\r\n</c>), into the range's slice of the columns. It accepts a subset of what the strict
/// CsvHelper reader accepts, with the same values; anything else (a quote, a sign, a space, an empty or blank line, a
/// field of more than ten digits, a value over <see cref="int.MaxValue"/>) stops it, and the loader's plain path reads
/// the file for the exact error.
/// </summary>
/// <remarks>
/// Written here rather than taken from a library: CsvHelper's general tokenizer spent about 75 cycles on one of these
/// 19-byte rows, most of the parse of the 613 MB file; this grammar of four unsigned numbers (<see cref="PlainFields"/>)
/// needs a fraction of that (benchmarks/RESULTS.md §0h). The equivalence tests check its rows against CsvHelper's.
/// </remarks>
internal struct LineRowParser : IPlainRowParser
{
    /// <summary>The <c>order_id</c> column.</summary>
    public int[] OrderId;

    /// <summary>The <c>product_id</c> column.</summary>
    public int[] ProductId;

    /// <summary>The cart positions one byte each, or null when <see cref="WideCart"/> takes them.</summary>
    public byte[]? NarrowCart;

    /// <summary>The cart positions as ints, when <see cref="NarrowCart"/> is null.</summary>
    public int[]? WideCart;

    /// <summary>The <c>reordered</c> column.</summary>
    public byte[] Reordered;

    /// <summary>Where the next row goes.</summary>
    public int Row;

    /// <summary>Where the range's rows end: a row here is one too many.</summary>
    public int Limit;

    /// <inheritdoc/>
    public PlainRows Read(byte[] buffer, int length)
    {
        var at = 0;
        while (at < length)
        {
            if (Row >= Limit
                || !PlainFields.Number(buffer, ref at, out var order) || buffer[at++] != (byte)','
                || !PlainFields.Number(buffer, ref at, out var product) || buffer[at++] != (byte)','
                || !PlainFields.Number(buffer, ref at, out var cart) || buffer[at++] != (byte)',' || cart < 1
                || !PlainFields.Number(buffer, ref at, out var again) || again > 1
                || !PlainFields.LineEnd(buffer, ref at))
            {
                return PlainRows.NotPlain;
            }

            var row = Row;
            OrderId[row] = order;
            ProductId[row] = product;
            if (NarrowCart is { } narrow)
            {
                if (cart > byte.MaxValue)
                {
                    return PlainRows.TooWide;
                }

                narrow[row] = (byte)cart;
            }
            else
            {
                WideCart![row] = cart;
            }

            Reordered[row] = (byte)again;
            Row = row + 1;
        }

        return PlainRows.Done;
    }
}
