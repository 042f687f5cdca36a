namespace Instacart.Data.Input;

/// <summary>
/// Bad input: a missing file, a wrong header, or a value that does not meet its schema.
/// The message is one line naming the file, the line, the column, what was expected and what was found.
/// </summary>
public sealed class InputException : Exception
{
    /// <summary>Creates the error for one place in one file.</summary>
    /// <param name="file">The file's name (not its full path), e.g. <c>orders.csv</c>.</param>
    /// <param name="line">The 1-based line of the file, or 0 when the error is about the whole file.</param>
    /// <param name="column">The 1-based column (field) number, or 0 when the error is about the whole line or file.</param>
    /// <param name="columnName">The column's name in the schema, or <c>null</c>.</param>
    /// <param name="expected">What the schema expects there.</param>
    /// <param name="found">What was found, already made safe to print (personal fields say "invalid text").</param>
    public InputException(string file, long line, int column, string? columnName, string expected, string found)
        : base(Describe(file, line, column, columnName, expected, found))
    {
        File = file;
        Line = line;
        Column = column;
        ColumnName = columnName;
        Expected = expected;
        Found = found;
    }

    /// <summary>The file's name, e.g. <c>orders.csv</c>.</summary>
    public string File { get; }

    /// <summary>The 1-based line, or 0 for the whole file.</summary>
    public long Line { get; }

    /// <summary>The 1-based column number, or 0 for the whole line or file.</summary>
    public int Column { get; }

    /// <summary>The column's name in the schema, when the error is about one column.</summary>
    public string? ColumnName { get; }

    /// <summary>What the schema expects.</summary>
    public string Expected { get; }

    /// <summary>What was found (never a personal value).</summary>
    public string Found { get; }

    private static string Describe(string file, long line, int column, string? columnName, string expected, string found)
    {
        var where = file;
        if (line > 0)
        {
            where += $": line {line}";
        }

        if (column > 0)
        {
            where += columnName is null ? $", column {column}" : $", column {column} ({columnName})";
        }

        return $"{where}: expected {expected}, found {found}";
    }
}
