using Instacart.Data.Input;

namespace Instacart.Analysis.Tests.Input;

public sealed class GroupedLineValueTests
{
    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(1, 1, 1)]
    [InlineData(49_688, 145, 1)]
    [InlineData((1 << 21) - 1, (1 << 10) - 1, 1)]
    [InlineData((1 << 21) - 1, 0, 0)]
    public void Of_ValuesThatFit_GivesEachBack(int productId, int cart, byte reordered)
    {
        Assert.True(GroupedLineValue.Fits(productId, cart, reordered));

        var value = GroupedLineValue.Of(productId, cart, reordered);

        Assert.Equal((productId, cart, reordered), (GroupedLineValue.ProductId(value), GroupedLineValue.Cart(value), GroupedLineValue.Reordered(value)));
    }

    [Theory]
    [InlineData(1 << 21, 1, 0)]
    [InlineData(-1, 1, 0)]
    [InlineData(1, 1 << 10, 0)]
    [InlineData(1, -1, 0)]
    [InlineData(1, 1, 2)]
    public void Fits_AValueTooLargeOrNegative_IsFalse(int productId, int cart, byte reordered)
    {
        Assert.False(GroupedLineValue.Fits(productId, cart, reordered));
    }
}
