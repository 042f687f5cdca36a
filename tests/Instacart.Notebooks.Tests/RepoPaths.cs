namespace Instacart.Notebooks.Tests;

/// <summary>Paths of the repository the tests run in, found from the test assembly's folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Fixtures => Path.Combine(Root, "tests", "Instacart.Notebooks.Tests", "Fixtures");

    public static string FixtureNotebooks => Path.Combine(Fixtures, "notebooks");

    /// <summary>The product's own notebooks.</summary>
    public static string Notebooks => Path.Combine(Root, "notebooks");

    /// <summary>The committed synthetic sample every notebook runs on.</summary>
    public static string DataSample => Path.Combine(Root, "data-sample");

    /// <summary>The sample loaded once for the fixture runs, handed to their kernels as a run's session is.</summary>
    public static Instacart.Analysis.Sessions.AnalysisSession SampleSession => Sample.Value;

    private static readonly Lazy<Instacart.Analysis.Sessions.AnalysisSession> Sample = new(() => Instacart.Analysis.Sessions.AnalysisSession.Load(DataSample));

    public static string Screenshots => Path.Combine(Root, "artifacts", "screenshots");

    public static string LibraryDll => Path.Combine(Root, "artifacts", "bin", "Instacart.Analysis", "release", "Instacart.Analysis.dll");

    /// <summary>A fresh, empty folder under the artifacts folder for one test's output.</summary>
    public static string NewOutputFolder(string name)
    {
        var path = Path.Combine(Root, "artifacts", "test-output", "Instacart.Notebooks.Tests", name);
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        Directory.CreateDirectory(path);
        return path;
    }

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
