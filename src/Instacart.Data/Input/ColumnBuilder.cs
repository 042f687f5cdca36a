namespace Instacart.Data.Input;

/// <summary>
/// An append-only typed column that grows by doubling, toward the row count guessed from the file's size, and is
/// trimmed once at the end. It starts small whatever that guess: memory follows the rows actually read, so a
/// large file of garbage costs no more than its valid rows.
/// </summary>
internal struct ColumnBuilder<T>
{
    /// <summary>The most rows allocated before any is read.</summary>
    internal const int FirstCapacity = 1 << 16;

    private readonly int expected;
    private T[] items;
    private int count;

    /// <summary>Creates an empty column for about <paramref name="expected"/> rows (see <see cref="CapacityFor"/>).</summary>
    public ColumnBuilder(int expected)
    {
        this.expected = expected;
        items = new T[Math.Clamp(expected, 16, FirstCapacity)];
    }

    public readonly int Count => count;

    public void Add(T item)
    {
        if (count == items.Length)
        {
            Grow();
        }

        items[count++] = item;
    }

    public T[] ToArray()
    {
        if (items.Length != count)
        {
            Array.Resize(ref items, count);
        }

        return items;
    }

    /// <summary>A guess of the row count from the file size and the smallest plausible row (an upper bound for valid data).</summary>
    public static int CapacityFor(string path, int minBytesPerRow) =>
        (int)Math.Min(Array.MaxLength, (new FileInfo(path).Length / minBytesPerRow) + 16);

    private void Grow()
    {
        // Doubling, but not past the guess while it is ahead: a good guess ends with one array of the right size.
        var next = (int)Math.Min(Array.MaxLength, items.Length * 2L);
        if (expected > items.Length && expected < next)
        {
            next = expected;
        }

        if (next <= items.Length)
        {
            throw new OutOfMemoryException($"more than {Array.MaxLength} rows");
        }

        Array.Resize(ref items, next);
    }
}
