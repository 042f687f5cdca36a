namespace Instacart.Data.Lines;

/// <summary>
/// How many threads the hot paths (lines parse, merge, group-bys) use: one per processor unless a caller (a
/// test comparing the parallel path with the plain one) sets it for its own flow with <see cref="Use"/>.
/// </summary>
internal static class Parallelism
{
    /// <summary>The default smallest range of lines: big enough that a range's overhead is noise.</summary>
    public const int DefaultMinPerRange = 1 << 20;

    private static readonly AsyncLocal<(int Degree, int MinPerRange)?> Override = new();

    /// <summary>The degree for the current flow; 1 means the plain sequential path.</summary>
    public static int Degree => Override.Value?.Degree ?? Environment.ProcessorCount;

    /// <summary>The smallest range of lines for the current flow (tests lower it to split small data).</summary>
    public static int MinPerRange => Override.Value?.MinPerRange ?? DefaultMinPerRange;

    /// <summary>Sets the degree (and the smallest range) for the current flow until the result is disposed.</summary>
    public static IDisposable Use(int degree, int minPerRange = DefaultMinPerRange)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degree, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(minPerRange, 1);
        var previous = Override.Value;
        Override.Value = (degree, minPerRange);
        return new Restore(previous);
    }

    /// <summary>
    /// Splits <c>[0, count)</c> into a fixed number of ranges that depends only on <paramref name="count"/>, so
    /// floating-point partial sums combined in range order are the same whatever the degree.
    /// </summary>
    public static (int Start, int End)[] Ranges(int count)
    {
        var ranges = Math.Clamp(count / MinPerRange, 1, 64);
        var result = new (int, int)[ranges];
        for (var r = 0; r < ranges; r++)
        {
            result[r] = ((int)((long)count * r / ranges), (int)((long)count * (r + 1) / ranges));
        }

        return result;
    }

    /// <summary>Runs <paramref name="body"/> for each index in <c>[0, count)</c> on up to <see cref="Degree"/> threads.</summary>
    public static void For(int count, Action<int> body)
    {
        var degree = Degree;
        if (degree <= 1 || count <= 1)
        {
            for (var i = 0; i < count; i++)
            {
                body(i);
            }

            return;
        }

        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = degree }, body);
    }

    /// <summary>
    /// Runs <paramref name="body"/>(state, start, end) over every range on up to <see cref="Degree"/> workers: each
    /// worker owns one state made by <paramref name="create"/> and takes the next range no one has taken. Returns the
    /// workers' states, for the caller to merge.
    /// </summary>
    public static T[] ForRanges<T>((int Start, int End)[] ranges, Func<T> create, Action<T, int, int> body)
    {
        var workers = Math.Max(1, Math.Min(Degree, ranges.Length));
        var states = new T[workers];
        var next = -1;
        For(workers, w =>
        {
            var state = create();
            int r;
            while ((r = Interlocked.Increment(ref next)) < ranges.Length)
            {
                body(state, ranges[r].Start, ranges[r].End);
            }

            states[w] = state;
        });
        return states;
    }

    private sealed class Restore((int, int)? previous) : IDisposable
    {
        public void Dispose() => Override.Value = previous;
    }
}
