namespace Instacart.Cli.Commands;

/// <summary>
/// A run writes into a staging copy of the report folder and replaces the folder only when it ends, so an
/// interrupted run (Ctrl+C) leaves the previous report as it was, and a run of some notebooks (<c>--only</c>)
/// keeps the other notebooks' pages.
/// </summary>
internal sealed class ReportStaging
{
    private ReportStaging(string target, string staging)
    {
        Target = target;
        Folder = staging;
    }

    /// <summary>The report folder the user asked for.</summary>
    public string Target { get; }

    /// <summary>Where this run writes: a sibling of <see cref="Target"/>.</summary>
    public string Folder { get; }

    /// <summary>Creates the staging folder, holding a copy of the current report if there is one.</summary>
    public static ReportStaging Begin(string target)
    {
        var staging = $"{Path.TrimEndingDirectorySeparator(target)}.partial-{Environment.ProcessId}";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        Directory.CreateDirectory(staging);
        if (Directory.Exists(target))
        {
            foreach (var file in Directory.GetFiles(target))
            {
                File.Copy(file, Path.Combine(staging, Path.GetFileName(file)));
            }
        }

        return new ReportStaging(target, staging);
    }

    /// <summary>Replaces the report folder with the staging folder (two renames; the old folder is then deleted).</summary>
    public void Publish()
    {
        var retired = $"{Path.TrimEndingDirectorySeparator(Target)}.old-{Environment.ProcessId}";
        if (Directory.Exists(Target))
        {
            Directory.Move(Target, retired);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(Target))!);
        Directory.Move(Folder, Target);
        if (Directory.Exists(retired))
        {
            Directory.Delete(retired, recursive: true);
        }
    }

    /// <summary>Drops what this run wrote; the report folder is untouched.</summary>
    public void Discard()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
