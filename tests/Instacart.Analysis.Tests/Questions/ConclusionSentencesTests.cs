using Instacart.Analysis.Questions;
using Instacart.Analysis.Tests.Fixtures;

namespace Instacart.Analysis.Tests.Questions;

/// <summary>
/// Sentences that call groups alike or different do so only by their stated rule, and report the gap otherwise.
/// Prices: 1 Apple 5, 2 Milk 15, 3 Steak 15.1; a customer whose mean known price is at least 10 is a High spender.
/// </summary>
public class ConclusionSentencesTests
{
    [Fact]
    public void Regions_GapsWithinTheNoise_SaysHabitsDoNotDifferAndNamesTheTest()
    {
        // South: lines 10 × $5 and 5 × $15 (mean 8.33), one High spender of two; West: 15 × $5 and 5 × $15
        // (mean 7.50), one of three. Welch: t ≈ 0.5 for the price, ≈ 0.3 for the share.
        var data = Shoppers.Load(
            new Shopper("Texas", Shoppers.Repeat(5, 10, 1, 2)),
            new Shopper("Texas", Shoppers.Repeat(5, 10, 1)),
            new Shopper("California", Shoppers.Repeat(5, 10, 1, 2)),
            new Shopper("California", Shoppers.Repeat(5, 10, 1)),
            new Shopper("California", Shoppers.Repeat(5, 10, 1)));

        var sentence = RegionGroups.Compute(data).Sentence();

        Assert.Equal(
            "The West brings the most order lines (57.1%), but habits do not differ beyond the noise: mean item price runs from $7.50 (West) to $8.33 (South) "
            + "and the high-spender share from 33.3% (West) to 50.0% (South), neither gap significant (Welch's t-test at the 5% level).",
            sentence);
    }

    [Fact]
    public void Regions_PriceGapBeyondTheNoise_ReportsTheGapAndDoesNotCallHabitsAlike()
    {
        // South: 10 × $5 and 5 × $15 (mean 8.33); West: 5 × $15 and 10 × $15.10 (mean 15.07): t ≈ 5.3.
        // High spenders: one of two in the South, both in the West; with two customers a side that is noise.
        var data = Shoppers.Load(
            new Shopper("Texas", Shoppers.Repeat(5, 10, 1, 2)),
            new Shopper("Texas", Shoppers.Repeat(5, 10, 1)),
            new Shopper("California", Shoppers.Repeat(5, 10, 2, 3)),
            new Shopper("California", Shoppers.Repeat(5, 10, 3)));

        var sentence = RegionGroups.Compute(data).Sentence();

        Assert.Equal(
            "The South brings the most order lines (50.0%); mean item price runs from $8.33 (South) to $15.07 (West), a gap beyond the noise, "
            + "and the high-spender share from 50.0% (South) to 100.0% (West), a gap within the noise (Welch's t-test at the 5% level).",
            sentence);
        Assert.DoesNotContain("barely", sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Regions_OneRegion_SaysThereIsNothingToCompare() =>
        Assert.Equal(
            "Only the South region has active customers, so there is no other region to compare it with.",
            RegionGroups.Compute(TinyData.Load()).Sentence());

    [Fact]
    public void Regions_Method_StatesTheRule() =>
        Assert.Contains("Welch's t-test at the 5% level rejects equal means", RegionGroups.Compute(TinyData.Load()).Method(), StringComparison.Ordinal);

    [Fact]
    public void SpendByHour_ItemPricesWithinFivePercent_SaysItBarelyMovesAndNamesTheRule()
    {
        // 09:00: three orders of $5 + $15 (item mean $10); 17:00: two of $5 + $15.10 ($10.05), 0.5% apart.
        var data = Shoppers.Load(new Shopper("Texas", [.. Shoppers.Repeat(3, 9, 1, 2), .. Shoppers.Repeat(2, 17, 1, 3)]));

        var sentence = SpendByHour.Compute(data).Sentence();

        Assert.Equal(
            "Most money is spent at 09:00 (59.9% of revenue), the hour with the most orders too; per order, baskets are worth most at 17:00 ($20.10) and least at 09:00 ($20.00), "
            + "while the mean item price barely moves ($10.00 to $10.05, the lowest within 5% of the highest).",
            sentence);
    }

    [Fact]
    public void SpendByHour_ItemPricesApart_ReportsTheRangeAndDoesNotSayBarely()
    {
        // 09:00: three orders of one $5 item; 17:00: two of $15 + $15.10 (item mean $15.05): $5 is 66.8% below.
        var data = Shoppers.Load(new Shopper("Texas", [.. Shoppers.Repeat(3, 9, 1), .. Shoppers.Repeat(2, 17, 2, 3)]));

        var sentence = SpendByHour.Compute(data).Sentence();

        Assert.Equal(
            "Most money is spent at 17:00 (80.1% of revenue), though most orders come in at 09:00; per order, baskets are worth most at 17:00 ($30.10) and least at 09:00 ($5.00), "
            + "and the mean item price ranges from $5.00 at 09:00 to $15.05 at 17:00, the lowest 66.8% below the highest (steady would need the lowest within 5% of the highest).",
            sentence);
        Assert.DoesNotContain("barely", sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void SpendByHour_Method_StatesTheRule() =>
        Assert.Contains("only with the lowest within 5% of the highest", SpendByHour.Compute(TinyData.Load()).Method(), StringComparison.Ordinal);

    [Fact]
    public void PriceRanges_MajorityOfLines_SaysTheRangeDominates()
    {
        var data = Shoppers.Load(new Shopper("Texas", [.. Shoppers.Repeat(3, 9, 2), new Basket(9, 1)]));

        Assert.StartsWith("Mid-range products dominate, with more than half of the order lines: Mid 75.0% of lines", PriceRanges.Compute(data).Sentence(), StringComparison.Ordinal);
    }

    [Fact]
    public void PriceRanges_NoMajority_SaysTheRangeLeadsWithoutDominating()
    {
        // TinyData: High 4 of 11 lines, Low 3, Mid 2, Unknown 2.
        var sentence = PriceRanges.Compute(TinyData.Load()).Sentence();

        Assert.StartsWith("High-range products have the most order lines, though not a majority: High 36.4% of lines", sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("dominate", sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void HourQuadrants_NoQuietPriceyHour_SaysSoInsteadOfCountingZero() =>
        Assert.Equal(
            "The \"perfect storm\" hours of above-median traffic and basket value are 03:00, 09:00 and 10:00; no quieter hour brings pricier baskets.",
            HourQuadrants.Compute(TinyData.Load()).Sentence());
}
