namespace Instacart.Notebooks.Publishing;

/// <summary>
/// One run at a time per report folder: an exclusive lock on a file in the folder, held for the whole run and released
/// by the operating system if the process dies. The holder's process id is written beside it, so a second run can say
/// whose run it waits for.
/// </summary>
internal sealed class ReportLock : IDisposable
{
    /// <summary>The lock file's name in a report folder.</summary>
    public const string FileName = ".instacart.lock";

    /// <summary>The file naming the process that holds the lock.</summary>
    public const string OwnerFileName = ".instacart.owner";

    private readonly FileStream stream;
    private readonly string owner;

    private ReportLock(FileStream stream, string owner)
    {
        this.stream = stream;
        this.owner = owner;
    }

    /// <summary>Takes the lock of <paramref name="folder"/>, or throws a <see cref="ReportRefusedException"/> naming the run that holds it.</summary>
    public static ReportLock Acquire(string folder)
    {
        var path = Path.Combine(folder, FileName);
        for (var attempt = 0; ; attempt++)
        {
            FileStream stream;
            try
            {
                // FileShare.None takes an exclusive, non-blocking lock (flock on Unix): a second run fails at once.
                stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (File.Exists(path))
            {
                var pid = ReadOwner(folder);
                throw new ReportRefusedException(
                    $"the report folder {folder} is in use by another instacart run{(pid is null ? "" : $" (pid {pid})")}: wait for it to finish, or choose another --out folder");
            }

            if (!File.Exists(path) && attempt < 3)
            {
                // The run before us removed the lock file while we opened it: what we hold is no longer the folder's lock.
                stream.Dispose();
                continue;
            }

            var ownerPath = Path.Combine(folder, OwnerFileName);
            File.WriteAllText(ownerPath, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n");
            return new ReportLock(stream, ownerPath);
        }
    }

    private static string? ReadOwner(string folder)
    {
        try
        {
            var text = File.ReadAllText(Path.Combine(folder, OwnerFileName)).Trim();
            return text.Length > 0 && text.All(char.IsAsciiDigit) ? text : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Releases the lock (the lock file stays: removing it could let two later runs lock two different files).</summary>
    public void Dispose()
    {
        try
        {
            File.Delete(owner);
        }
        catch (IOException)
        {
        }

        stream.Dispose();
    }

    /// <summary>Releases the lock and removes both control files: for a folder this run made and is removing again.</summary>
    public void DisposeAndRemove()
    {
        Dispose();
        File.Delete(Path.Combine(Path.GetDirectoryName(owner)!, FileName));
    }
}
