using Instacart.Analysis.Prediction;

namespace Instacart.Analysis.Tests.Prediction;

public sealed class KeptCartPositionsTests
{
    [Theory]
    [InlineData(200, 1)]
    [InlineData(300, 2)]
    [InlineData(70_000, 4)]
    public void Encode_LargestPosition_UsesTheNarrowestWidthAndDecodesToTheSame(int largest, int width)
    {
        int[] positions = [1, 2, 3, largest, 0, 7];

        var bytes = KeptCartPositions.Encode(positions);

        Assert.Equal(width, bytes[0]);
        Assert.Equal(5 + (positions.Length * width), bytes.Length);
        var column = KeptCartPositions.Decode(bytes, positions.Length);
        Assert.NotNull(column);
        Assert.Equal(positions, column.Value.ToArray());
        Assert.Equal(positions.Length, column.Value.Count);
        Assert.All(Enumerable.Range(0, positions.Length), i => Assert.Equal(positions[i], column.Value[i]));
    }

    [Fact]
    public void Decode_AnotherCountATruncatedBodyOrAnUnknownWidth_IsNull()
    {
        var bytes = KeptCartPositions.Encode([1, 2, 3]);

        Assert.Null(KeptCartPositions.Decode(bytes, 4));
        Assert.Null(KeptCartPositions.Decode(bytes[..^1], 3));
        bytes[0] = 3;
        Assert.Null(KeptCartPositions.Decode(bytes, 3));
        Assert.Null(KeptCartPositions.Decode([], 0));
    }

    [Fact]
    public void Decode_FourByteNegativePosition_IsNull()
    {
        var bytes = KeptCartPositions.Encode([70_000]);
        bytes[8] = 0xFF;

        Assert.Null(KeptCartPositions.Decode(bytes, 1));
    }

    [Fact]
    public void Name_IsAKeptResultsName()
    {
        Assert.StartsWith("cart-positions-", KeptCartPositions.Name, StringComparison.Ordinal);
        Assert.True(Instacart.Data.Cache.KeptResults.IsName(KeptCartPositions.Name));
    }
}
