namespace Instacart.Data.Lines;

/// <summary>Columns read once, on first use, by a table that promised their row count beforehand.</summary>
internal static class LazyColumns
{
    /// <summary>
    /// Columns that <paramref name="read"/> gives on first use (with their row count), which must be
    /// <paramref name="count"/> rows; otherwise the use fails with <paramref name="changed"/>(rows read).
    /// </summary>
    public static Lazy<T> Of<T>(int count, Func<(int Rows, T Columns)> read, Func<int, string> changed) =>
        new(
            () =>
            {
                var (rows, columns) = read();
                return rows == count ? columns : throw new InvalidOperationException(changed(rows));
            },
            LazyThreadSafetyMode.ExecutionAndPublication);
}
