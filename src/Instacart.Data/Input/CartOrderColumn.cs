namespace Instacart.Data.Input;

/// <summary>
/// The <c>add_to_cart_order</c> column of an order-lines file: one byte a line when every position is below 256 (real
/// carts stop at 145), else an int a line. The prior lines' positions are read only by the pair check and the reorder
/// model, so at full scale the narrow column saves about 100 MB of the load's memory (benchmarks/RESULTS.md).
/// </summary>
internal sealed class CartOrderColumn
{
    private readonly byte[]? narrow;
    private int[]? wide;

    /// <summary>Positions that all fit in a byte.</summary>
    public CartOrderColumn(byte[] positions) => narrow = positions;

    /// <summary>Positions of any size.</summary>
    public CartOrderColumn(int[] positions) => wide = positions;

    /// <summary>Number of lines.</summary>
    public int Length => narrow?.Length ?? wide!.Length;

    /// <summary>The position of line <paramref name="row"/>.</summary>
    public int this[int row]
    {
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        get => narrow is { } bytes ? bytes[row] : wide![row];
    }

    /// <summary>The positions one byte each, or null when some position needs more.</summary>
    public byte[]? Narrow => narrow;

    /// <summary>The positions as ints: the column itself, or (once, then kept) a widened copy of the bytes.</summary>
    public int[] Wide
    {
        get
        {
            if (wide is { } ints)
            {
                return ints;
            }

            var widened = new int[narrow!.Length];
            for (var i = 0; i < widened.Length; i++)
            {
                widened[i] = narrow[i];
            }

            return Interlocked.CompareExchange(ref wide, widened, null) ?? widened;
        }
    }

    /// <summary>The positions of the lines whose <paramref name="keep"/> flag is set (<paramref name="count"/> of them), as narrow as these.</summary>
    public CartOrderColumn Where(bool[] keep, int count)
    {
        if (narrow is { } bytes)
        {
            var kept = new byte[count];
            for (int i = 0, k = 0; i < bytes.Length; i++)
            {
                if (keep[i])
                {
                    kept[k++] = bytes[i];
                }
            }

            return new CartOrderColumn(kept);
        }

        var ints = new int[count];
        for (int i = 0, k = 0; i < wide!.Length; i++)
        {
            if (keep[i])
            {
                ints[k++] = wide[i];
            }
        }

        return new CartOrderColumn(ints);
    }
}
