using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Instacart.Data.Input;

/// <summary>
/// The range parser's reader of order-lines rows in their one plain form, <c>digits,digits,digits,digits</c> and a line
/// break (<c>\n</c> or <c>\r\n</c>): each field read eight bytes at a time, its digits found and converted without a
/// branch per byte. It accepts a subset of what the strict CsvHelper reader accepts, with the same values; anything
/// else (a quote, a sign, a space, an empty or blank line, a field of more than ten digits, a value over
/// <see cref="int.MaxValue"/>) stops it, and the loader's plain path reads the file for the exact error.
/// </summary>
/// <remarks>
/// Written here rather than taken from a library: CsvHelper's general tokenizer spends about 75 cycles on one of
/// these 19-byte rows, most of the parse of the 613 MB file; this grammar of four unsigned numbers needs a fraction
/// of that (benchmarks/RESULTS.md §0h). The rows are checked against CsvHelper's plain path in the equivalence tests.
/// </remarks>
internal static class LineRowParser
{
    /// <summary>Bytes that must follow the last line in the buffer, readable but not read as data (a field is loaded eight bytes at a time).</summary>
    public const int Slack = sizeof(ulong);

    private const ulong Zeros = 0x3030303030303030;
    private const ulong HighNibbles = 0xF0F0F0F0F0F0F0F0;

    /// <summary>The columns a range's rows go into, and where the next row goes.</summary>
    public ref struct Target
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
    }

    /// <summary>How reading stopped.</summary>
    public enum Outcome
    {
        /// <summary>Every line was a plain row.</summary>
        Done,

        /// <summary>A line that is not a plain row, or more rows than the range has: the plain path reads the file.</summary>
        NotPlain,

        /// <summary>A cart position over 255 with byte-wide carts: the range is read again with ints.</summary>
        WideCart,
    }

    /// <summary>
    /// Reads every line of <paramref name="buffer"/>[0, <paramref name="length"/>) into <paramref name="into"/>; the
    /// last byte there must be a line break, and <see cref="Slack"/> more bytes must follow in the buffer.
    /// </summary>
    public static Outcome Read(byte[] buffer, int length, ref Target into)
    {
        if (length == 0)
        {
            return Outcome.Done;
        }

        if (length + Slack > buffer.Length || buffer[length - 1] != (byte)'\n')
        {
            throw new ArgumentException("The lines must end in a line break, with slack after them.", nameof(length));
        }

        var at = 0;
        while (at < length)
        {
            if (into.Row >= into.Limit
                || !Field(buffer, ref at, out var order) || buffer[at++] != (byte)','
                || !Field(buffer, ref at, out var product) || buffer[at++] != (byte)','
                || !Field(buffer, ref at, out var cart) || buffer[at++] != (byte)',' || cart < 1
                || !Field(buffer, ref at, out var again) || again > 1)
            {
                return Outcome.NotPlain;
            }

            var end = buffer[at];
            if (end == (byte)'\n')
            {
                at++;
            }
            else if (end == (byte)'\r' && buffer[at + 1] == (byte)'\n')
            {
                at += 2;
            }
            else
            {
                return Outcome.NotPlain;
            }

            var row = into.Row;
            into.OrderId[row] = order;
            into.ProductId[row] = product;
            if (into.NarrowCart is { } narrow)
            {
                if (cart > byte.MaxValue)
                {
                    return Outcome.WideCart;
                }

                narrow[row] = (byte)cart;
            }
            else
            {
                into.WideCart![row] = cart;
            }

            into.Reordered[row] = (byte)again;
            into.Row = row + 1;
        }

        return Outcome.Done;
    }

    /// <summary>
    /// The unsigned number at <paramref name="at"/>, left at the byte after its digits: 1 to 10 digits, at most
    /// <see cref="int.MaxValue"/>, as <see cref="StrictCsvReader.TryParseInt"/> takes them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Field(byte[] buffer, ref int at, out int value)
    {
        var word = BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(at, sizeof(ulong)));

        // A byte is a digit when its high nibble is 3 and adding 6 keeps it so; the lowest other byte ends the field.
        // (A carry out of a byte of 0xFA or more reaches only bytes after it, past the field's end.)
        var other = ((word & HighNibbles) ^ Zeros) | (((word + 0x0606060606060606) & HighNibbles) ^ Zeros);
        var digits = BitOperations.TrailingZeroCount(other) >> 3;
        if (digits is 0 or 8)
        {
            return digits == 8 ? LongField(buffer, ref at, out value) : Fail(out value);
        }

        // The digits moved to the top of the word, zeros before them, then summed in pairs, fours and eights.
        var v = (word - Zeros) << ((8 - digits) * 8);
        v = (v * 10) + (v >> 8);
        v = (((v & 0x000000FF000000FF) * 0x000F424000000064) + (((v >> 16) & 0x000000FF000000FF) * 0x0000271000000001)) >> 32;
        value = (int)v;
        at += digits;
        return true;
    }

    /// <summary>A number of eight digits or more, a digit at a time.</summary>
    private static bool LongField(byte[] buffer, ref int at, out int value)
    {
        long sum = 0;
        var start = at;
        while ((uint)(buffer[at] - (byte)'0') <= 9)
        {
            if (at - start == 10)
            {
                return Fail(out value);
            }

            sum = (sum * 10) + (buffer[at] - (byte)'0');
            at++;
        }

        if (sum > int.MaxValue)
        {
            return Fail(out value);
        }

        value = (int)sum;
        return true;
    }

    private static bool Fail(out int value)
    {
        value = 0;
        return false;
    }
}
