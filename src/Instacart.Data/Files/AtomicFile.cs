using System.Text;

namespace Instacart.Data.Files;

/// <summary>
/// Writes a file whole or not at all: under a temporary name in the same folder (<c>.NAME.PID.GUID.tmp</c>), flushed to
/// the disk, then renamed over the target, so a reader, a crash or a full disk never leaves half a file under the
/// target's name. A failed write removes its temporary file and is a <see cref="FileWriteException"/> naming the target
/// (<c>out of disk space writing …</c> when the disk or the quota is full). The one way files are replaced in this repository.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a BOM.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="text">Its whole content.</param>
    /// <exception cref="FileWriteException">The file could not be written (nothing was replaced).</exception>
    public static void WriteAllText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        WriteAllBytes(path, Utf8.GetBytes(text));
    }

    /// <summary>Writes <paramref name="bytes"/>.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="bytes">Its whole content.</param>
    /// <exception cref="FileWriteException">The file could not be written (nothing was replaced).</exception>
    public static void WriteAllBytes(string path, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        Write(path, stream => stream.Write(bytes));
    }

    /// <summary>Writes what <paramref name="write"/> writes to the stream it is given.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="write">Writes the whole content; an exception it throws leaves the target as it was.</param>
    /// <exception cref="FileWriteException">The file could not be written (nothing was replaced).</exception>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        var temporary = TemporaryName(path);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && e is not FileWriteException)
        {
            throw new FileWriteException(path, e);
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    /// <summary>The search pattern of the temporary files a write of <paramref name="fileName"/> leaves when its process is killed.</summary>
    /// <param name="fileName">The target's file name.</param>
    /// <returns>A pattern for <see cref="Directory.EnumerateFiles(string, string)"/>.</returns>
    public static string TemporaryPattern(string fileName) => $".{fileName}.*.tmp";

    private static string TemporaryName(string path) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");

    /// <summary>Removes the temporary file if it is still there; failing to does not hide the write's own error.</summary>
    private static void TryDelete(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
