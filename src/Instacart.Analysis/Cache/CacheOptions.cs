namespace Instacart.Analysis.Cache;

/// <summary>
/// Where the columnar cache of loaded input tables lives (see <see cref="InputCache"/>). A <see langword="null"/>
/// <see cref="CacheOptions"/> wherever one is asked for means "no cache": the CSV files are parsed and nothing is
/// read from or written to a cache.
/// </summary>
/// <param name="Directory">The cache root; one entry per data folder is kept under it. Never the data folder itself.</param>
public sealed record CacheOptions(string Directory)
{
    /// <summary>
    /// The environment variable that overrides the default root: a folder, or <see cref="DisabledValue"/> to
    /// turn the cache off for every load in the process and its children (the notebook kernels of a run).
    /// </summary>
    public const string EnvironmentVariable = "INSTACART_CACHE";

    /// <summary>The value of <see cref="EnvironmentVariable"/> that turns the cache off.</summary>
    public const string DisabledValue = "off";

    /// <summary>
    /// The user's cache folder for this tool: <c>$XDG_CACHE_HOME/instacart</c>, else <c>~/.cache/instacart</c>
    /// on Linux and macOS; <c>%LOCALAPPDATA%\instacart\cache</c> on Windows.
    /// </summary>
    public static string DefaultDirectory
    {
        get
        {
            if (OperatingSystem.IsWindows())
            {
                return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "instacart", "cache");
            }

            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            if (!string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg))
            {
                return Path.Combine(xdg, "instacart");
            }

            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return string.IsNullOrEmpty(home)
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "instacart", "cache")
                : Path.Combine(home, ".cache", "instacart");
        }
    }

    /// <summary>
    /// What a load without explicit cache settings uses: the folder named by <see cref="EnvironmentVariable"/>,
    /// <see langword="null"/> (no cache) when it says <see cref="DisabledValue"/>, else <see cref="DefaultDirectory"/>.
    /// </summary>
    public static CacheOptions? FromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return new CacheOptions(DefaultDirectory);
        }

        return string.Equals(value.Trim(), DisabledValue, StringComparison.OrdinalIgnoreCase) ? null : new CacheOptions(Path.GetFullPath(value));
    }

    /// <summary>
    /// The settings of a command line: <see langword="null"/> with <paramref name="disabled"/> (<c>--no-cache</c>),
    /// else <paramref name="directory"/> (<c>--cache DIR</c>) when given, else <see cref="FromEnvironment"/>.
    /// </summary>
    public static CacheOptions? Resolve(string? directory, bool disabled) =>
        disabled ? null : string.IsNullOrWhiteSpace(directory) ? FromEnvironment() : new CacheOptions(Path.GetFullPath(directory));
}
