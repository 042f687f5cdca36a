using Instacart.Data.Files;

namespace Instacart.Notebooks.Publishing;

/// <summary>
/// A report file could not be written, flushed or verified (most often: the disk is full). The run stops, its staging
/// folder is removed and the previous report is left byte for byte as it was; the CLI exits with code 2. The message
/// names the file as it is in the report folder (see <see cref="FileWriteException"/>).
/// </summary>
public sealed class ReportWriteException : FileWriteException
{
    /// <summary>Creates the error for <paramref name="path"/>.</summary>
    /// <param name="path">The report file, as it is named in the report folder.</param>
    /// <param name="inner">The I/O error.</param>
    public ReportWriteException(string path, Exception inner)
        : base(path, inner)
    {
    }

    /// <summary>Creates the error with a message of its own (a file that failed its verification).</summary>
    /// <param name="path">The report file.</param>
    /// <param name="message">One line.</param>
    public ReportWriteException(string path, string message)
        : base(path, message)
    {
    }

    /// <summary>Creates an empty error (for serializers); prefer the other constructors.</summary>
    public ReportWriteException()
    {
    }
}
