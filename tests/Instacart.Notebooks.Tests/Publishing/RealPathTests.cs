using Instacart.Notebooks.Publishing;

namespace Instacart.Notebooks.Tests.Publishing;

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
    public void Of_LoopOfLinks_IsAnIOError()
    {
        Directory.CreateSymbolicLink(Path.Combine(root, "a"), Path.Combine(root, "b"));
        Directory.CreateSymbolicLink(Path.Combine(root, "b"), Path.Combine(root, "a"));

        Assert.Throws<IOException>(() => RealPath.Of(Path.Combine(root, "a", "x")));
    }

    [Fact]
    public void IsSameOrInside_SiblingWithACommonPrefix_IsNotInside() =>
        Assert.False(RealPath.IsSameOrInside("/srv/data-2", "/srv/data"));
}
