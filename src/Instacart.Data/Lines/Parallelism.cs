namespace Instacart.Data.Lines;

/// <summary>
/// How many threads the hot paths (hash, lines parse, merge, totals, group-bys) use, and the smallest range of lines
/// they split work into. A value, handed down explicitly from the load (<see cref="InstacartData"/> keeps the one it
/// was loaded with): <see cref="Default"/> everywhere, except where a test passes another to compare the paths.
/// </summary>
internal readonly record struct Parallelism
{
    /// <summary>The default smallest range of lines: big enough that a range's overhead is noise.</summary>
    public const int DefaultMinPerRange = 1 << 20;

    /// <summary>Up to <paramref name="degree"/> threads, ranges of at least <paramref name="minPerRange"/> lines.</summary>
    public Parallelism(int degree, int minPerRange = DefaultMinPerRange)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degree, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(minPerRange, 1);
        Degree = degree;
        MinPerRange = minPerRange;
    }

    /// <summary>One thread per processor, ranges of <see cref="DefaultMinPerRange"/> lines.</summary>
    public static Parallelism Default => new(Environment.ProcessorCount);

    /// <summary>The number of threads; 1 means the plain sequential path.</summary>
    public int Degree { get; }

    /// <summary>The smallest range of lines (tests lower it to split small data).</summary>
    public int MinPerRange { get; }

    /// <summary>
    /// Splits <c>[0, count)</c> into a fixed number of ranges that depends only on <paramref name="count"/> (and
    /// <see cref="MinPerRange"/>), so floating-point partial sums combined in range order are the same whatever the degree.
    /// </summary>
    public (int Start, int End)[] Ranges(int count)
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
    public void For(int count, Action<int> body)
    {
        if (Degree <= 1 || count <= 1)
        {
            for (var i = 0; i < count; i++)
            {
                body(i);
            }

            return;
        }

        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Degree }, body);
    }

    /// <summary>
    /// Runs <paramref name="body"/>(state, start, end) over every range on up to <see cref="Degree"/> workers: each
    /// worker owns one state made by <paramref name="create"/> and takes the next range no one has taken. Returns the
    /// workers' states, for the caller to merge.
    /// </summary>
    public T[] ForRanges<T>((int Start, int End)[] ranges, Func<T> create, Action<T, int, int> body)
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
}
