namespace Instacart.Cli.Tests;

/// <summary>Paths of the repository the tests run in, found from the test assembly's folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The product's own notebooks.</summary>
    public static string Notebooks => Path.Combine(Root, "notebooks");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Instacart.Notebooks.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The tests must run inside the repository (no Instacart.Notebooks.sln above the test folder).");
    }
}
