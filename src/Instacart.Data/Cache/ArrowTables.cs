using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;

namespace Instacart.Data.Cache;

/// <summary>
/// Writes and reads one table as an Arrow IPC file in batches of at most <see cref="BatchRows"/> rows, with the
/// <see cref="Checksum"/> of every column's values. Reading checks the schema (names, types, order), the row count,
/// that no value is null and the checksum; anything else is a <see cref="CacheDamagedException"/>.
/// </summary>
internal static class ArrowTables
{
    /// <summary>Rows per record batch: bounds the extra memory of a write or read to one batch.</summary>
    public const int BatchRows = 1 << 20;

    /// <summary>A schema of non-nullable fields, tagged with the cache format and the table's name.</summary>
    public static Schema Schema(string table, params (string Name, IArrowType Type)[] fields) =>
        new(
            fields.Select(f => new Field(f.Name, f.Type, nullable: false)),
            [new KeyValuePair<string, string>("instacart-cache", InputCache.FormatVersion), new KeyValuePair<string, string>("table", table)]);

    /// <summary>A fixed-width column of <paramref name="type"/> holding <paramref name="values"/> (copied into one of the batch's buffers).</summary>
    public static IArrowArray Fixed<T>(IArrowType type, ReadOnlySpan<T> values, BatchBuffers buffers)
        where T : unmanaged =>
        ArrowArrayFactory.BuildArray(new ArrayData(type, values.Length, 0, 0, new[] { ArrowBuffer.Empty, buffers.Copy(values) }));

    /// <summary>A UTF-8 column slice; every value is non-null.</summary>
    public static IArrowArray Utf8(IReadOnlyList<string> values, int start, int count)
    {
        var builder = new StringArray.Builder();
        for (var i = start; i < start + count; i++)
        {
            builder.Append(values[i]);
        }

        return builder.Build();
    }

    /// <summary>
    /// Writes <paramref name="rows"/> rows to <paramref name="path"/>, the columns of each batch made by
    /// <paramref name="batch"/>(start, count, buffers); returns the file's length and the checksum of its values.
    /// </summary>
    public static (long Bytes, ulong Checksum) Write(string path, Schema schema, int rows, Func<int, int, BatchBuffers, IArrowArray[]> batch)
    {
        var checksum = default(Checksum);
        using var buffers = new BatchBuffers();
        using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
        {
            using var writer = new ArrowFileWriter(stream, schema, leaveOpen: true);
            writer.WriteStart();
            var start = 0;
            do
            {
                var count = Math.Min(BatchRows, rows - start);
                var columns = batch(start, count, buffers);
                foreach (var column in columns)
                {
                    AddValues(ref checksum, column);
                }

                using (var record = new RecordBatch(schema, columns, count))
                {
                    writer.WriteRecordBatch(record);
                }

                buffers.Return();
                start += count;
            }
            while (start < rows);

            writer.WriteEnd();
            stream.Flush(flushToDisk: false);
            return (stream.Length, checksum.Value);
        }
    }

    /// <summary>
    /// Reads <paramref name="path"/>, checks it against <paramref name="schema"/>, <paramref name="table"/>'s length,
    /// row count and checksum, and hands each batch to <paramref name="consume"/>(first row, batch). Batches are read
    /// on all cores, each by its own reader; every batch but the last holds <see cref="BatchRows"/> rows.
    /// </summary>
    public static void Read(string path, Schema schema, CachedTable table, Action<int, RecordBatch> consume)
    {
        int batches;
        using (var stream = Open(path))
        {
            if (stream.Length != table.Bytes)
            {
                throw new CacheDamagedException($"{table.File} is {stream.Length} bytes, not {table.Bytes}");
            }

            using var reader = new ArrowFileReader(stream, leaveOpen: true);
            CheckSchema(reader.Schema, schema, table.File);
            batches = reader.RecordBatchCountAsync().AsTask().GetAwaiter().GetResult();
        }

        if (batches != Math.Max(1, (table.Rows + BatchRows - 1) / BatchRows))
        {
            throw new CacheDamagedException($"{table.File} has {batches} batches for {table.Rows} rows");
        }

        var parts = new ulong[batches][];
        var lengths = new long[batches];
        Parallel.For(
            0,
            batches,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => (Stream: (FileStream?)null, Reader: (ArrowFileReader?)null),
            (batch, _, local) =>
            {
                if (local.Reader is null)
                {
                    local.Stream = Open(path);
                    local.Reader = new ArrowFileReader(local.Stream, leaveOpen: true);
                }

                using var record = local.Reader.ReadRecordBatchAsync(batch, CancellationToken.None).AsTask().GetAwaiter().GetResult()
                    ?? throw new CacheDamagedException($"{table.File} lacks batch {batch}");
                var first = (long)batch * BatchRows;
                var expected = Math.Min(BatchRows, table.Rows - first);
                if (record.ColumnCount != schema.FieldsList.Count || record.Length != expected)
                {
                    throw new CacheDamagedException($"{table.File} has a batch of {record.ColumnCount} columns and {record.Length} rows, not {schema.FieldsList.Count} and {expected}");
                }

                var sums = new List<ulong>(record.ColumnCount + 1);
                foreach (var column in record.Arrays)
                {
                    if (column.Length != record.Length || column.NullCount != 0)
                    {
                        throw new CacheDamagedException($"{table.File} has a column of the wrong length or with nulls");
                    }

                    AddValues(sums, column);
                }

                consume((int)first, record);
                parts[batch] = [.. sums];
                lengths[batch] = record.Length;
                return local;
            },
            local =>
            {
                local.Reader?.Dispose();
                local.Stream?.Dispose();
            });

        if (lengths.Sum() != table.Rows)
        {
            throw new CacheDamagedException($"{table.File} has {lengths.Sum()} rows, not {table.Rows}");
        }

        var checksum = default(Checksum);
        foreach (var part in parts.SelectMany(p => p))
        {
            checksum.AddPart(part);
        }

        if (checksum.Value != Convert.ToUInt64(table.Checksum, 16))
        {
            throw new CacheDamagedException($"{table.File} fails its checksum");
        }
    }

    /// <summary>Copies a fixed-width column of a batch into <paramref name="target"/> at <paramref name="start"/>.</summary>
    public static void CopyTo<T>(IArrowArray column, T[] target, int start)
        where T : unmanaged
    {
        var values = column switch
        {
            PrimitiveArray<int> a => MemoryMarshal.AsBytes(a.Values),
            PrimitiveArray<long> a => MemoryMarshal.AsBytes(a.Values),
            PrimitiveArray<byte> a => a.Values,
            PrimitiveArray<float> a => MemoryMarshal.AsBytes(a.Values),
            PrimitiveArray<double> a => MemoryMarshal.AsBytes(a.Values),
            _ => throw new CacheDamagedException($"unexpected column type {column.Data.DataType.Name}"),
        };
        var into = MemoryMarshal.AsBytes(target.AsSpan(start, column.Length));
        if (values.Length != into.Length)
        {
            throw new CacheDamagedException($"a column of {values.Length} bytes for {column.Length} values of {typeof(T).Name}");
        }

        values.CopyTo(into);
    }

    /// <summary>
    /// Copies a UTF-8 column of a batch into <paramref name="target"/> at <paramref name="start"/>, one string per
    /// distinct value (genders, states, dates repeat), decoded straight from the batch's offsets and bytes.
    /// </summary>
    public static void CopyTo(IArrowArray column, string[] target, int start)
    {
        var strings = column as StringArray ?? throw new CacheDamagedException($"unexpected column type {column.Data.DataType.Name}");
        var offsets = strings.ValueOffsets;
        var bytes = strings.ValueBuffer.Span;
        var pool = new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> chars = stackalloc char[256];
        for (var i = 0; i < strings.Length; i++)
        {
            var value = bytes[offsets[i]..offsets[i + 1]];
            if (value.Length > chars.Length)
            {
                target[start + i] = Encoding.UTF8.GetString(value);
                continue;
            }

            var text = chars[..Encoding.UTF8.GetChars(value, chars)];
            if (!pool.TryGetValue(text, out var pooled))
            {
                pooled = text.ToString();
                pool[text] = pooled;
            }

            target[start + i] = pooled;
        }
    }

    private static void CheckSchema(Schema found, Schema expected, string file)
    {
        var same = found.FieldsList.Count == expected.FieldsList.Count
            && found.FieldsList.Zip(expected.FieldsList).All(p => p.First.Name == p.Second.Name && p.First.DataType.TypeId == p.Second.DataType.TypeId)
            && found.Metadata is { } metadata
            && metadata.TryGetValue("instacart-cache", out var format) && format == InputCache.FormatVersion
            && metadata.TryGetValue("table", out var name) && expected.Metadata.TryGetValue("table", out var expectedName) && name == expectedName;
        if (!same)
        {
            throw new CacheDamagedException($"{file} has the wrong schema");
        }
    }

    private static void AddValues(ref Checksum checksum, IArrowArray column)
    {
        var parts = new List<ulong>(2);
        AddValues(parts, column);
        foreach (var part in parts)
        {
            checksum.AddPart(part);
        }
    }

    /// <summary>The checksum parts of one column's values: its values (strings: offsets, then the bytes they span).</summary>
    private static void AddValues(List<ulong> parts, IArrowArray column)
    {
        switch (column)
        {
            case PrimitiveArray<int> a:
                parts.Add(Checksum.Of(MemoryMarshal.AsBytes(a.Values)));
                break;
            case PrimitiveArray<long> a:
                parts.Add(Checksum.Of(MemoryMarshal.AsBytes(a.Values)));
                break;
            case PrimitiveArray<byte> a:
                parts.Add(Checksum.Of(a.Values));
                break;
            case PrimitiveArray<float> a:
                parts.Add(Checksum.Of(MemoryMarshal.AsBytes(a.Values)));
                break;
            case PrimitiveArray<double> a:
                parts.Add(Checksum.Of(MemoryMarshal.AsBytes(a.Values)));
                break;
            case StringArray s:
                var offsets = s.ValueOffsets;
                parts.Add(Checksum.Of(MemoryMarshal.AsBytes(offsets)));
                parts.Add(Checksum.Of(s.Length == 0 ? [] : s.ValueBuffer.Span[offsets[0]..offsets[s.Length]]));
                break;
            default:
                throw new CacheDamagedException($"unexpected column type {column.Data.DataType.Name}");
        }
    }

    private static FileStream Open(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1, FileOptions.RandomAccess);

    /// <summary>
    /// The pooled arrays holding one batch's column copies, given back once the batch is written: a full-scale write
    /// otherwise leaves hundreds of megabytes of batch copies on the large-object heap until the next full collection,
    /// which pushed the first (cache-writing) load's peak working set above 2 GB. One per write, used by its thread.
    /// </summary>
    internal sealed class BatchBuffers : IDisposable
    {
        private readonly List<byte[]> rented = [];

        /// <summary>A copy of <paramref name="values"/> in a pooled array, kept until <see cref="Return"/>.</summary>
        public ArrowBuffer Copy<T>(ReadOnlySpan<T> values)
            where T : unmanaged
        {
            var bytes = MemoryMarshal.AsBytes(values);
            var array = ArrayPool<byte>.Shared.Rent(Math.Max(1, bytes.Length));
            bytes.CopyTo(array);
            rented.Add(array);
            return new ArrowBuffer(array.AsMemory(0, bytes.Length));
        }

        /// <summary>Gives back the arrays of the batch just written.</summary>
        public void Return()
        {
            foreach (var array in rented)
            {
                ArrayPool<byte>.Shared.Return(array);
            }

            rented.Clear();
        }

        /// <inheritdoc />
        public void Dispose() => Return();
    }
}

/// <summary>A cache file that is not what its manifest says: truncated, corrupt, of another schema or row count.</summary>
internal sealed class CacheDamagedException(string message) : Exception(message);
