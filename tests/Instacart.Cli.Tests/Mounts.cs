using System.Diagnostics;

namespace Instacart.Cli.Tests;

/// <summary>
/// A fact that mounts a small file system to fill it: it needs root (CI's <c>.ci/run</c> runs as root). Elsewhere it is
/// reported as skipped with the reason, since xUnit 2 has no dynamic skip.
/// </summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root" || !File.Exists("/bin/mount"))
        {
            Skip = "Needs root on Linux to mount a small tmpfs (a full disk): run it through .ci/run, which runs as root.";
        }
    }
}

/// <summary>A fact that needs Chromium: <c>CHROMIUM_PATH</c>, else <c>/usr/bin/chromium</c> (skipped without it).</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } set ? set : "/usr/bin/chromium";
        if (!File.Exists(path))
        {
            Skip = $"No Chromium at {path}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.";
        }
    }
}

/// <summary>Mounts and unmounts a tmpfs of a given size (root only).</summary>
public static class Mounts
{
    public static void Tmpfs(string folder, string size) => Run("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", folder);

    public static void Unmount(string folder) => Run("umount", folder);

    private static void Run(string command, params string[] args)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', args)} failed: {error}");
        }
    }
}
