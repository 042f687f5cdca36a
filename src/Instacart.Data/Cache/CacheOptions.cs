namespace Instacart.Data.Cache;

/// <summary>
/// Where the columnar cache of loaded input tables lives (see <see cref="InputCache"/>). A <see langword="null"/>
/// <see cref="CacheOptions"/> wherever one is asked for means "no cache": the CSV files are parsed and nothing is
/// read from or written to a cache.
/// </summary>
/// <param name="Directory">The cache root; one entry per data folder is kept under it. Never the data folder itself.</param>
public sealed record CacheOptions(string Directory)
{
    /// <summary>
    /// The user's cache folder for this tool: <c>~/.cache/instacart</c> on Linux and macOS,
    /// <c>%LOCALAPPDATA%\instacart\cache</c> on Windows. The command line lets <c>INSTACART_CACHE</c> override it.
    /// </summary>
    public static string DefaultDirectory
    {
        get
        {
            if (OperatingSystem.IsWindows())
            {
                return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "instacart", "cache");
            }

            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return string.IsNullOrEmpty(home)
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "instacart", "cache")
                : Path.Combine(home, ".cache", "instacart");
        }
    }
}
