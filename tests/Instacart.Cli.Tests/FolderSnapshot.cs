using System.Security.Cryptography;

namespace Instacart.Cli.Tests;

/// <summary>Every file and folder under a folder with its content hash: two equal snapshots mean nothing was touched.</summary>
public static class FolderSnapshot
{
    public static IReadOnlyDictionary<string, string> Of(string folder)
    {
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(folder))
        {
            return entries;
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var name = Path.GetRelativePath(folder, entry);
            entries[name] = Directory.Exists(entry) ? "folder" : Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(entry)));
        }

        return entries;
    }

    /// <summary>The names that were added, removed or changed between two snapshots (empty when equal).</summary>
    public static IReadOnlyList<string> Differences(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        [.. before.Keys.Union(after.Keys).Where(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k)).Order(StringComparer.Ordinal)];
}
