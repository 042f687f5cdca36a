namespace Instacart.Analysis.Answers;

/// <summary>Reading and writing the small pieces of the partial answers' binary form, every read checked.</summary>
internal static class PartialFormat
{
    /// <summary>
    /// A count written with 7-bit encoding, between 0 and <paramref name="max"/>, and no more than the bytes left (each
    /// item counted takes at least one): damaged bytes never make a reader allocate more than they could hold.
    /// </summary>
    public static int Count(BinaryReader reader, int max)
    {
        var count = reader.Read7BitEncodedInt();
        var left = reader.BaseStream.Length - reader.BaseStream.Position;
        return count < 0 || count > max || count > left ? throw new InvalidDataException($"A count ({count}) is out of range.") : count;
    }

    /// <summary>A non-negative long written with 7-bit encoding.</summary>
    public static long NonNegative(BinaryReader reader)
    {
        var value = reader.Read7BitEncodedInt64();
        return value < 0 ? throw new InvalidDataException("A count is negative.") : value;
    }

    /// <summary>Writes an exact sum as two 64-bit halves.</summary>
    public static void WriteInt128(BinaryWriter writer, Int128 value)
    {
        writer.Write((ulong)(value >> 64));
        writer.Write((ulong)value);
    }

    /// <summary>Reads what <see cref="WriteInt128"/> wrote.</summary>
    public static Int128 ReadInt128(BinaryReader reader)
    {
        var upper = reader.ReadUInt64();
        var lower = reader.ReadUInt64();
        return new Int128(upper, lower);
    }

    /// <summary>Writes a bit set with its length.</summary>
    public static void WriteBits(BinaryWriter writer, ulong[] bits)
    {
        writer.Write7BitEncodedInt(bits.Length);
        foreach (var word in bits)
        {
            writer.Write(word);
        }
    }

    /// <summary>Reads what <see cref="WriteBits"/> wrote.</summary>
    public static ulong[] ReadBits(BinaryReader reader)
    {
        var bits = new ulong[Count(reader, 1 << 26)];
        for (var w = 0; w < bits.Length; w++)
        {
            bits[w] = reader.ReadUInt64();
        }

        return bits;
    }

    /// <summary>Writes longs with 7-bit encoding, with their count.</summary>
    public static void WriteCounts(BinaryWriter writer, long[] values)
    {
        writer.Write7BitEncodedInt(values.Length);
        foreach (var value in values)
        {
            writer.Write7BitEncodedInt64(value);
        }
    }

    /// <summary>Reads what <see cref="WriteCounts"/> wrote.</summary>
    public static long[] ReadCounts(BinaryReader reader)
    {
        var values = new long[Count(reader, 1 << 26)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = NonNegative(reader);
        }

        return values;
    }

    /// <summary>The element-wise sum of two count arrays of one length.</summary>
    public static long[] Add(long[] a, long[] b)
    {
        if (a.Length != b.Length)
        {
            throw new InvalidDataException("The partial answers count different groups and cannot be merged.");
        }

        var sum = new long[a.Length];
        for (var i = 0; i < a.Length; i++)
        {
            sum[i] = a[i] + b[i];
        }

        return sum;
    }

    /// <summary>The union of two bit sets of one length.</summary>
    public static ulong[] Or(ulong[] a, ulong[] b)
    {
        if (a.Length != b.Length)
        {
            throw new InvalidDataException("The partial answers hold different catalogs and cannot be merged.");
        }

        var union = new ulong[a.Length];
        for (var i = 0; i < a.Length; i++)
        {
            union[i] = a[i] | b[i];
        }

        return union;
    }
}
