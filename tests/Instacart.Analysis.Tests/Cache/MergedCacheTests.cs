using Instacart.Analysis.Answers;
using Instacart.Analysis.Prediction;
using Instacart.Analysis.Tests.Fixtures;
using Instacart.Data.Cache;
using Instacart.Data.Input;
using Instacart.Data;
using Instacart.Synthetic;

namespace Instacart.Analysis.Tests.Cache;

/// <summary>
/// A cache entry also keeps the merged lines and their totals, so a load from the cache neither joins nor totals the
/// lines nor parses the raw prior lines until something asks for them; a damaged merged or totals table is never used,
/// totals made with another price limit are made anew, and the answers stay the same.
/// </summary>
public sealed class MergedCacheTests : CacheFolders
{
    public MergedCacheTests()
        : base(120, 9)
    {
    }

    [Fact]
    public void Load_FromCache_ReadsTheMergedLinesAndLeavesTheRawLinesUnread()
    {
        using var fromCsv = InstacartData.Load(Data.Path, null, null);
        InstacartData.Load(Data.Path, null, Cache);
        var fromCache = InstacartData.Load(Data.Path, null, Cache);

        Assert.Equal(CacheUse.Hit, fromCache.Cache.Use);
        Assert.Equal(Answers(fromCsv), Answers(fromCache));
        Assert.False(fromCache.Input.PriorLines.IsRead);
        Assert.False(fromCache.Lines.IsRead);
        Assert.Equal(fromCsv.Input.PriorLines.Count, fromCache.Input.PriorLines.Count);
        Assert.Equal(fromCsv.Lines.Order, fromCache.Lines.Order);
        Assert.Equal(fromCsv.Lines.Product, fromCache.Lines.Product);
        Assert.Equal(fromCsv.Lines.Reordered, fromCache.Lines.Reordered);
        Assert.Equal(fromCsv.Merge.OrderCustomer, fromCache.Merge.OrderCustomer);

        // Asked for, the raw lines are parsed then from the unchanged file.
        Assert.Equal(fromCsv.Input.PriorLines.AddToCartOrder, fromCache.Input.PriorLines.AddToCartOrder);
        Assert.True(fromCache.Input.PriorLines.IsRead);
    }

    [Fact]
    public void CartPositions_FromCache_MatchTheCsvLoadAndLeaveTheRawLinesUnkept()
    {
        using var fromCsv = InstacartData.Load(Data.Path, null, null);
        InstacartData.Load(Data.Path, null, Cache).Dispose();
        using var fromCache = InstacartData.Load(Data.Path, null, Cache);

        // The reorder model's cart positions parse the raw lines for that pass only: the loaded data does not keep them.
        Assert.Equal(CandidateTable.CartPositions(fromCsv), CandidateTable.CartPositions(fromCache));
        Assert.False(fromCache.Input.PriorLines.IsRead);
        Assert.Same(fromCsv.Input.PriorLines, fromCsv.Input.PriorLines.ReadOnce());
    }

    [Fact]
    public void CartPositions_ACachedLoadAfterOneThatMadeThem_ReadsThemKeptAndNeverTheCsv()
    {
        using var fromCsv = InstacartData.Load(Data.Path, null, null);
        var expected = CandidateTable.CartPositions(fromCsv);
        InstacartData.Load(Data.Path, null, Cache).Dispose();
        using (var first = InstacartData.Load(Data.Path, null, Cache))
        {
            Assert.Equal(expected, CandidateTable.CartPositions(first));
        }

        using var second = InstacartData.Load(Data.Path, null, Cache);
        // Parsing the CSV now would fail (it changed after the load): the kept positions are the loaded bytes'.
        FlipReorderedKeepingSizeAndTime(Data.File(InputFiles.PriorLines));

        Assert.Equal(expected, CandidateTable.CartPositions(second));
    }

    [Fact]
    public void CartPositions_KeptFileDamaged_AreMadeFromTheCsvAgain()
    {
        using var fromCsv = InstacartData.Load(Data.Path, null, null);
        InstacartData.Load(Data.Path, null, Cache).Dispose();
        using (var first = InstacartData.Load(Data.Path, null, Cache))
        {
            CandidateTable.CartPositions(first);
        }

        Flip(Directory.GetFiles(Entry, "result-cart-positions-*.bin").Single());
        using var second = InstacartData.Load(Data.Path, null, Cache);

        Assert.Equal(CandidateTable.CartPositions(fromCsv), CandidateTable.CartPositions(second));
    }

    [Fact]
    public void Lines_MergedTableDamaged_AreMergedAgainFromTheInputsAndKeptAgain()
    {
        using var fromCsv = InstacartData.Load(Data.Path, null, null);
        // Disposed, the first load has written all it keeps before the table is damaged.
        InstacartData.Load(Data.Path, null, Cache).Dispose();
        Flip(Table("merged"));

        using (var damaged = InstacartData.Load(Data.Path, null, Cache))
        {
            Assert.Equal(Answers(fromCsv), Answers(damaged));
            Assert.Equal(fromCsv.Lines.Order, damaged.Lines.Order);
            Assert.Equal(fromCsv.Lines.Product, damaged.Lines.Product);
            Assert.True(damaged.Input.PriorLines.IsRead);
        }

        // Disposed, the load has kept the lines it merged again: the next load reads them.

        var again = InstacartData.Load(Data.Path, null, Cache);
        Assert.Equal(fromCsv.Lines.Reordered, again.Lines.Reordered);
        Assert.False(again.Input.PriorLines.IsRead);
    }

    [Fact]
    public void Entry_KeepsNoRawPriorLines()
    {
        InstacartData.Load(Data.Path, null, Cache);
        Assert.Empty(Directory.GetFiles(Entry, "prior-*"));
        Assert.Single(Directory.GetFiles(Entry, "merged-*.arrow"));
    }

    [Fact]
    public void PriorLines_CsvChangedSinceTheLoad_FailWithAMessageToLoadAgain()
    {
        InstacartData.Load(Data.Path, null, Cache);
        var fromCache = InstacartData.Load(Data.Path, null, Cache);
        File.AppendAllText(Data.File(InputFiles.PriorLines), "1,1,99,0\n");

        var error = Assert.Throws<InvalidOperationException>(() => fromCache.Input.PriorLines.OrderId);
        Assert.Contains(InputFiles.PriorLines, error.Message, StringComparison.Ordinal);
        Assert.Contains("load the data folder again", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FromCache_ReadsTheTotalsMadeFromTheLines()
    {
        using var fromCsv = InstacartData.Load(Data.Path, null, null);
        InstacartData.Load(Data.Path, null, Cache);
        var fromCache = InstacartData.Load(Data.Path, null, Cache);
        var (a, b) = (fromCsv.Totals, fromCache.Totals);

        Assert.Equal(a.OrderLines, b.OrderLines);
        Assert.Equal(a.OrderRevenueUnits, b.OrderRevenueUnits);
        Assert.Equal(a.OrderDepartments, b.OrderDepartments);
        Assert.Equal(a.ProductReordered, b.ProductReordered);
        Assert.Equal(a.CustomerKnownPriceLines, b.CustomerKnownPriceLines);
        Assert.Equal(a.CustomerMaxOrder, b.CustomerMaxOrder);
        Assert.Equal(a.CustomerMedianDays, b.CustomerMedianDays);
        Assert.Equal(a.CustomerDepartmentReordered, b.CustomerDepartmentReordered);
        Assert.Equal((a.PriceScale, a.Departments), (b.PriceScale, b.Departments));
    }

    [Fact]
    public void Load_AnotherPriceLimit_MakesTheTotalsAnewWithIt()
    {
        var cheap = Instacart.Data.Derivation.AnalysisOptions.Default with { PriceOutlierAbove = 12 };
        InstacartData.Load(Data.Path, null, Cache);
        var fromCache = InstacartData.Load(Data.Path, cheap, Cache);

        Assert.Equal(Answers(InstacartData.Load(Data.Path, cheap, null)), Answers(fromCache));
        Assert.Equal(Answers(InstacartData.Load(Data.Path, null, null)), Answers(InstacartData.Load(Data.Path, null, Cache)));
    }

    [Fact]
    public void Load_TotalsTableDamaged_MakesThemAnewWithTheSameAnswers()
    {
        var expected = Answers(InstacartData.Load(Data.Path, null, null));
        InstacartData.Load(Data.Path, null, Cache);
        Flip(Table("customer_totals"));

        Assert.Equal(expected, Answers(InstacartData.Load(Data.Path, null, Cache)));
        Assert.Equal(expected, Answers(InstacartData.Load(Data.Path, null, Cache)));
    }
}
