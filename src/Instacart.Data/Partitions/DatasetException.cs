namespace Instacart.Data.Partitions;

/// <summary>
/// A partitioned dataset that may not be written where asked (a folder that is not one), or that cannot be read as
/// written: a missing or changed file, a manifest of another format. The message is one line naming the part and the file.
/// </summary>
public sealed class DatasetException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">One line naming the folder, part and file concerned.</param>
    public DatasetException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with its cause.</summary>
    /// <param name="message">One line naming the folder, part and file concerned.</param>
    /// <param name="inner">What failed underneath.</param>
    public DatasetException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
