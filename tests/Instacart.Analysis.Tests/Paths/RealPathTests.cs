using Instacart.Data.Paths;

namespace Instacart.Analysis.Tests.Paths;

public sealed class RealPathTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("instacart-real-path-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Of_PathThroughTwoLinks_IsTheTargetFolder()
    {
        var data = Directory.CreateDirectory(Path.Combine(root, "data")).FullName;
        var link = Path.Combine(root, "link");
        Directory.CreateSymbolicLink(link, data);
        var relative = Path.Combine(root, "relative");
        Directory.CreateSymbolicLink(relative, "link");

        Assert.Equal(RealPath.Of(data), RealPath.Of(Path.Combine(relative, ".")));
        Assert.Equal(Path.Combine(RealPath.Of(data), "missing", "tail"), RealPath.Of(Path.Combine(relative, "missing", "tail")));
    }

    [Fact]
    public void Of_LoopOfLinks_StopsFollowingAndReturns()
    {
        Directory.CreateSymbolicLink(Path.Combine(root, "a"), Path.Combine(root, "b"));
        Directory.CreateSymbolicLink(Path.Combine(root, "b"), Path.Combine(root, "a"));

        Assert.EndsWith(Path.Combine("x"), RealPath.Of(Path.Combine(root, "a", "x")));
    }

    [Fact]
    public void Of_DotDotAfterALink_GoesUpFromTheLinksTarget()
    {
        var deep = Directory.CreateDirectory(Path.Combine(root, "one", "two")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(root, "shortcut"), deep);

        Assert.Equal(RealPath.Of(Path.Combine(root, "one")), RealPath.Of(Path.Combine(root, "shortcut", "..")));
    }

    [Fact]
    public void IsSameOrInside_SiblingWithACommonPrefix_IsNotInside() =>
        Assert.False(RealPath.IsSameOrInside("/srv/data-2", "/srv/data"));
}
