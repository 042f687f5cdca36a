using System.Runtime.CompilerServices;

namespace Instacart.Cli.Tests;

/// <summary>
/// Points the cache of every command these tests start (they inherit the environment) at a temporary folder deleted
/// when the run ends, so tests never read or fill the user's own cache.
/// </summary>
internal static class TestCache
{
    public static string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "instacart-test-cache-" + Guid.NewGuid().ToString("N"));

#pragma warning disable CA2255 // A test assembly's own setup: it must run before any test starts a command.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialize()
    {
        Environment.SetEnvironmentVariable(Analysis.Cache.CacheOptions.EnvironmentVariable, Path);
        SweepAbandoned();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
            }
        };
    }

    /// <summary>A test host killed at the end of a run never gets to delete its folder: remove those older than a day.</summary>
    private static void SweepAbandoned()
    {
        foreach (var folder in Directory.EnumerateDirectories(System.IO.Path.GetTempPath(), "instacart-test-cache-*"))
        {
            try
            {
                if (DateTime.UtcNow - Directory.GetLastWriteTimeUtc(folder) > TimeSpan.FromDays(1))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
