using System.Runtime.CompilerServices;

namespace Instacart.Notebooks.Tests;

/// <summary>
/// Points the input cache of every notebook these tests run (in-process kernels read <c>INSTACART_CACHE</c>, child
/// processes inherit it) at a temporary folder deleted when the run ends, so tests never read or fill the user's cache.
/// </summary>
internal static class TestCache
{
    public static string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "instacart-test-cache-" + Guid.NewGuid().ToString("N"));

#pragma warning disable CA2255 // A test assembly's own setup: it must run before any test starts a kernel.
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
