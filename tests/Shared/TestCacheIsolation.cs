using System.Runtime.CompilerServices;

namespace Instacart.Tests.Shared;

/// <summary>
/// Points the commands and child processes a test run starts at a temporary cache folder deleted when the run ends:
/// the command line reads <c>INSTACART_CACHE</c> and they inherit it, so tests never read or fill the user's own
/// cache (in-process loads are always handed their cache). Linked into every test project.
/// </summary>
internal static class TestCacheIsolation
{
    public static string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "instacart-test-cache-" + Guid.NewGuid().ToString("N"));

#pragma warning disable CA2255 // A test assembly's own setup: it must run before any test loads data or starts a process.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialize()
    {
        Environment.SetEnvironmentVariable("INSTACART_CACHE", Path);
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
