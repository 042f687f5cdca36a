namespace Instacart.Analysis.Tests.Fixtures;

/// <summary>Where the repository and the shared real data are, found from the test's own location.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string DataSample => Path.Combine(Root, "data-sample");

    /// <summary>The real public files beside the repository (<c>../shared/data-real</c>), or null when absent.</summary>
    public static string? RealData
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "data-real"));
            return Directory.Exists(path) ? path : null;
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Instacart.Notebooks.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Instacart.Notebooks.sln not found above the test binaries.");
    }
}
