using System.Globalization;
using Instacart.Synthetic;
using Instacart.Analysis.Tests.Fixtures;

namespace Instacart.Analysis.Tests.Synthetic;

[Collection(MediumSyntheticCollection.Name)]
public sealed class SyntheticQuirkTests(MediumSyntheticFixture fixture)
{
    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    /// <summary>The committed sample and the 3,000-user run must both carry every quirk.</summary>
    private static SyntheticData Pick(string which, SyntheticData medium) => which switch
    {
        "sample" => SampleData.Value,
        _ => medium,
    };

    private static readonly Lazy<SyntheticData> SampleData = new(() =>
    {
        string folder = Path.Combine(SyntheticTestSupport.RepoRoot(), "data-sample");
        var summary = new SyntheticSummary(folder, SyntheticOptions.Sample, [], 0, 0, 0, 0, 0, 0, 0, 0, new SyntheticQuirks(0, 0, 0, 0, 0), TimeSpan.Zero);
        return SyntheticData.Load(folder, summary);
    });

    [Theory]
    [InlineData("sample")]
    [InlineData("medium")]
    public void Write_WithQuirks_HasNamelessProductsSomeOfThemBought(string which)
    {
        var data = Pick(which, fixture.Data);
        var nameless = data.Products.Where(p => string.IsNullOrWhiteSpace(p[1])).ToList();
        Assert.True(nameless.Count >= 3, $"{nameless.Count} nameless products");
        Assert.Contains(nameless, p => p[1].Length == 0);
        Assert.Contains(nameless, p => p[1].Length > 0); // whitespace only
        var ids = nameless.Select(p => Int(p[0])).ToHashSet();
        Assert.Contains(data.Prior, l => ids.Contains(l[1]));
    }

    [Theory]
    [InlineData("sample")]
    [InlineData("medium")]
    public void Write_WithQuirks_HasProductRowsThatExactlyRepeatAnEarlierRow(string which)
    {
        var data = Pick(which, fixture.Data);
        var seen = new HashSet<string>();
        int duplicates = data.Products.Count(p => !string.IsNullOrWhiteSpace(p[1]) && !seen.Add(string.Join('\u001f', p)));
        Assert.True(duplicates >= 1, "no duplicate row");
    }

    [Theory]
    [InlineData("sample")]
    [InlineData("medium")]
    public void Write_WithQuirks_HasProductIdsThatAppearTwiceWithDifferentNames(string which)
    {
        var data = Pick(which, fixture.Data);
        var conflicting = data.Products.Where(p => !string.IsNullOrWhiteSpace(p[1]))
            .DistinctBy(p => string.Join('\u001f', p))
            .GroupBy(p => p[0])
            .Where(g => g.Count() > 1)
            .ToList();
        Assert.NotEmpty(conflicting);
        Assert.All(conflicting, g => Assert.Equal(g.Count(), g.Select(p => p[1]).Distinct().Count()));
    }

    [Theory]
    [InlineData("sample")]
    [InlineData("medium")]
    public void Write_WithQuirks_HasBoughtProductsPricedAbove100(string which)
    {
        var data = Pick(which, fixture.Data);
        var outliers = data.Products.Where(p => double.Parse(p[4], CultureInfo.InvariantCulture) > 100).ToList();
        Assert.Contains(outliers, p => p[4] == "99999");
        Assert.All(outliers, p => Assert.False(string.IsNullOrWhiteSpace(p[1])));
        var ids = outliers.Select(p => Int(p[0])).ToHashSet();
        Assert.Contains(data.Prior, l => ids.Contains(l[1]));
    }

    [Theory]
    [InlineData("sample")]
    [InlineData("medium")]
    public void Write_WithQuirks_HasUsersWithOrdersButNoCustomerRow(string which)
    {
        var data = Pick(which, fixture.Data);
        var customers = data.Customers.Select(c => Int(c[0])).ToHashSet();
        var users = data.Orders.Select(o => Int(o[1])).ToHashSet();
        Assert.InRange(users.Count(u => !customers.Contains(u)), 3, 10);
        Assert.Subset(users, customers);
    }

    [Theory]
    [InlineData("sample")]
    [InlineData("medium")]
    public void Write_ProductNames_WithCommasAndQuotesAreQuotedAsRfc4180Says(string which)
    {
        var data = Pick(which, fixture.Data);
        Assert.Contains(data.Products, p => p[1].Contains(','));
        Assert.Contains(data.Products, p => p[1].Contains('"'));
        string raw = File.ReadAllText(Path.Combine(data.Folder, "products.csv"));
        Assert.Contains(",\"", raw);
        Assert.Contains("\"\"", raw); // doubled quote inside a quoted field
        var bought = data.Prior.Select(l => l[1]).ToHashSet();
        Assert.Contains(data.Products, p => !bought.Contains(Int(p[0]))); // products nobody bought are fine
    }

    [Fact]
    public void Write_Summary_CountsEachQuirk()
    {
        var q = fixture.Data.Summary.Quirks;
        Assert.Equal(new SyntheticQuirks(4, 2, 2, 2, 3), q);
        Assert.True(fixture.Data.Summary.PriorLinesWithoutProduct > 0);
        Assert.True(fixture.Data.Summary.PriorLinesWithoutCustomer > 0);
    }

    [Fact]
    public void Write_WithoutQuirks_HasNoDataErrorsButKeepsTheLayout()
    {
        using var temp = new TempFolder();
        var summary = SyntheticGenerator.Write(temp.Path, new SyntheticOptions(800, 5) { Quirks = false });
        var data = SyntheticData.Load(temp.Path, summary);

        Assert.Equal(new SyntheticQuirks(0, 0, 0, 0, 0), summary.Quirks);
        Assert.Equal(0, summary.PriorLinesWithoutProduct);
        Assert.Equal(0, summary.PriorLinesWithoutCustomer);
        Assert.DoesNotContain(data.Products, p => string.IsNullOrWhiteSpace(p[1]));
        Assert.Equal(data.Products.Count, data.Products.Select(p => p[0]).Distinct().Count());
        Assert.All(data.Products, p => Assert.InRange(double.Parse(p[4], CultureInfo.InvariantCulture), 1.0, 25.0));
        Assert.Equal(800, data.Customers.Count);
        Assert.Contains(data.Products, p => p[1].Contains('"'));
        Assert.Equal("\r\n"u8.ToArray(), File.ReadAllBytes(temp.File("products.csv"))[^2..]);
    }
}
