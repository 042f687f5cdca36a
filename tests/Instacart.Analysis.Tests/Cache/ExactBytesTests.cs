using Instacart.Data.Cache;
using Instacart.Data.Derivation;
using Instacart.Data.Input;
using Instacart.Data;

namespace Instacart.Analysis.Tests.Cache;

/// <summary>
/// The cache answers only for the exact bytes it was made from: every byte of every input file is hashed, so a file
/// rewritten with the same size and write time (<c>cp -p</c>, <c>rsync -t</c>) is never answered from the old data.
/// </summary>
public sealed class ExactBytesTests : CacheFolders
{
    public ExactBytesTests()
        : base(1500, 7)
    {
    }

    private string PriorLines => Data.File(InputFiles.PriorLines);

    [Fact]
    public void Load_SameSizeAndTimeOneByteChangedInTheMiddleOfABigFile_RebuildsNamingTheFileAndAnswersTheNewBytes()
    {
        Assert.True(new FileInfo(PriorLines).Length > 2 * ContentHashTests.MiB, "the lines file is bigger than the old key's head and tail");
        var old = InstacartData.Load(Data.Path, null, Cache);
        Assert.Equal(CacheUse.Hit, InstacartData.Load(Data.Path, null, Cache).Cache.Use);

        FlipReorderedKeepingSizeAndTime(PriorLines);
        var rebuilt = InstacartData.Load(Data.Path, null, Cache);
        var fromCsv = InstacartData.Load(Data.Path, null, null);

        Assert.Equal(CacheUse.Rebuilt, rebuilt.Cache.Use);
        Assert.Equal($"{InputFiles.PriorLines} changed", rebuilt.Cache.Reason);
        Assert.Equal(1, Math.Abs(Reordered(rebuilt) - Reordered(old)));
        Assert.Equal(Reordered(fromCsv), Reordered(rebuilt));
        Assert.Equal(Answers(fromCsv), Answers(rebuilt));
        Assert.NotEqual(old.Fingerprint, rebuilt.Fingerprint);

        var again = InstacartData.Load(Data.Path, null, Cache);
        Assert.Equal(CacheUse.Hit, again.Cache.Use);
        Assert.Equal(Answers(fromCsv), Answers(again));
        Assert.Equal(rebuilt.Fingerprint, again.Fingerprint);
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.5)]
    [InlineData(0.99)]
    public void Load_SameSizeAndTimeChangeAnywhere_IsNeverAHit(double where)
    {
        InstacartData.Load(Data.Path, null, Cache);
        FlipReorderedKeepingSizeAndTime(PriorLines, where);

        var loaded = InstacartData.Load(Data.Path, null, Cache);

        Assert.Equal(CacheUse.Rebuilt, loaded.Cache.Use);
        Assert.Contains(InputFiles.PriorLines, loaded.Cache.Reason);
    }

    [Fact]
    public void Load_OldFormatEntry_IsRebuiltAsAnotherFormat()
    {
        InstacartData.Load(Data.Path, null, Cache);
        var manifest = Path.Combine(Entry, CacheManifest.FileName);
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace(InputCache.FormatVersion, "instacart-cache/4", StringComparison.Ordinal).Replace("content_xxh128", "head_tail_sha256", StringComparison.Ordinal));

        var loaded = InstacartData.Load(Data.Path, null, Cache);

        Assert.Equal(CacheUse.Rebuilt, loaded.Cache.Use);
        Assert.Equal("another cache format", loaded.Cache.Reason);
    }

    [Fact]
    public void PriorLines_SameSizeAndTimeChangeAfterACachedLoad_FailWithAMessageToLoadAgain()
    {
        InstacartData.Load(Data.Path, null, Cache);
        var fromCache = InstacartData.Load(Data.Path, null, Cache);
        Assert.Equal(CacheUse.Hit, fromCache.Cache.Use);

        FlipReorderedKeepingSizeAndTime(PriorLines);

        var error = Assert.Throws<InvalidOperationException>(() => fromCache.Input.PriorLines.OrderId);
        Assert.Contains(InputFiles.PriorLines, error.Message, StringComparison.Ordinal);
        Assert.Contains("load the data folder again", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PriorLines_UnchangedAfterACachedLoad_AreParsedFromTheCsv()
    {
        var fromCsv = InstacartData.Load(Data.Path, null, null);
        InstacartData.Load(Data.Path, null, Cache);
        var fromCache = InstacartData.Load(Data.Path, null, Cache);

        Assert.Equal(fromCsv.Input.PriorLines.Reordered, fromCache.Input.PriorLines.Reordered);
    }

    [Fact]
    public void Fingerprint_EveryKindOfLoad_IsTheSameForTheSameBytes()
    {
        var off = InstacartData.Load(Data.Path, null, null);
        var written = InstacartData.Load(Data.Path, null, Cache);
        var hit = InstacartData.Load(Data.Path, null, Cache);
        var skipping = InstacartData.Load(Data.Path, AnalysisOptions.Default with { OnBadRows = BadRowPolicy.Skip }, Cache);

        Assert.Matches("^xxh128:[0-9a-f]{32}$", off.Fingerprint);
        Assert.Equal(CacheUse.Hit, hit.Cache.Use);
        Assert.All(new[] { written, hit, skipping }, d => Assert.Equal(off.Fingerprint, d.Fingerprint));
    }

    [Fact]
    public void Fingerprint_SameBytesInAnotherFolderWrittenLater_IsEqual()
    {
        using var copy = new Fixtures.TempFolder();
        foreach (var file in Directory.GetFiles(Data.Path))
        {
            File.Copy(file, copy.File(Path.GetFileName(file)));
            File.SetLastWriteTimeUtc(copy.File(Path.GetFileName(file)), DateTime.UtcNow.AddDays(1));
        }

        Assert.Equal(InstacartData.Load(Data.Path, null, null).Fingerprint, InstacartData.Load(copy.Path, null, Cache).Fingerprint);
    }

    [Fact]
    public void Fingerprint_OneByteOfAnyFile_ChangesIt()
    {
        var original = InputKey.Fingerprint(InputKey.Compute(Data.Path).Key!);
        foreach (var file in Directory.GetFiles(Data.Path, "*.csv"))
        {
            var bytes = File.ReadAllBytes(file);
            var written = File.GetLastWriteTimeUtc(file);
            foreach (var at in new[] { 0, bytes.Length / 2, bytes.Length - 1 })
            {
                bytes[at] ^= 0x01;
                File.WriteAllBytes(file, bytes);
                File.SetLastWriteTimeUtc(file, written);
                Assert.NotEqual(original, InputKey.Fingerprint(InputKey.Compute(Data.Path).Key!));
                bytes[at] ^= 0x01;
            }

            File.WriteAllBytes(file, bytes);
            Assert.Equal(original, InputKey.Fingerprint(InputKey.Compute(Data.Path).Key!));
        }
    }

    [Fact]
    public void Fingerprint_AnOptionalFileRemoved_ChangesIt()
    {
        var original = InstacartData.Load(Data.Path, null, null).Fingerprint;
        File.Delete(Data.File(InputFiles.Aisles));

        Assert.NotEqual(original, InstacartData.Load(Data.Path, null, null).Fingerprint);
    }

    private static long Reordered(InstacartData data)
    {
        long sum = 0;
        foreach (var flag in data.Input.PriorLines.Reordered)
        {
            sum += flag;
        }

        return sum;
    }
}
