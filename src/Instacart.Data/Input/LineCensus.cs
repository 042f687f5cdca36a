namespace Instacart.Data.Input;

/// <summary>
/// What one pass over a big CSV file (the order lines, <c>orders.csv</c>) learned, chunk by chunk, beside its content
/// hash: the line breaks in each fixed chunk, where the chunk's first one falls, and where the last byte that no
/// order-lines row has falls. From it the range parser splits a lines file at line starts and sizes its columns, and
/// the orders reader sizes its own, without reading the file once more just to count.
/// </summary>
/// <remarks>
/// The census only sizes and splits: the parse still checks every range's row count, and the hash taken after the
/// parse still tells whether the file changed after the census was taken. A file of another length, or a chunk not
/// scanned whole, gives no ranges (the parser then counts the rows itself).
/// </remarks>
internal sealed class LineCensus
{
    private readonly long[] breaks;
    private readonly long[] firstBreak;
    private readonly long[] lastOther;
    private readonly long[] scanned;

    /// <summary>A census of a file of <paramref name="length"/> bytes, taken in chunks of <paramref name="chunkBytes"/>.</summary>
    public LineCensus(long length, int chunkBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunkBytes);
        Length = length;
        ChunkBytes = chunkBytes;
        var chunks = (int)((length + chunkBytes - 1) / chunkBytes);
        breaks = new long[chunks];
        firstBreak = new long[chunks];
        lastOther = new long[chunks];
        scanned = new long[chunks];
        Array.Fill(firstBreak, -1L);
        Array.Fill(lastOther, -1L);
    }

    /// <summary>The file's length when the census began.</summary>
    public long Length { get; }

    /// <summary>The bytes of one chunk (the last may be shorter).</summary>
    public int ChunkBytes { get; }

    /// <summary>The number of chunks.</summary>
    public int Chunks => breaks.Length;

    /// <summary>Whether every chunk was scanned whole.</summary>
    private bool Complete
    {
        get
        {
            for (var c = 0; c < Chunks; c++)
            {
                if (scanned[c] != Math.Min(ChunkBytes, Length - ((long)c * ChunkBytes)))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>
    /// Takes the next bytes of chunk <paramref name="chunk"/>, which start at file offset <paramref name="offset"/>.
    /// A chunk's bytes come in order and from one thread; different chunks may come from different threads.
    /// </summary>
    public void Take(int chunk, long offset, ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        if (firstBreak[chunk] < 0 && bytes.IndexOf((byte)'\n') is var at and >= 0)
        {
            firstBreak[chunk] = offset + at;
        }

        if (bytes.LastIndexOfAnyExcept(OrderLinesLoader.RowBytes) is var other and >= 0)
        {
            lastOther[chunk] = offset + other;
        }

        breaks[chunk] += bytes.Count((byte)'\n');
        scanned[chunk] += bytes.Length;
    }

    /// <summary>Every line break of the file, or null when the census cannot tell (a file of another length than <paramref name="length"/>, a chunk not scanned whole).</summary>
    public long? Breaks(long length)
    {
        if (length != Length || !Complete)
        {
            return null;
        }

        long sum = 0;
        foreach (var count in breaks)
        {
            sum += count;
        }

        return sum;
    }

    /// <summary>
    /// The file split at line starts into at most <paramref name="ranges"/> ranges, each from the first line start of
    /// its first chunk (the first from byte 0), with the line breaks in each (the header's counted in the first, as
    /// the parser's own count does). Null when the census cannot tell: a file of another length than
    /// <paramref name="length"/>, a chunk not scanned whole, fewer than two chunks, a chunk without a line break where
    /// a range starts, a range start at the end, or a byte after the header line that no data row has (the plain
    /// path then reads the file and reports it).
    /// </summary>
    public (long[] Bounds, long[] Breaks)? Ranges(int ranges, long length)
    {
        if (length != Length || Chunks < 2 || ranges < 2)
        {
            return null;
        }

        if (!Complete)
        {
            return null;
        }

        // The header line may hold any text; every byte after its line break must be a data row's.
        if (firstBreak[0] < 0 || lastOther[0] > firstBreak[0] || lastOther.AsSpan(1).ContainsAnyExcept(-1L))
        {
            return null;
        }

        var count = Math.Min(ranges, Chunks);
        var starts = new int[count + 1];
        var bounds = new long[count + 1];
        for (var k = 1; k < count; k++)
        {
            starts[k] = (int)((long)k * Chunks / count);
            if (firstBreak[starts[k]] < 0 || firstBreak[starts[k]] + 1 >= Length)
            {
                return null;
            }

            bounds[k] = firstBreak[starts[k]] + 1;
        }

        starts[count] = Chunks;
        bounds[count] = Length;

        // Breaks in [bounds[k], bounds[k+1]): those of its chunks, less the one before its start (the first break of
        // its first chunk, when it is not the file's start), plus the one ending its last line (the first break of the
        // next range's first chunk, when there is a next range).
        var perRange = new long[count];
        for (var k = 0; k < count; k++)
        {
            long sum = 0;
            for (var c = starts[k]; c < starts[k + 1]; c++)
            {
                sum += breaks[c];
            }

            perRange[k] = sum - (k > 0 ? 1 : 0) + (k < count - 1 ? 1 : 0);
        }

        return (bounds, perRange);
    }
}
