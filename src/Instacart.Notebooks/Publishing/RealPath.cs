namespace Instacart.Notebooks.Publishing;

/// <summary>
/// A path with every symbolic link along it resolved, as the kernel would follow it: two paths name the same folder
/// exactly when their real paths are equal. Works for paths that do not exist yet (the missing tail is kept as written).
/// </summary>
public static class RealPath
{
    private const int MaxLinks = 40;

    /// <summary>How paths compare on this platform (case-insensitive on Windows and macOS).</summary>
    public static StringComparison Comparison { get; } =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>The real, absolute path of <paramref name="path"/>, without a trailing separator.</summary>
    /// <exception cref="IOException">A loop of symbolic links.</exception>
    public static string Of(string path)
    {
        var pending = new Stack<string>();
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "/";
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse())
        {
            pending.Push(part);
        }

        var current = root;
        var links = 0;
        while (pending.TryPop(out var part))
        {
            var next = Path.Combine(current, part);
            if (new FileInfo(next).LinkTarget is { } target)
            {
                if (++links > MaxLinks)
                {
                    throw new IOException($"'{path}' goes through more than {MaxLinks} symbolic links (a loop?)");
                }

                var resolved = Path.GetFullPath(target, current);
                var resolvedRoot = Path.GetPathRoot(resolved) ?? "/";
                foreach (var inner in resolved[resolvedRoot.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse())
                {
                    pending.Push(inner);
                }

                current = resolvedRoot;
                continue;
            }

            current = next;
        }

        return Path.TrimEndingDirectorySeparator(current) is { Length: > 0 } trimmed ? trimmed : current;
    }

    /// <summary>Whether real path <paramref name="inner"/> is <paramref name="outer"/> or lies below it.</summary>
    public static bool IsSameOrInside(string inner, string outer) =>
        string.Equals(inner, outer, Comparison) ||
        inner.StartsWith(Path.TrimEndingDirectorySeparator(outer) + Path.DirectorySeparatorChar, Comparison) ||
        (outer == Path.GetPathRoot(outer) && inner.StartsWith(outer, Comparison));
}
