using Apache.Arrow;
using Apache.Arrow.Types;
using Array = System.Array;

namespace Instacart.Data.Cache;

/// <summary>
/// One table of a cache entry, described once: a function that names each column, its Arrow type and where its values
/// come from, and builds the table read back from those columns. The schema, the write and the read all run that one
/// description, so a column is listed in one place and its position is the same in all three.
/// </summary>
/// <typeparam name="TSource">What is written (a table of the load).</typeparam>
/// <typeparam name="TRead">What a read gives back (usually the same table).</typeparam>
internal sealed class ArrowTable<TSource, TRead>
{
    private readonly Func<ArrowColumns<TSource>, TRead> describe;
    private readonly IReadOnlyList<ArrowColumns<TSource>.Column> columns;

    /// <summary>The table <paramref name="name"/> as <paramref name="describe"/> lays it out.</summary>
    public ArrowTable(string name, Func<ArrowColumns<TSource>, TRead> describe)
    {
        Name = name;
        this.describe = describe;
        var layout = new ArrowColumns<TSource>.Layout();
        describe(layout);
        columns = layout.Columns;
        Schema = ArrowTables.Schema(name, [.. columns.Select(c => (c.Name, c.Type))]);
    }

    /// <summary>The table's name in the manifest and in its file's name.</summary>
    public string Name { get; }

    /// <summary>The Arrow schema: the columns' names and types in order, tagged with the format and the table's name.</summary>
    public Schema Schema { get; }

    /// <summary>Writes <paramref name="source"/> into the entry directory <paramref name="entry"/> (atomically); returns what the manifest records.</summary>
    public CachedTable Write(string entry, TSource source)
    {
        var values = new ArrowColumns<TSource>.Values(source, columns);
        describe(values);
        var rows = values.Rows;
        return InputCache.WriteTable(entry, Name, rows, path => ArrowTables.Write(path, Schema, rows, (start, count, buffers) =>
        {
            var batch = new IArrowArray[columns.Count];
            for (var k = 0; k < batch.Length; k++)
            {
                batch[k] = columns[k].Slice(values.Of(k), start, count, buffers);
            }

            return batch;
        }));
    }

    /// <summary>
    /// Reads <paramref name="table"/> of the entry directory <paramref name="entry"/>, checked against the schema, its
    /// length, row count and checksum (<see cref="ArrowTables.Read"/>); a damaged file is a <see cref="CacheDamagedException"/>.
    /// </summary>
    public TRead Read(string entry, CachedTable table)
    {
        var rows = InputCache.Rows(table);
        var arrays = columns.Select(c => c.Allocate(rows)).ToArray();
        ArrowTables.Read(Path.Combine(entry, Path.GetFileName(table.File)), Schema, table, (start, batch) =>
        {
            for (var k = 0; k < arrays.Length; k++)
            {
                columns[k].CopyTo(batch.Column(k), arrays[k], start);
            }
        });
        return describe(new ArrowColumns<TSource>.Filled(arrays, columns));
    }
}

/// <summary>
/// What a table's description calls once per column, in order: <see cref="Fixed{T}"/> for a fixed-width column,
/// <see cref="Utf8"/> for a string column. Each returns the column's values (read back, or as written).
/// </summary>
/// <typeparam name="TSource">What the table is written from.</typeparam>
internal abstract class ArrowColumns<TSource>
{
    private int next;

    private ArrowColumns()
    {
    }

    /// <summary>A fixed-width column: its name, its Arrow type (of <typeparamref name="T"/>'s width) and its values in <typeparamref name="TSource"/>.</summary>
    public T[] Fixed<T>(string name, IArrowType type, Func<TSource, T[]> values)
        where T : unmanaged => (T[])Visit(new FixedColumn<T>(name, type), source => values(source));

    /// <summary>A 32-bit integer column.</summary>
    public int[] Int32(string name, Func<TSource, int[]> values) => Fixed(name, Int32Type.Default, values);

    /// <summary>A 64-bit integer column.</summary>
    public long[] Int64(string name, Func<TSource, long[]> values) => Fixed(name, Int64Type.Default, values);

    /// <summary>An unsigned byte column.</summary>
    public byte[] UInt8(string name, Func<TSource, byte[]> values) => Fixed(name, UInt8Type.Default, values);

    /// <summary>A 32-bit float column (NaN stays NaN).</summary>
    public float[] Float(string name, Func<TSource, float[]> values) => Fixed(name, FloatType.Default, values);

    /// <summary>A 64-bit float column (NaN stays NaN).</summary>
    public double[] Double(string name, Func<TSource, double[]> values) => Fixed(name, DoubleType.Default, values);

    /// <summary>A UTF-8 string column; every value is non-null.</summary>
    public string[] Utf8(string name, Func<TSource, IReadOnlyList<string>> values) =>
        (string[])Visit(new StringColumn(name), source => values(source));

    /// <summary>The column's values for this pass; <paramref name="column"/> is the <c>next</c>-th column of the description.</summary>
    private protected abstract Array Visit(Column column, Func<TSource, object> values, int index);

    private Array Visit(Column column, Func<TSource, object> values) => Visit(column, values, next++);

    /// <summary>One column: its name and type, and how its values are allocated, sliced into batches and copied back.</summary>
    internal abstract class Column(string name, IArrowType type)
    {
        public string Name { get; } = name;

        public IArrowType Type { get; } = type;

        public abstract Array Allocate(int rows);

        public abstract Array Empty();

        /// <summary>The values as the table's array (a string list becomes an array).</summary>
        public abstract Array AsArray(object values);

        public abstract int Length(object values);

        public abstract IArrowArray Slice(object values, int start, int count, ArrowTables.BatchBuffers buffers);

        public abstract void CopyTo(IArrowArray column, Array target, int start);
    }

    /// <summary>The pass that finds the columns (the schema's).</summary>
    internal sealed class Layout : ArrowColumns<TSource>
    {
        private readonly List<Column> columns = [];

        public IReadOnlyList<Column> Columns => columns;

        private protected override Array Visit(Column column, Func<TSource, object> values, int index)
        {
            columns.Add(column);
            return column.Empty();
        }
    }

    /// <summary>The pass that takes each column's values from the table written.</summary>
    internal sealed class Values : ArrowColumns<TSource>
    {
        private readonly TSource source;
        private readonly IReadOnlyList<Column> columns;
        private readonly object[] values;

        public Values(TSource source, IReadOnlyList<Column> columns)
        {
            this.source = source;
            this.columns = columns;
            values = new object[columns.Count];
        }

        /// <summary>The rows of the table: every column's length, which must agree.</summary>
        public int Rows
        {
            get
            {
                var rows = values.Length == 0 ? 0 : columns[0].Length(values[0]);
                for (var k = 1; k < values.Length; k++)
                {
                    if (columns[k].Length(values[k]) != rows)
                    {
                        throw new InvalidOperationException($"column {columns[k].Name} has {columns[k].Length(values[k])} rows, not {rows}");
                    }
                }

                return rows;
            }
        }

        public object Of(int index) => values[index];

        private protected override Array Visit(Column column, Func<TSource, object> get, int index)
        {
            values[index] = get(source);
            return columns[index].AsArray(values[index]);
        }
    }

    /// <summary>The pass that hands the description the columns read back.</summary>
    internal sealed class Filled(Array[] arrays, IReadOnlyList<Column> columns) : ArrowColumns<TSource>
    {
        private protected override Array Visit(Column column, Func<TSource, object> values, int index) =>
            columns[index].Name == column.Name ? arrays[index] : throw new InvalidOperationException($"column {index} is {columns[index].Name}, not {column.Name}");
    }

    private sealed class FixedColumn<T>(string name, IArrowType type) : Column(name, Checked(type))
        where T : unmanaged
    {
        public override Array Allocate(int rows) => GC.AllocateUninitializedArray<T>(rows);

        public override Array Empty() => Array.Empty<T>();

        public override Array AsArray(object values) => (T[])values;

        public override int Length(object values) => ((T[])values).Length;

        public override IArrowArray Slice(object values, int start, int count, ArrowTables.BatchBuffers buffers) =>
            ArrowTables.Fixed<T>(Type, new ReadOnlySpan<T>((T[])values, start, count), buffers);

        public override void CopyTo(IArrowArray column, Array target, int start) => ArrowTables.CopyTo(column, (T[])target, start);

        private static IArrowType Checked(IArrowType type) =>
            type is FixedWidthType { BitWidth: var bits } && bits == 8 * System.Runtime.CompilerServices.Unsafe.SizeOf<T>()
                ? type
                : throw new ArgumentException($"{typeof(T).Name} is not of the width of {type.Name}", nameof(type));
    }

    private sealed class StringColumn(string name) : Column(name, StringType.Default)
    {
        public override Array Allocate(int rows) => new string[rows];

        public override Array Empty() => Array.Empty<string>();

        public override Array AsArray(object values) => values as string[] ?? [.. (IReadOnlyList<string>)values];

        public override int Length(object values) => ((IReadOnlyList<string>)values).Count;

        public override IArrowArray Slice(object values, int start, int count, ArrowTables.BatchBuffers buffers) =>
            ArrowTables.Utf8((IReadOnlyList<string>)values, start, count);

        public override void CopyTo(IArrowArray column, Array target, int start) => ArrowTables.CopyTo(column, (string[])target, start);
    }
}
