using Instacart.Data.Memory;

namespace Instacart.Analysis.Tests.Memory;

public sealed class PrefetchTests
{
    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(int.MaxValue)]
    public void Element_AnyIndex_LeavesTheArrayAsItWas(int index)
    {
        var values = new[] { 1, 2, 3, 4, 5, 6, 7, 8 };

        Prefetch.Element(values, index);
        Prefetch.Element(Array.Empty<long>(), index);

        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], values);
    }
}
