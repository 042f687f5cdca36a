using Instacart.Analysis.Tests.Fixtures;
using Instacart.Data.Cleaning;
using Instacart.Data;

namespace Instacart.Analysis.Tests.Cleaning;

public class ProductCleaningTests
{
    [Fact]
    public void Clean_TinyProducts_KeepsFirstRowOfConflictingIdAndBlanksOutlier()
    {
        var data = TinyData.Load();
        var catalog = data.Products;

        Assert.Equal([1, 2, 3, 5, 6, 7], catalog.ProductId);
        Assert.Equal("Diapers", catalog.Name[catalog.IndexOf(5)]);
        Assert.Equal("Milk, whole", catalog.Name[catalog.IndexOf(2)]);
        Assert.Equal(100, catalog.Price[catalog.IndexOf(5)]);               // 100 is not above 100
        Assert.True(double.IsNaN(catalog.Price[catalog.IndexOf(6)]));      // 100.5 is
        Assert.True(double.IsNaN(catalog.Price[catalog.IndexOf(7)]));      // no price at all
        Assert.Equal(-1, catalog.IndexOf(4));
        Assert.Equal(-1, catalog.IndexOf(9));
    }

    [Fact]
    public void Clean_TinyProducts_ListsEachDroppedRowWithItsReasonAndLine()
    {
        var dropped = TinyData.Load().ProductCleaning.Dropped;

        Assert.Equal(
            [(5L, 4, ProductDropReason.Nameless), (8L, 2, ProductDropReason.DuplicateRow), (10L, 5, ProductDropReason.ConflictingId)],
            dropped.Select(d => (d.Line, d.ProductId, d.Reason)).ToArray());
    }

    [Fact]
    public void Clean_WhitespaceName_IsNameless()
    {
        var products = TinyData.Products.Replace("3,Steak,", "3,\"  \t \",");
        using var folder = TinyData.Write(new Dictionary<string, string> { ["products.csv"] = products });

        var cleaning = InstacartData.Load(folder.Path).ProductCleaning;

        Assert.Equal(2, cleaning.Nameless);
    }

    [Fact]
    public void Clean_DuplicateOfConflictingId_CountsTheIdOnce()
    {
        var products = TinyData.Products + "5,Nappies,1,2,4\r\n5,Wipes,1,2,3\r\n";
        using var folder = TinyData.Write(new Dictionary<string, string> { ["products.csv"] = products });

        var cleaning = InstacartData.Load(folder.Path).ProductCleaning;

        Assert.Equal(2, cleaning.DuplicateRows);   // the second "5,Nappies" repeats a row exactly
        Assert.Equal(1, cleaning.ConflictingIds);  // id 5, however many rows
    }
}
