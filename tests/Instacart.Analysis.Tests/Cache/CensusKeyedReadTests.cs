using Instacart.Data.Cache;
using Instacart.Data.Input;
using Instacart.Data.Lines;

namespace Instacart.Analysis.Tests.Cache;

/// <summary>
/// On a folder whose lines file spans several of the hash's chunks, the parse takes its ranges and rows from the census
/// the first hash took, gives the tables the parse without a census gives, and a file rewritten after the census
/// (same size, same time) still fails the check: the census only sizes and splits, the hash after the parse judges.
/// </summary>
public sealed class CensusKeyedReadTests : CacheFolders
{
    public CensusKeyedReadTests()
        : base(9_000, 5)
    {
    }

    private string Lines => Data.File(InputFiles.PriorLines);

    [Fact]
    public void Parse_FolderOfSeveralChunks_TakesTheCensusAndGivesTheTablesOfTheCountingParse()
    {
        Assert.True(new FileInfo(Lines).Length > 2 * ContentHash.ChunkBytes, "the lines file spans more than two chunks");
        var (tables, check) = KeyedRead.Parse(Data.Path, censuses =>
        {
            Assert.NotNull(censuses![InputFiles.PriorLines].Ranges(4, new FileInfo(Lines).Length));
            Assert.NotNull(censuses[InputFiles.Orders].Breaks(new FileInfo(Data.File(InputFiles.Orders)).Length));
            return InputTables.Load(Data.Path, null, Parallelism.Default, censuses);
        });

        Assert.NotNull(check.Wait().Key);
        var counted = InputTables.Load(Data.Path);
        Assert.Equal(counted.PriorLines.OrderId, tables.PriorLines.OrderId);
        Assert.Equal(counted.PriorLines.ProductId, tables.PriorLines.ProductId);
        Assert.Equal(counted.PriorLines.AddToCartOrder, tables.PriorLines.AddToCartOrder);
        Assert.Equal(counted.PriorLines.Reordered, tables.PriorLines.Reordered);
        Assert.Equal(counted.Orders.OrderId, tables.Orders.OrderId);
        Assert.Equal(counted.Orders.DaysSincePrior, tables.Orders.DaysSincePrior);
    }

    [Fact]
    public void Parse_LinesRewrittenAfterTheCensusWithSameSizeAndTime_FailsItsCheck()
    {
        var (_, check) = KeyedRead.Parse(Data.Path, censuses =>
        {
            // Between the census (the first hash) and the parse, as cp -p writes over the file.
            FlipReorderedKeepingSizeAndTime(Lines);
            return InputTables.Load(Data.Path, null, Parallelism.Default, censuses);
        });

        var (key, stale) = check.Wait();

        Assert.Null(key);
        Assert.Equal($"{InputFiles.PriorLines} changed while it was read", stale);
    }
}
