using Instacart.Data.Paths;
using Instacart.Data.Input;

namespace Instacart.Data.Cache;

/// <summary>
/// The data folder is read, never written: a cache folder that is the data folder or lies inside it, however it is
/// reached (a symbolic link to it or into it, a data folder reached through one), is refused before anything is written.
/// </summary>
internal static class CacheLocation
{
    /// <summary>
    /// Throws an <see cref="InputException"/> (one line: the cache folder, and to choose another or turn it off)
    /// when <paramref name="cache"/>'s folder, or the entry it would keep for <paramref name="dataFolder"/>, is the data
    /// folder or lies inside it, comparing real paths (<see cref="RealPath"/>).
    /// </summary>
    /// <param name="dataFolder">The data folder a load reads.</param>
    /// <param name="cache">The cache the load would read and write.</param>
    public static void EnsureOutsideDataFolder(string dataFolder, CacheOptions cache)
    {
        var data = RealPath.Of(dataFolder);
        foreach (var folder in new[] { cache.Directory, InputCache.EntryDirectory(dataFolder, cache) })
        {
            var real = RealPath.Of(folder);
            if (RealPath.IsSameOrInside(real, data))
            {
                var named = string.Equals(real, Path.TrimEndingDirectorySeparator(Path.GetFullPath(cache.Directory)), RealPath.Comparison)
                    ? cache.Directory
                    : $"{cache.Directory} (that is {real})";
                throw new InputException(
                    $"cache folder {named}",
                    0,
                    0,
                    null,
                    $"a folder outside the data folder {data}",
                    (string.Equals(real, data, RealPath.Comparison) ? "the data folder itself" : "a folder inside it")
                        + " (choose a cache folder outside the data folder with --cache DIR or INSTACART_CACHE, or turn the cache off with --no-cache)");
            }
        }
    }
}
