using Instacart.Analysis.Sessions;
using Instacart.Analysis.Tests.Fixtures;
using Instacart.Data.Cache;
using Instacart.Data;

namespace Instacart.Analysis.Tests.Cache;

/// <summary>
/// A load's cache writes run on one background writer its owner waits for: a write that fails never fails the load
/// or changes an answer, later writes queue behind the first, and disposing waits for all of them.
/// </summary>
public sealed class CacheWriterTests : CacheFolders
{
    public CacheWriterTests()
        : base(60, 3)
    {
    }

    [Fact]
    public void Load_CacheThatCannotBeWritten_AnswersTheSameAndSaysNotWritten()
    {
        // The cache root lies under a file: no entry can be made there.
        var blocked = new CacheOptions(Path.Combine(CacheRoot.File("not-a-folder"), "cache"));
        File.WriteAllText(CacheRoot.File("not-a-folder"), "a file");

        using var loaded = InstacartData.Load(Data.Path, null, blocked);

        Assert.Equal(CacheUse.NotWritten, loaded.Cache.Use);
        Assert.NotNull(loaded.Cache.Reason);
        Assert.Equal(Answers(InstacartData.Load(Data.Path, null, null)), Answers(loaded));
    }

    [Fact]
    public void Writer_UpdatesAfterAFailedFirstWrite_AreSkippedAndFlushSaysWhy()
    {
        var writer = new CacheWriter(null);
        var updated = false;
        writer.Create(() => throw new IOException("disk full"));
        writer.Update(current =>
        {
            updated = true;
            return current;
        });

        Assert.Equal("disk full", writer.Flush());
        writer.Dispose();
        Assert.False(updated);
    }

    [Fact]
    public void Writer_Dispose_WaitsForEveryQueuedWrite_AndDropsLaterOnes()
    {
        var manifest = new CacheManifest(InputCache.FormatVersion, Data.Path, [], []);
        var writer = new CacheWriter(manifest);
        var order = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            var step = i;
            writer.Update(current =>
            {
                Thread.Sleep(10);
                order.Add(step);
                return current;
            });
        }

        writer.Dispose();
        writer.Update(current =>
        {
            order.Add(99);
            return current;
        });
        writer.Dispose();

        Assert.Equal([0, 1, 2, 3, 4], order);
        Assert.Null(writer.Flush());
    }

    [Fact]
    public void Session_Dispose_WaitsForTheLinesMergedAgain()
    {
        InstacartData.Load(Data.Path, null, Cache).Dispose();
        Flip(Table("merged"));
        using (var session = AnalysisSession.Load(Data.Path, null, Cache))
        {
            // Damaged: merged again from the inputs when first used, and queued to be kept.
            Assert.NotEmpty(session.Data.Lines.Order);
            Assert.True(session.Data.Input.PriorLines.IsRead);
        }

        using var again = InstacartData.Load(Data.Path, null, Cache);
        Assert.Equal(CacheUse.Hit, again.Cache.Use);
        Assert.NotEmpty(again.Lines.Order);
        Assert.False(again.Input.PriorLines.IsRead);
    }
}
