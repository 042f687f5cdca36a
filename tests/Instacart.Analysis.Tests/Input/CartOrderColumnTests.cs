using Instacart.Data.Input;

namespace Instacart.Analysis.Tests.Input;

public sealed class CartOrderColumnTests
{
    [Fact]
    public void Wide_NarrowPositions_AreTheSameValuesAsIntsAndKept()
    {
        var column = new CartOrderColumn(new byte[] { 1, 2, 255, 3 });

        var wide = column.Wide;

        Assert.Equal([1, 2, 255, 3], wide);
        Assert.Same(wide, column.Wide);
        Assert.Equal((4, 255), (column.Length, column[2]));
    }

    [Fact]
    public void Wide_IntPositions_IsTheColumnItself()
    {
        var positions = new[] { 1, 300, 2 };
        var column = new CartOrderColumn(positions);

        Assert.Same(positions, column.Wide);
        Assert.Null(column.Narrow);
        Assert.Equal(300, column[1]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Where_KeptRows_AreThoseInOrderAndAsNarrowAsBefore(bool narrow)
    {
        var column = narrow ? new CartOrderColumn(new byte[] { 1, 2, 3, 4 }) : new CartOrderColumn(new[] { 1, 2, 3, 4 });

        var kept = column.Where([true, false, true, true], 3);

        Assert.Equal([1, 3, 4], kept.Wide);
        Assert.Equal(narrow, kept.Narrow is not null);
    }
}
