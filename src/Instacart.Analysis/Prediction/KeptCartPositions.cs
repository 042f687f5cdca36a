using System.Buffers.Binary;
using Instacart.Analysis.Sessions;
using Instacart.Data;

namespace Instacart.Analysis.Prediction;

/// <summary>
/// The add-to-cart position of every merged line, kept in the load's cache entry (<see cref="InstacartData.KeepResult"/>)
/// so that a cached load need not parse the prior lines' CSV again for them: 1, 2 or 4 bytes a line (the narrowest
/// that holds the largest), after a width byte and the line count. Read back only by this build, for an entry of the
/// same exact input bytes, and only when the count is the merged lines'.
/// </summary>
internal static class KeptCartPositions
{
    /// <summary>The name they are kept under (this build's; the merged lines' order is the merge code's).</summary>
    public static readonly string Name = KeptName.Of("cart-positions", "add_to_cart_order per merged line, 1/2/4 bytes");

    /// <summary>The positions kept for <paramref name="data"/>'s merged lines, or null (none, damaged, another count).</summary>
    public static CartColumn? Read(InstacartData data) =>
        data.ReadKept(Name) is { } bytes ? Decode(bytes, data.Lines.Count) : null;

    /// <summary>Queues <paramref name="positions"/> to be kept in <paramref name="data"/>'s cache entry (nothing without one).</summary>
    public static void Keep(InstacartData data, int[] positions) => data.KeepResult(Name, () => Encode(positions));

    /// <summary>The bytes of <paramref name="positions"/> (all non-negative).</summary>
    internal static byte[] Encode(int[] positions)
    {
        var max = 0;
        foreach (var p in positions)
        {
            max = p < 0 ? throw new ArgumentException("A cart position is negative.", nameof(positions)) : Math.Max(max, p);
        }

        var width = max <= byte.MaxValue ? 1 : max <= ushort.MaxValue ? 2 : 4;
        var bytes = new byte[CartColumn.HeaderBytes + ((long)positions.Length * width)];
        bytes[0] = (byte)width;
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(1), positions.Length);
        var body = bytes.AsSpan(CartColumn.HeaderBytes);
        for (var i = 0; i < positions.Length; i++)
        {
            switch (width)
            {
                case 1:
                    body[i] = (byte)positions[i];
                    break;
                case 2:
                    BinaryPrimitives.WriteUInt16LittleEndian(body[(i * 2)..], (ushort)positions[i]);
                    break;
                default:
                    BinaryPrimitives.WriteInt32LittleEndian(body[(i * 4)..], positions[i]);
                    break;
            }
        }

        return bytes;
    }

    /// <summary>
    /// The positions in <paramref name="bytes"/> (one or two bytes a line read in place, four decoded), or null when they
    /// are not <paramref name="count"/> positions of this form.
    /// </summary>
    internal static CartColumn? Decode(byte[] bytes, int count)
    {
        if (bytes.Length < CartColumn.HeaderBytes || bytes[0] is not (1 or 2 or 4) || BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(1)) != count
            || bytes.Length != CartColumn.HeaderBytes + ((long)count * bytes[0]))
        {
            return null;
        }

        if (bytes[0] is 1 or 2)
        {
            return CartColumn.InPlace(bytes, bytes[0], count);
        }

        var body = bytes.AsSpan(CartColumn.HeaderBytes);
        var positions = new int[count];
        for (var i = 0; i < count; i++)
        {
            positions[i] = BinaryPrimitives.ReadInt32LittleEndian(body[(i * 4)..]);
            if (positions[i] < 0)
            {
                return null;
            }
        }

        return CartColumn.Of(positions);
    }
}
