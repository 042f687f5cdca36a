using System.Buffers.Binary;

namespace Instacart.Analysis.Prediction;

/// <summary>
/// The add-to-cart position of every merged line, as the reorder model reads it: the kept bytes themselves when they
/// hold one or two bytes a line (no 4-byte copy of 32M positions beside the model's own tables), else plain integers.
/// </summary>
internal readonly struct CartColumn
{
    /// <summary>Where the positions start in kept bytes: after the width byte and the line count.</summary>
    public const int HeaderBytes = 5;

    private readonly byte[]? narrow;
    private readonly int width;
    private readonly int[]? wide;

    private CartColumn(byte[]? narrow, int width, int[]? wide, int count)
    {
        this.narrow = narrow;
        this.width = width;
        this.wide = wide;
        Count = count;
    }

    /// <summary>Lines.</summary>
    public int Count { get; }

    /// <summary>The position of merged line <paramref name="line"/>.</summary>
    public int this[int line] =>
        wide is not null ? wide[line]
        : width == 1 ? narrow![HeaderBytes + line]
        : BinaryPrimitives.ReadUInt16LittleEndian(narrow.AsSpan(HeaderBytes + (2 * line)));

    /// <summary>Positions held as integers.</summary>
    public static CartColumn Of(int[] positions) => new(null, 4, positions, positions.Length);

    /// <summary>Kept bytes of <paramref name="width"/> 1 or 2 (checked by the caller: header and length), read in place.</summary>
    public static CartColumn InPlace(byte[] bytes, int width, int count) =>
        width is 1 or 2 ? new(bytes, width, null, count) : throw new ArgumentOutOfRangeException(nameof(width));

    /// <summary>Every position as an integer array.</summary>
    public int[] ToArray()
    {
        if (wide is not null)
        {
            return wide;
        }

        var positions = new int[Count];
        for (var i = 0; i < positions.Length; i++)
        {
            positions[i] = this[i];
        }

        return positions;
    }
}
