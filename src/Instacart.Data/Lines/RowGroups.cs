namespace Instacart.Data.Lines;

/// <summary>
/// Rows grouped by an integer key, each group's rows in row order: what the grouped-input paths read directly
/// (lines of one order together, orders of one customer together) made for input that is not grouped (real exports
/// are not always sorted). A stable counting sort by key, on several cores: each worker counts the keys of its own
/// slice of rows, then writes its rows straight to their places; no sort of the rows, no table keyed by row.
/// </summary>
/// <remarks>
/// Keys spread over far more values than there are rows (ids that are not dense) take a least-significant-digit
/// radix sort instead, sixteen bits a pass, so memory stays a few arrays of the row count either way.
/// </remarks>
internal sealed class RowGroups
{
    /// <summary>Rows per worker's slice, at least: below this one thread counts and places every row.</summary>
    private const int MinRowsPerWorker = 1 << 16;

    private RowGroups(int[] rows, int[] starts, int keyMin = 0, int[]? keys = null)
    {
        Rows = rows;
        Starts = starts;
        this.keyMin = keyMin;
        groupKeys = keys;
    }

    /// <summary>The key of group 0 when the groups are one per value (dense keys).</summary>
    private readonly int keyMin;

    /// <summary>Each group's key when the groups are one per distinct key (sparse keys); null when dense.</summary>
    private readonly int[]? groupKeys;

    /// <summary>
    /// Every row once, grouped by key in increasing key order, each group in row order: the row's number, or what the
    /// caller chose to keep of it (<see cref="ByKey{TValue}(int[], TValue, Parallelism)"/>).
    /// </summary>
    public int[] Rows { get; }

    /// <summary>Where each group starts in <see cref="Rows"/>, and the end: group <c>g</c> is <c>[Starts[g], Starts[g + 1])</c> (a group may be empty).</summary>
    public int[] Starts { get; }

    /// <summary>The key whose rows are group <paramref name="group"/>.</summary>
    public int KeyOf(int group) => groupKeys?[group] ?? keyMin + group;

    /// <summary>Whether there is one group per value from the smallest key to the largest (<see cref="GroupOf"/> then finds a key's group by arithmetic).</summary>
    public bool IsDense => groupKeys is null;

    /// <summary>The group of <paramref name="key"/> when the groups are dense (<see cref="IsDense"/>), or -1 when the key is outside them (or they are not dense).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public int GroupOf(int key)
    {
        var group = (long)key - keyMin;
        return groupKeys is null && (ulong)group < (ulong)(Starts.Length - 1) ? (int)group : -1;
    }

    /// <summary>The number of groups (some may be empty).</summary>
    public int Count => Starts.Length - 1;

    /// <summary>The rows of group <paramref name="group"/>, in row order.</summary>
    public ReadOnlySpan<int> this[int group] => Rows.AsSpan(Starts[group], Starts[group + 1] - Starts[group]);

    /// <summary>
    /// Ranges of groups for the workers: <paramref name="parallelism"/>'s ranges of rows (<see cref="Parallelism.Ranges"/>),
    /// each cut moved to where a group starts, so that each group is one worker's.
    /// </summary>
    public (int Start, int End)[] Ranges(Parallelism parallelism)
    {
        var rowRanges = parallelism.Ranges(Rows.Length);
        var cuts = new int[rowRanges.Length + 1];
        for (var r = 1; r < rowRanges.Length; r++)
        {
            cuts[r] = Math.Max(cuts[r - 1], FirstGroupAtOrAfter(rowRanges[r].Start));
        }

        cuts[^1] = Count;
        return [.. Enumerable.Range(0, rowRanges.Length).Select(r => (cuts[r], cuts[r + 1])).Where(range => range.Item1 < range.Item2)];
    }

    /// <summary>
    /// The rows of <paramref name="keys"/> grouped by key: one group per value from the smallest key to the largest
    /// when they are dense, else one group per distinct key; either way in increasing key order.
    /// </summary>
    public static RowGroups ByKey(int[] keys, Parallelism parallelism) => ByKey(keys, default(RowNumber), parallelism);

    /// <summary>As <see cref="ByKey(int[], Parallelism)"/>, keeping <paramref name="kept"/>'s value of each row instead of its number.</summary>
    public static RowGroups ByKey<TValue>(int[] keys, TValue kept, Parallelism parallelism)
        where TValue : struct, IRowValue
    {
        if (keys.Length == 0)
        {
            return new RowGroups([], [0]);
        }

        var (min, max) = MinMax(keys);
        var range = (long)max - min + 1;
        return range <= (4L * keys.Length) + 1024
            ? Dense(keys, min, (int)range, kept, parallelism)
            : Sparse(keys, min, kept);
    }

    /// <summary>
    /// The rows of <paramref name="keys"/>, each in <c>[0, keyCount)</c>, grouped by key (one group per key), keeping
    /// <paramref name="kept"/>'s value of each row instead of its number: a pass that reads the groups in order then
    /// reads one array straight through.
    /// </summary>
    public static RowGroups ByKey<TValue>(int[] keys, int keyCount, TValue kept, Parallelism parallelism)
        where TValue : struct, IRowValue =>
        Dense(keys, 0, keyCount, kept, parallelism);

    /// <summary>The first group that starts at or after <paramref name="position"/> in <see cref="Rows"/>.</summary>
    private int FirstGroupAtOrAfter(int position)
    {
        int low = 0, high = Starts.Length - 1;
        while (low < high)
        {
            var mid = low + ((high - low) / 2);
            if (Starts[mid] < position)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private static (int Min, int Max) MinMax(int[] keys)
    {
        int min = int.MaxValue, max = int.MinValue;
        foreach (var key in keys)
        {
            min = Math.Min(min, key);
            max = Math.Max(max, key);
        }

        return (min, max);
    }

    /// <summary>
    /// The counting sort of keys <c>keys[i] - min</c> in <c>[0, range)</c>, in two
    /// steps so that no step writes all over memory: the rows are first placed by the high bits of their key into at
    /// most a few hundred buckets (each worker its own slice of rows and its own bucket counts), the low bits kept
    /// beside them; then each bucket, small enough for the cache, is sorted by the low bits on its own.
    /// </summary>
    private static RowGroups Dense<TValue>(int[] keys, int min, int range, TValue kept, Parallelism parallelism)
        where TValue : struct, IRowValue
    {
        var n = keys.Length;
        var lowBits = Math.Clamp(BitLength(range - 1) - BucketBits, 0, 16);
        var lowMask = (1 << lowBits) - 1;
        var buckets = ((range - 1) >> lowBits) + 1;

        var workers = Math.Clamp(Math.Min(parallelism.Degree, n / MinRowsPerWorker), 1, 64);
        var slices = new (int Start, int End)[workers];
        for (var w = 0; w < workers; w++)
        {
            slices[w] = ((int)((long)n * w / workers), (int)((long)n * (w + 1) / workers));
        }

        // Step 1: each worker counts its slice's rows per bucket, then places them (stable: slices in row order).
        var counts = new int[workers][];
        parallelism.For(workers, w =>
        {
            var count = new int[buckets];
            var (start, end) = slices[w];
            for (var i = start; i < end; i++)
            {
                count[(keys[i] - min) >> lowBits]++;
            }

            counts[w] = count;
        });

        var bucketStarts = new int[buckets + 1];
        var at = 0;
        for (var b = 0; b < buckets; b++)
        {
            bucketStarts[b] = at;
            for (var w = 0; w < workers; w++)
            {
                var c = counts[w][b];
                counts[w][b] = at;
                at += c;
            }
        }

        bucketStarts[buckets] = at;
        var rows = new int[n];
        var low = new ushort[n];
        parallelism.For(workers, w =>
        {
            var next = counts[w];
            var (start, end) = slices[w];
            for (var i = start; i < end; i++)
            {
                var key = keys[i] - min;
                var place = next[key >> lowBits]++;
                rows[place] = kept.Of(i);
                low[place] = (ushort)(key & lowMask);
            }
        });

        // Step 2: each bucket by the low bits of its keys, through a worker's buffer; the group starts come out of it.
        var starts = new int[range + 1];
        starts[range] = n;
        var bucketRanges = BucketRanges(bucketStarts, parallelism);
        parallelism.ForRanges(bucketRanges, () => new BucketSort(1 << lowBits), (sort, first, last) =>
        {
            for (var b = first; b < last; b++)
            {
                sort.Sort(rows, low, bucketStarts[b], bucketStarts[b + 1], starts, b << lowBits, Math.Min(1 << lowBits, range - (b << lowBits)));
            }
        });

        return new RowGroups(rows, starts, min);
    }

    /// <summary>
    /// At most this many bits of a key choose its bucket in the first step (256 buckets, up to 16 bits of key below them):
    /// the placement writes three arrays at one place per bucket, and a few hundred places stay in the caches and the
    /// TLB where 2,048 did not (11 bits cost twice the CPU time on shuffled full-scale lines; RESULTS.md section 0d).
    /// </summary>
    private const int BucketBits = 8;

    private static int BitLength(int value) => value <= 0 ? 0 : 32 - int.LeadingZeroCount(value);

    /// <summary>Ranges of buckets of about equal rows, as many as <paramref name="parallelism"/> has ranges of rows.</summary>
    private static (int Start, int End)[] BucketRanges(int[] bucketStarts, Parallelism parallelism)
    {
        var buckets = bucketStarts.Length - 1;
        var rowRanges = parallelism.Ranges(bucketStarts[^1]);
        var cuts = new List<int> { 0 };
        var b = 0;
        foreach (var (start, _) in rowRanges.Skip(1))
        {
            while (b < buckets && bucketStarts[b] < start)
            {
                b++;
            }

            if (b > cuts[^1])
            {
                cuts.Add(b);
            }
        }

        if (buckets > cuts[^1])
        {
            cuts.Add(buckets);
        }

        return [.. Enumerable.Range(0, cuts.Count - 1).Select(k => (cuts[k], cuts[k + 1]))];
    }

    /// <summary>One worker's sort of buckets by the low bits of their keys.</summary>
    private sealed class BucketSort(int keys)
    {
        private readonly int[] count = new int[keys];
        private int[] buffer = new int[1024];

        /// <summary>
        /// Sorts <c>rows[start, end)</c> stably by <paramref name="low"/>, writing the starts of the bucket's
        /// <paramref name="keyCount"/> keys (from <paramref name="firstKey"/>) into <paramref name="starts"/>.
        /// </summary>
        public void Sort(int[] rows, ushort[] low, int start, int end, int[] starts, int firstKey, int keyCount)
        {
            var counts = count.AsSpan(0, keyCount);
            counts.Clear();
            for (var i = start; i < end; i++)
            {
                counts[low[i]]++;
            }

            var at = start;
            for (var k = 0; k < keyCount; k++)
            {
                starts[firstKey + k] = at;
                var c = counts[k];
                counts[k] = at - start;
                at += c;
            }

            if (buffer.Length < end - start)
            {
                buffer = new int[Math.Max(end - start, buffer.Length * 2)];
            }

            for (var i = start; i < end; i++)
            {
                buffer[counts[low[i]]++] = rows[i];
            }

            Array.Copy(buffer, 0, rows, start, end - start);
        }
    }

    /// <summary>Sparse keys: a stable LSD radix sort of the rows by <c>key - min</c>, sixteen bits a pass; one group per distinct key.</summary>
    private static RowGroups Sparse<TValue>(int[] keys, int min, TValue kept)
        where TValue : struct, IRowValue
    {
        var n = keys.Length;
        var key = new uint[n];
        var rows = new int[n];
        for (var i = 0; i < n; i++)
        {
            key[i] = (uint)(keys[i] - min);
            rows[i] = i;
        }

        var keyOut = new uint[n];
        var rowsOut = new int[n];
        var count = new int[(1 << 16) + 1];
        for (var shift = 0; shift < 32; shift += 16)
        {
            Array.Clear(count);
            foreach (var k in key)
            {
                count[((k >> shift) & 0xFFFF) + 1]++;
            }

            for (var d = 0; d < 1 << 16; d++)
            {
                count[d + 1] += count[d];
            }

            for (var i = 0; i < n; i++)
            {
                var place = count[(key[i] >> shift) & 0xFFFF]++;
                keyOut[place] = key[i];
                rowsOut[place] = rows[i];
            }

            (key, keyOut) = (keyOut, key);
            (rows, rowsOut) = (rowsOut, rows);
        }

        var starts = new List<int>(Math.Min(n, 1 << 20)) { 0 };
        for (var i = 1; i < n; i++)
        {
            if (key[i] != key[i - 1])
            {
                starts.Add(i);
            }
        }

        starts.Add(n);
        var groupKeys = new int[starts.Count - 1];
        for (var g = 0; g < groupKeys.Length; g++)
        {
            groupKeys[g] = unchecked((int)(key[starts[g]] + (uint)min));
        }

        for (var i = 0; i < n; i++)
        {
            rows[i] = kept.Of(rows[i]);
        }

        return new RowGroups(rows, [.. starts], min, groupKeys);
    }

    /// <summary>What a grouping keeps of each row (a struct, so the counting sort is compiled for it).</summary>
    public interface IRowValue
    {
        /// <summary>The value kept of <paramref name="row"/>.</summary>
        int Of(int row);
    }

    /// <summary>The row's own number.</summary>
    private readonly struct RowNumber : IRowValue
    {
        public int Of(int row) => row;
    }
}
