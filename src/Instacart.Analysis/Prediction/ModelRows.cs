using Microsoft.ML;
using Microsoft.ML.Data;

namespace Instacart.Analysis.Prediction;

/// <summary>
/// Feeds rows of a <see cref="CandidateTable"/> to ML.NET without copying the table: a data view whose cursor reads
/// the table's columns in place, with no allocation per row.
/// </summary>
internal static class ModelRows
{
    /// <summary>Numeric features: every feature but the department.</summary>
    public const int NumericCount = 10;

    /// <summary>The table column of each numeric feature, in vector order.</summary>
    private static readonly int[] NumericColumns = Enumerable.Range(0, ReorderFeature.All.Count).Where(f => f != ReorderFeature.DepartmentColumn).ToArray();

    /// <summary>
    /// Which numeric features are counts with a long right tail (orders, times bought, orders since): the linear
    /// model sees them as log(1 + x), so that a few heavy buyers do not dominate their z-scores.
    /// </summary>
    public static readonly bool[] Counts = NumericKeys().Select(k => k is "user_orders" or "product_orders" or "user_product_orders" or "user_product_orders_since_last").ToArray();

    /// <summary>The keys of the numeric features, in vector order.</summary>
    public static IEnumerable<string> NumericKeys() => NumericColumns.Select(f => ReorderFeature.All[f].Key);

    /// <summary>
    /// A view of the given rows with the dense columns <c>Raw</c> (the numeric features, in
    /// <see cref="ReorderFeature.All"/> order without the department, then the department one-hot over
    /// <see cref="CandidateTable.DepartmentIds"/>), <c>Shaped</c> (the numeric features with the counts as
    /// log(1 + x), for the linear model), <c>DepartmentHot</c> (the department one-hot alone) and <c>Label</c>.
    /// When <paramref name="permuted"/> is set, column <c>Feature</c> of row <c>rows[i]</c> takes its value from row
    /// <c>rows[Permutation[i]]</c> (permutation importance).
    /// </summary>
    public static IDataView View(CandidateTable table, int[] rows, (int Feature, int[] Permutation)? permuted = null) =>
        new CandidateView(table, rows, permuted);

    /// <summary>The labels of the given rows.</summary>
    public static bool[] Labels(CandidateTable table, int[] rows)
    {
        var labels = new bool[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            labels[i] = table.Label[rows[i]];
        }

        return labels;
    }

    private sealed class CandidateView : IDataView
    {
        private readonly CandidateTable _table;
        private readonly int[] _rows;
        private readonly (int Feature, int[] Permutation)? _permuted;
        private readonly int[] _slotOf;
        private readonly int _departments;

        public CandidateView(CandidateTable table, int[] rows, (int Feature, int[] Permutation)? permuted)
        {
            _table = table;
            _rows = rows;
            _permuted = permuted;
            _departments = table.DepartmentIds.Length;
            _slotOf = new int[table.DepartmentIds.Length == 0 ? 1 : table.DepartmentIds[^1] + 1];
            Array.Fill(_slotOf, -1);
            for (var d = 0; d < table.DepartmentIds.Length; d++)
            {
                _slotOf[table.DepartmentIds[d]] = d;
            }

            var schema = new DataViewSchema.Builder();
            schema.AddColumn("Raw", new VectorDataViewType(NumberDataViewType.Single, NumericCount + _departments));
            schema.AddColumn("Shaped", new VectorDataViewType(NumberDataViewType.Single, NumericCount));
            schema.AddColumn("DepartmentHot", new VectorDataViewType(NumberDataViewType.Single, _departments));
            schema.AddColumn("Label", BooleanDataViewType.Instance);
            Schema = schema.ToSchema();
        }

        public bool CanShuffle => false;

        public DataViewSchema Schema { get; }

        public long? GetRowCount() => _rows.Length;

        public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new Cursor(this);

        public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) => [new Cursor(this)];

        private sealed class Cursor(CandidateView view) : DataViewRowCursor
        {
            private readonly float[][] _features = view._table.Features;
            private readonly bool[] _label = view._table.Label;
            private readonly int[] _rows = view._rows;
            private readonly int[] _slotOf = view._slotOf;
            private readonly int _departments = view._departments;
            private readonly int _permutedFeature = view._permuted?.Feature ?? -1;
            private readonly int[]? _permutation = view._permuted?.Permutation;
            private long _position = -1;
            private int _row = -1;

            public override long Position => _position;

            public override long Batch => 0;

            public override DataViewSchema Schema => view.Schema;

            public override bool MoveNext()
            {
                if (_position + 1 < _rows.Length)
                {
                    _position++;
                    _row = _rows[_position];
                    return true;
                }

                _position = _rows.Length;
                _row = -1;
                return false;
            }

            public override bool IsColumnActive(DataViewSchema.Column column) => true;

            public override ValueGetter<DataViewRowId> GetIdGetter() =>
                (ref DataViewRowId value) => value = new DataViewRowId((ulong)_position, 0);

            public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
            {
                ValueGetter<VBuffer<float>> getter = column.Index switch
                {
                    0 => (ref VBuffer<float> value) => Fill(ref value, numeric: true, shaped: false, hot: true),
                    1 => (ref VBuffer<float> value) => Fill(ref value, numeric: true, shaped: true, hot: false),
                    2 => (ref VBuffer<float> value) => Fill(ref value, numeric: false, shaped: false, hot: true),
                    3 => null!,
                    _ => throw new ArgumentOutOfRangeException(nameof(column)),
                };
                return column.Index == 3
                    ? (ValueGetter<TValue>)(Delegate)(ValueGetter<bool>)((ref bool value) => value = _label[_row])
                    : (ValueGetter<TValue>)(Delegate)getter;
            }

            /// <summary>Feature <paramref name="f"/> of the current row, taken from its permuted partner when shuffled.</summary>
            private float Value(int f) =>
                f == _permutedFeature ? _features[f][_rows[_permutation![_position]]] : _features[f][_row];

            private void Fill(ref VBuffer<float> value, bool numeric, bool shaped, bool hot)
            {
                var length = (numeric ? NumericCount : 0) + (hot ? _departments : 0);
                var editor = VBufferEditor.Create(ref value, length);
                var values = editor.Values;
                var at = 0;
                if (numeric)
                {
                    for (var n = 0; n < NumericCount; n++)
                    {
                        var x = Value(NumericColumns[n]);
                        values[at++] = shaped && Counts[n] ? MathF.Log(1 + x) : x;
                    }
                }

                if (hot)
                {
                    values.Slice(at).Clear();
                    var department = (int)Value(ReorderFeature.DepartmentColumn);
                    var slot = (uint)department < (uint)_slotOf.Length ? _slotOf[department] : -1;
                    if (slot >= 0)
                    {
                        values[at + slot] = 1f;
                    }
                }

                value = editor.Commit();
            }
        }
    }
}
