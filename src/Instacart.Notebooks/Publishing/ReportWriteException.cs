namespace Instacart.Notebooks.Publishing;

/// <summary>
/// A report file could not be written, flushed or verified (most often: the disk is full). The run stops, its staging
/// folder is removed and the previous report is left byte for byte as it was; the CLI exits with code 2.
/// </summary>
public sealed class ReportWriteException : IOException
{
    /// <summary>Creates the error for <paramref name="path"/>.</summary>
    /// <param name="path">The report file, as it is named in the report folder.</param>
    /// <param name="inner">The I/O error.</param>
    public ReportWriteException(string path, Exception inner)
        : base(Describe(path, inner), inner)
    {
        FilePath = path;
    }

    /// <summary>Creates the error with a message of its own (a file that failed its verification).</summary>
    /// <param name="path">The report file.</param>
    /// <param name="message">One line.</param>
    public ReportWriteException(string path, string message)
        : base(message)
    {
        FilePath = path;
    }

    /// <summary>Creates an empty error (for serializers); prefer the other constructors.</summary>
    public ReportWriteException()
    {
        FilePath = "";
    }

    /// <summary>The report file that could not be written.</summary>
    public string FilePath { get; }

    /// <summary>Whether <paramref name="exception"/> says the disk (or the user's quota) is full.</summary>
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
