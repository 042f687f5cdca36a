using Instacart.Data.Files;
using Instacart.Data.Paths;
namespace Instacart.Notebooks.Publishing;

/// <summary>
/// The folder a run publishes its report to, opened for one run: checked to be ours to write (see <see cref="Open"/>),
/// locked against a second run, and cleaned of what a killed run left behind. A run writes into a staging folder inside
/// it (<see cref="BeginStaging"/>) and <see cref="Publish"/> then moves the new files over the old ones, removing only
/// files an earlier run of ours published there; nothing else in the folder is ever touched.
/// </summary>
internal sealed class ReportFolder : IDisposable
{
    /// <summary>The prefix of staging folders inside a report folder.</summary>
    public const string StagingPrefix = ".instacart-staging-";

    private readonly ReportLock lockHandle;
    private readonly bool created;
    private readonly bool marked;
    private bool published;

    private ReportFolder(string path, ReportLock lockHandle, ReportMarker marker, bool created, bool marked)
    {
        FullPath = path;
        this.lockHandle = lockHandle;
        Marker = marker;
        this.created = created;
        this.marked = marked;
    }

    /// <summary>The folder's real path (symbolic links resolved).</summary>
    public string FullPath { get; }

    /// <summary>The marker as found (or just written): the files an earlier run published here.</summary>
    public ReportMarker Marker { get; private set; }

    /// <summary>
    /// Opens <paramref name="target"/> for a run, or throws a <see cref="ReportRefusedException"/> (nothing written) when
    /// it is a file, one of the <paramref name="protectedFolders"/> (the data folder, the notebooks folder), inside one
    /// of them, or contains one of them; when it is the root of a git work tree; when it is a non-empty folder without
    /// the report marker; or when another run holds its lock. A new or empty folder is marked as a report.
    /// </summary>
    /// <param name="target">The report folder asked for.</param>
    /// <param name="protectedFolders">Folders a report may never be written into, over or around, with what they are ("data folder").</param>
    public static ReportFolder Open(string target, IEnumerable<(string Folder, string Role)> protectedFolders)
    {
        var path = RealPath.Of(target);
        Refuse(path, protectedFolders);
        var created = !Directory.Exists(path);
        Directory.CreateDirectory(path);
        var lockHandle = ReportLock.Acquire(path);
        try
        {
            // Checked again under the lock: the folder may have changed since.
            var marker = ReportMarker.Read(path);
            var marked = marker is not null;
            if (marker is null)
            {
                if (Directory.EnumerateFileSystemEntries(path).Any(e => !IsControlFile(Path.GetFileName(e))))
                {
                    throw NotOurs(path);
                }

                marker = ReportMarker.Empty;
                AtomicFile.WriteAllText(Path.Combine(path, ReportMarker.FileName), marker.ToJson());
            }

            var folder = new ReportFolder(path, lockHandle, marker, created, marked);
            folder.CleanUpAfterKilledRuns();
            return folder;
        }
        catch
        {
            if (created)
            {
                lockHandle.DisposeAndRemove();
                TryDeleteEmpty(path);
            }
            else
            {
                lockHandle.Dispose();
            }

            throw;
        }
    }

    /// <summary>Creates this run's staging folder inside the report folder.</summary>
    public ReportStaging BeginStaging()
    {
        var staging = Path.Combine(FullPath, StagingPrefix + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (Directory.Exists(staging))
        {
            RemoveStaging(staging);
        }

        Directory.CreateDirectory(staging);
        return new ReportStaging(staging, FullPath);
    }

    /// <summary>
    /// Replaces the report with the verified <paramref name="staging"/> folder: a journal naming every move is written
    /// first (a run killed after it is finished by the next run), then each file is renamed over its old version, the
    /// files an earlier run published that this one did not write are removed, and the marker is updated.
    /// </summary>
    public void Publish(ReportStaging staging)
    {
        staging.Verify();
        var files = staging.Files.Order(StringComparer.Ordinal).ToList();
        var remove = Marker.Files.Except(files, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var journal = new PublishJournal(files, remove);
        journal.Write(staging.Folder);
        Marker = journal.Apply(staging.Folder, FullPath);
        RemoveStaging(staging.Folder);
        published = true;
    }

    /// <summary>Releases the lock; a folder this run made and never published to is removed again.</summary>
    public void Dispose()
    {
        if (!published && !marked)
        {
            // Made ours by this run and nothing published: leave it as found (gone, or empty).
            File.Delete(Path.Combine(FullPath, ReportMarker.FileName));
            lockHandle.DisposeAndRemove();
            if (created)
            {
                TryDeleteEmpty(FullPath);
            }

            return;
        }

        lockHandle.Dispose();
    }

    /// <summary>Removes a staging folder: the files in it (all written by a run of ours), then the folder.</summary>
    public static void RemoveStaging(string staging)
    {
        foreach (var file in Directory.EnumerateFiles(staging))
        {
            File.Delete(file);
        }

        TryDeleteEmpty(staging);
    }

    private void CleanUpAfterKilledRuns()
    {
        foreach (var staging in Directory.EnumerateDirectories(FullPath, StagingPrefix + "*"))
        {
            // Under the lock no other run is writing: a staging folder here is a killed run's. With a complete journal it
            // had begun to publish, so its publication is finished; otherwise its partial files are dropped.
            if (PublishJournal.TryRead(staging) is { } journal)
            {
                Marker = journal.Apply(staging, FullPath);
            }

            RemoveStaging(staging);
        }

        foreach (var temporary in Directory.EnumerateFiles(FullPath, AtomicFile.TemporaryPattern(ReportMarker.FileName)))
        {
            File.Delete(temporary);
        }
    }

    internal static void Refuse(string path, IEnumerable<(string Folder, string Role)> protectedFolders)
    {
        if (File.Exists(path))
        {
            throw new ReportRefusedException($"the report folder {path} is a file, not a folder: choose a folder path (e.g. artifacts/report)");
        }

        foreach (var (folder, role) in protectedFolders)
        {
            var real = RealPath.Of(folder);
            if (string.Equals(path, real, RealPath.Comparison))
            {
                throw new ReportRefusedException($"the report folder {path} is the {role}: choose a folder outside it (e.g. artifacts/report)");
            }

            if (RealPath.IsSameOrInside(path, real))
            {
                throw new ReportRefusedException($"the report folder {path} is inside the {role} {real}, which is never written to: choose a folder outside it");
            }

            if (RealPath.IsSameOrInside(real, path))
            {
                throw new ReportRefusedException($"the report folder {path} contains the {role} {real}: choose a folder that does not hold it (e.g. artifacts/report)");
            }
        }

        if (Directory.Exists(Path.Combine(path, ".git")) || File.Exists(Path.Combine(path, ".git")))
        {
            throw new ReportRefusedException($"the report folder {path} is the root of a git work tree: choose a folder inside it (e.g. {Path.Combine(path, "artifacts", "report")})");
        }

        if (Directory.Exists(path) && ReportMarker.Read(path) is null && Directory.EnumerateFileSystemEntries(path).Any(e => !IsControlFile(Path.GetFileName(e))))
        {
            throw NotOurs(path);
        }
    }

    private static ReportRefusedException NotOurs(string path) =>
        new($"the report folder {path} is not empty and is not an instacart report (it has no {ReportMarker.FileName}): choose a new or empty folder");

    /// <summary>Files a run keeps in a report folder for itself: marker, lock and owner.</summary>
    private static bool IsControlFile(string name) =>
        name is ReportMarker.FileName or ReportLock.FileName or ReportLock.OwnerFileName;

    private static void TryDeleteEmpty(string folder)
    {
        try
        {
            if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder, recursive: false);
            }
        }
        catch (IOException)
        {
        }
    }
}
