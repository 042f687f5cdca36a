using Instacart.Analysis.Segments;

namespace Instacart.Analysis.Tests.Segments;

public class SegmentNamingTests
{
    private static readonly SegmentFeature[] Features =
    [
        new("max_order", "number of prior orders", -1),
        new("median_days", "median days between orders", -1),
        new("basket_size", "mean basket size", -1),
        new("mean_item_price", "mean item price", -1),
        new("reorder_rate", "reorder rate", -1),
        new("share_produce", "produce share", 4),
        new("share_dairy_eggs", "dairy eggs share", 16),
    ];

    [Theory]
    [InlineData(new[] { 0.1, -1.5, 0.0, 0.0, 0.2, 1.0, 0.0 }, "Frequent produce lovers")]
    [InlineData(new[] { 0.0, 1.2, 0.9, 0.0, 0.0, 0.0, 0.0 }, "Occasional big-basket shoppers")]
    [InlineData(new[] { 0.0, 0.0, 0.0, -2.0, 0.0, 0.0, 0.0 }, "Bargain hunters")]
    [InlineData(new[] { 1.3, 0.0, 0.0, 0.0, 0.8, 0.0, 0.0 }, "Loyal creatures of habit")]
    [InlineData(new[] { 0.0, 0.0, 0.0, 0.0, 0.0, 1.4, 0.7 }, "Produce and dairy eggs lovers")]
    [InlineData(new[] { 0.0, 0.0, 0.0, 0.0, 0.0, -0.9, 0.5 }, "Produce-light dairy eggs lovers")]
    [InlineData(new[] { 0.1, -0.2, 0.0, 0.0, 0.1, 0.0, 0.0 }, "Typical shoppers")]
    public void Name_TakesTheLargestDeviations(double[] deviation, string expected)
    {
        Assert.Equal(expected, SegmentNaming.Name(Features, [deviation])[0]);
    }

    [Fact]
    public void Name_SameLeadingFeatures_FallsBackToTheNextFeatureSoNamesStayDistinct()
    {
        double[][] deviations =
        [
            [0, -1.5, 0, 0, 0, 1.0, 0.3],
            [0, -1.4, 0, 0, 0, 0.9, -0.5],
        ];

        var names = SegmentNaming.Name(Features, deviations);

        Assert.Equal("Frequent produce lovers", names[0]);
        Assert.Equal("Frequent dairy eggs skippers", names[1]);
    }

    [Fact]
    public void Name_BelowTheThreshold_DoesNotName()
    {
        double[] deviation = [0, 0, 0.3, 0, 0, 0, 0];

        Assert.Equal("Big-basket shoppers", SegmentNaming.Name(Features, [deviation], 0.25)[0]);
        Assert.Equal("Typical shoppers", SegmentNaming.Name(Features, [deviation], 0.5)[0]);
    }
}
