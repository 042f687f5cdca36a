namespace Instacart.Notebooks.Publishing;

/// <summary>
/// A run that may not write where it was asked to (a folder that is not ours, the data folder, a folder in use by
/// another run, an <c>--only</c> that matches nothing or would mix two datasets). Nothing was written; the message is
/// one line naming the folder and what to do. The CLI exits with code 2.
/// </summary>
public sealed class ReportRefusedException : Exception
{
    /// <summary>Creates the refusal.</summary>
    /// <param name="message">One line: the folder (or pattern) and what to do.</param>
    public ReportRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the refusal with its cause.</summary>
    /// <param name="message">One line: the folder (or pattern) and what to do.</param>
    /// <param name="inner">The cause.</param>
    public ReportRefusedException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates an empty refusal (for serializers); prefer the other constructors.</summary>
    public ReportRefusedException()
    {
    }
}
