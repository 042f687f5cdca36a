namespace Instacart.Data.Input;

/// <summary>
/// What the pair check's grouping of lines by order keeps of each line (<see cref="OrderLinesTable.TakeByOrder"/>):
/// its <c>product_id</c>, <c>add_to_cart_order</c> and <c>reordered</c> flag in one int, so that one counting sort
/// places one array that both the check and the merge read. Real values fit with room to spare (products below
/// 50,000, carts below 150); lines whose values do not fit are checked by their row numbers instead.
/// </summary>
internal static class GroupedLineValue
{
    /// <summary>Bits that hold the cart position.</summary>
    private const int CartBits = 10;

    /// <summary>Where the product id starts: above the cart position and the reordered flag.</summary>
    private const int ProductShift = CartBits + 1;

    /// <summary>Whether a line's values fit in one int (a missing <paramref name="reordered"/> counts as 0).</summary>
    public static bool Fits(int productId, int cart, byte reordered) =>
        (uint)productId < 1u << (32 - ProductShift) && (uint)cart < 1u << CartBits && reordered <= 1;

    /// <summary>The packed value of a line whose values <see cref="Fits"/>.</summary>
    public static int Of(int productId, int cart, byte reordered) => (productId << ProductShift) | (cart << 1) | reordered;

    /// <summary>The line's <c>product_id</c>.</summary>
    public static int ProductId(int value) => value >>> ProductShift;

    /// <summary>The line's <c>add_to_cart_order</c>.</summary>
    public static int Cart(int value) => (value >>> 1) & ((1 << CartBits) - 1);

    /// <summary>The line's <c>reordered</c> flag (0 when the file has none).</summary>
    public static byte Reordered(int value) => (byte)(value & 1);
}
