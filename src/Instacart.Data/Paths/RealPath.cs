namespace Instacart.Data.Paths;

/// <summary>
/// The path the operating system means by a path: every symbolic link (and Windows junction) along it followed and
/// every <c>.</c> and <c>..</c> taken as the file system takes it (after the link, not before). The part that does
/// not exist yet is kept as written, so a folder about to be created has a real path too.
/// </summary>
public static class RealPath
{
    /// <summary>Links followed before giving up, as the operating systems do (a loop of links).</summary>
    private const int MaxLinks = 40;

    /// <summary>Whether the file system of this platform tells names apart by case (Linux: yes; Windows and macOS by default: no).</summary>
    public static StringComparison Comparison { get; } =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>The real path of <paramref name="path"/> (relative paths resolve against the current directory).</summary>
    public static string Of(string path)
    {
        var absolute = Path.IsPathFullyQualified(path) ? path : Path.Combine(Directory.GetCurrentDirectory(), path);
        var current = Path.GetPathRoot(absolute)!;
        var pending = new Stack<string>(Parts(absolute[current.Length..]).Reverse());
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Combine(current, part);
            if (LinkTarget(next) is not { } target || ++links > MaxLinks)
            {
                current = next;
                continue;
            }

            // The link's target stands for the link: its parts come next, from the root when it is absolute.
            foreach (var targetPart in Parts(Path.IsPathRooted(target) ? target[Path.GetPathRoot(target)!.Length..] : target).Reverse())
            {
                pending.Push(targetPart);
            }

            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(Path.GetFullPath(target))!;
            }
        }

        return Path.TrimEndingDirectorySeparator(current);
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or lies inside it, both real paths.</summary>
    public static bool IsSameOrInside(string path, string folder)
    {
        var inner = Path.TrimEndingDirectorySeparator(path);
        var outer = Path.TrimEndingDirectorySeparator(folder);
        return string.Equals(inner, outer, Comparison)
            || inner.StartsWith(outer.EndsWith(Path.DirectorySeparatorChar) ? outer : outer + Path.DirectorySeparatorChar, Comparison);
    }

    private static IEnumerable<string> Parts(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
