namespace Instacart.Data.Input;

/// <summary>An append-only typed column that grows by doubling and is trimmed once at the end.</summary>
internal struct ColumnBuilder<T>
{
    private T[] items;
    private int count;

    public ColumnBuilder(int capacity) => items = new T[Math.Max(16, capacity)];

    public readonly int Count => count;

    public void Add(T item)
    {
        if (count == items.Length)
        {
            Array.Resize(ref items, checked(items.Length * 2));
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

    /// <summary>A first guess of the row count from the file size and the smallest plausible row.</summary>
    public static int CapacityFor(string path, int minBytesPerRow) =>
        (int)Math.Min(Array.MaxLength, (new FileInfo(path).Length / minBytesPerRow) + 16);
}
