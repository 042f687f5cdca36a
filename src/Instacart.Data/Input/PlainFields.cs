using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Instacart.Data.Input;

/// <summary>
/// The fields of a plain row, read from a buffer of whole lines by the fast row readers (<see cref="LineRowParser"/>,
/// <see cref="OrderRowParser"/>): each returns false on anything the strict reader might read otherwise, and the
/// loader's plain path then reads the file. Every read may look up to <see cref="PlainRowReader.Slack"/> bytes ahead,
/// never past the line break that ends the field's line.
/// </summary>
internal static class PlainFields
{
    private const ulong Zeros = 0x3030303030303030;
    private const ulong HighNibbles = 0xF0F0F0F0F0F0F0F0;

    /// <summary>Powers of ten a double holds exactly (a decimal of up to 15 digits divided by one is correctly rounded).</summary>
    private static readonly double[] PowersOfTen = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    /// <summary>
    /// The unsigned number at <paramref name="at"/>, left at the byte after its digits: 1 to 10 digits, at most
    /// <see cref="int.MaxValue"/>, as <see cref="StrictCsvReader.TryParseInt"/> takes them.
    /// </summary>
    /// <remarks>
    /// Eight bytes are loaded at once: a byte is a digit when its high nibble is 3 and adding 6 keeps it so, and the
    /// lowest other byte ends the number (a carry out of a byte of 0xFA or more reaches only bytes after it). The
    /// digits are moved to the top of the word, zeros before them, and summed in pairs, fours and eights (the SWAR
    /// digit sum of simdjson and fast_float).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Number(byte[] buffer, ref int at, out int value)
    {
        var word = BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(at, sizeof(ulong)));
        var other = ((word & HighNibbles) ^ Zeros) | (((word + 0x0606060606060606) & HighNibbles) ^ Zeros);
        var digits = BitOperations.TrailingZeroCount(other) >> 3;
        if (digits is 0 or 8)
        {
            return digits == 8 ? LongNumber(buffer, ref at, out value) : Fail(out value);
        }

        var v = (word - Zeros) << ((8 - digits) * 8);
        v = (v * 10) + (v >> 8);
        v = (((v & 0x000000FF000000FF) * 0x000F424000000064) + (((v >> 16) & 0x000000FF000000FF) * 0x0000271000000001)) >> 32;
        value = (int)v;
        at += digits;
        return true;
    }

    /// <summary>
    /// The optional plain decimal at <paramref name="at"/> (<c>15</c>, <c>15.0</c>; NaN when the field is empty, that is
    /// when a line break follows at once), of at most 15 digits and at most <paramref name="max"/>: the value
    /// <c>Utf8Parser</c> gives, correctly rounded, as the strict reader's <c>OptionalDecimal</c> reads it.
    /// </summary>
    public static bool OptionalDecimal(byte[] buffer, ref int at, double max, out double value)
    {
        value = double.NaN;
        if (buffer[at] is (byte)'\n' or (byte)'\r')
        {
            return true;
        }

        var start = at;
        if (!Number(buffer, ref at, out var whole))
        {
            return false;
        }

        if (buffer[at] != (byte)'.')
        {
            value = whole;
            return value <= max;
        }

        // "5." is left to the strict reader, and so is a number of more than 15 digits.
        var digits = at - start;
        var fraction = ++at;
        if (!Number(buffer, ref at, out var part) || digits + (at - fraction) > 15)
        {
            return false;
        }

        // The mantissa and the power of ten are both exact in a double: their quotient is the correctly rounded value.
        var scale = PowersOfTen[at - fraction];
        value = ((long)whole * (long)scale + part) / scale;
        return value <= max;
    }

    /// <summary>Moves past a line break (<c>\n</c> or <c>\r\n</c>) at <paramref name="at"/>; false for anything else.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool LineEnd(byte[] buffer, ref int at)
    {
        var end = buffer[at];
        if (end == (byte)'\n')
        {
            at++;
            return true;
        }

        if (end == (byte)'\r' && buffer[at + 1] == (byte)'\n')
        {
            at += 2;
            return true;
        }

        return false;
    }

    /// <summary>A number of eight digits or more, a digit at a time.</summary>
    private static bool LongNumber(byte[] buffer, ref int at, out int value)
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
