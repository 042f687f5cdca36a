using Instacart.Analysis.Tests.Fixtures;
using Instacart.Data.Cache;
using Instacart.Data.Derivation;
using Instacart.Data.Input;
using Instacart.Data.Paths;
using Instacart.Data;

namespace Instacart.Analysis.Tests.Cache;

/// <summary>The data folder is never written: a cache inside it, however reached, is refused by every load.</summary>
public sealed class CacheLocationTests : IDisposable
{
    private readonly TempFolder scratch = new();

    public void Dispose() => scratch.Dispose();

    [Fact]
    public void RealPath_LinksAndDotDots_AreTakenAsTheFileSystemTakesThem()
    {
        var real = RealPath.Of(Directory.CreateDirectory(scratch.File("real")).FullName);
        Directory.CreateDirectory(Path.Combine(real, "sub"));
        Directory.CreateSymbolicLink(scratch.File("absolute"), Path.Combine(real, "sub"));
        Directory.CreateSymbolicLink(scratch.File("relative"), Path.Combine("real", "sub"));
        Directory.CreateSymbolicLink(scratch.File("chain"), scratch.File("absolute"));

        Assert.Equal(Path.Combine(real, "sub"), RealPath.Of(scratch.File("absolute")));
        Assert.Equal(Path.Combine(real, "sub", "new", "deeper"), RealPath.Of(Path.Combine(scratch.File("relative"), "new", "deeper")));
        Assert.Equal(Path.Combine(real, "sub"), RealPath.Of(scratch.File("chain") + Path.DirectorySeparatorChar));

        // ".." after a link leaves the link's target, not the link's folder.
        Assert.Equal(Path.Combine(real, "x"), RealPath.Of(Path.Combine(scratch.File("absolute"), "..", "x")));
    }

    [Fact]
    public void RealPath_ALoopOfLinks_Ends()
    {
        Directory.CreateSymbolicLink(scratch.File("a"), scratch.File("b"));
        Directory.CreateSymbolicLink(scratch.File("b"), scratch.File("a"));

        Assert.NotNull(RealPath.Of(Path.Combine(scratch.File("a"), "x")));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData(".cache", true)]
    [InlineData("sub/../.cache", true)]
    [InlineData("../data-cache", false)]
    [InlineData("../elsewhere", false)]
    public void EnsureOutsideDataFolder_CacheFolders_AreRefusedInsideOnly(string relative, bool refused)
    {
        var data = Directory.CreateDirectory(scratch.File("data")).FullName;
        var cache = new CacheOptions(Path.GetFullPath(Path.Combine(data, relative)));

        var error = Record.Exception(() => CacheLocation.EnsureOutsideDataFolder(data, cache));

        Assert.Equal(refused, error is InputException);
        Assert.True(refused || error is null);
    }

    [Fact]
    public void Load_CacheInsideTheDataFolder_IsRefusedEvenWhenSkippingBadRows()
    {
        using var data = TinyData.Write();
        var cache = new CacheOptions(data.File(".cache"));
        var skipping = AnalysisOptions.Default with { OnBadRows = BadRowPolicy.Skip };

        Assert.Throws<InputException>(() => InstacartData.Load(data.Path, null, cache));
        Assert.Throws<InputException>(() => InstacartData.Load(data.Path, skipping, cache));
        Assert.Throws<InputException>(() => InputCache.Load(data.Path, cache, out _));
        Assert.False(Directory.Exists(data.File(".cache")));
    }
}
