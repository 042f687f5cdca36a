namespace Instacart.Data.Files;

/// <summary>
/// A file could not be written (most often: the disk is full). Its message names the file and says so in one line:
/// <c>out of disk space writing PATH</c>, else <c>could not write PATH: reason</c>.
/// </summary>
public class FileWriteException : IOException
{
    /// <summary>Creates the error for <paramref name="path"/>.</summary>
    /// <param name="path">The file, as the message should name it.</param>
    /// <param name="inner">The I/O error.</param>
    public FileWriteException(string path, Exception inner)
        : base(Describe(path, inner), inner)
    {
        FilePath = path;
    }

    /// <summary>Creates the error with a message of its own.</summary>
    /// <param name="path">The file.</param>
    /// <param name="message">One line.</param>
    public FileWriteException(string path, string message)
        : base(message)
    {
        FilePath = path;
    }

    /// <summary>Creates an empty error (for serializers); prefer the other constructors.</summary>
    public FileWriteException()
    {
        FilePath = "";
    }

    /// <summary>The file that could not be written.</summary>
    public string FilePath { get; }

    /// <summary>Whether <paramref name="exception"/> (or one it wraps) says the disk, or the user's quota, is full.</summary>
    /// <param name="exception">The error.</param>
    /// <returns>True for a full disk or quota.</returns>
    public static bool IsDiskFull(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is IOException && IsDiskFullCode(e.HResult))
            {
                return true;
            }
        }

        return false;
    }

    // An I/O error's HResult carries errno on Unix and the Win32 error in its low word on Windows.
    private static bool IsDiskFullCode(int hresult) =>
        OperatingSystem.IsWindows()
            ? (hresult & 0xFFFF) is 0x70 or 0x27 // ERROR_DISK_FULL, ERROR_HANDLE_DISK_FULL
            : OperatingSystem.IsLinux()
                ? hresult is 28 or 122 // ENOSPC, EDQUOT
                : hresult is 28 or 69; // ENOSPC, EDQUOT on macOS and the BSDs

    private static string Describe(string path, Exception inner) =>
        IsDiskFull(inner) ? $"out of disk space writing {path}" : $"could not write {path}: {inner.Message}";
}
