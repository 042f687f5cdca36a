using Microsoft.ML;
using Microsoft.ML.Data;

namespace Instacart.Analysis.Prediction;

/// <summary>Feeds rows of a <see cref="CandidateTable"/> to ML.NET without copying the table.</summary>
internal static class ModelRows
{
    /// <summary>Numeric features: every feature but the department.</summary>
    public const int NumericCount = 10;

    /// <summary>
    /// Which numeric features are counts with a long right tail (orders, times bought, orders since): the linear
    /// model sees them as log(1 + x), so that a few heavy buyers do not dominate their z-scores.
    /// </summary>
    public static readonly bool[] Counts = NumericKeys().Select(k => k is "user_orders" or "product_orders" or "user_product_orders" or "user_product_orders_since_last").ToArray();

    /// <summary>The keys of the numeric features, in vector order.</summary>
    public static IEnumerable<string> NumericKeys() =>
        ReorderFeature.All.Where((_, f) => f != ReorderFeature.DepartmentColumn).Select(f => f.Key);

    /// <summary>
    /// A view of the given rows. When <paramref name="permuted"/> is set, column <c>Feature</c> of row
    /// <c>rows[i]</c> takes its value from row <c>rows[Permutation[i]]</c> (permutation importance).
    /// </summary>
    public static IDataView View(MLContext ml, CandidateTable table, int[] rows, (int Feature, int[] Permutation)? permuted = null) =>
        ml.Data.LoadFromEnumerable(Enumerate(table, rows, permuted));

    /// <summary>The labels of the given rows.</summary>
    public static bool[] Labels(CandidateTable table, int[] rows) => rows.Select(r => table.Label[r]).ToArray();

    private static IEnumerable<Row> Enumerate(CandidateTable table, int[] rows, (int Feature, int[] Permutation)? permuted)
    {
        var features = table.Features;
        for (var i = 0; i < rows.Length; i++)
        {
            var r = rows[i];
            var numeric = new float[NumericCount];
            var n = 0;
            for (var f = 0; f < features.Length; f++)
            {
                if (f == ReorderFeature.DepartmentColumn)
                {
                    continue;
                }

                numeric[n++] = features[f][r];
            }

            var department = features[ReorderFeature.DepartmentColumn][r];
            if (permuted is { } p)
            {
                var source = rows[p.Permutation[i]];
                if (p.Feature == ReorderFeature.DepartmentColumn)
                {
                    department = features[p.Feature][source];
                }
                else
                {
                    numeric[p.Feature < ReorderFeature.DepartmentColumn ? p.Feature : p.Feature - 1] = features[p.Feature][source];
                }
            }

            var shaped = new float[NumericCount];
            for (var f = 0; f < NumericCount; f++)
            {
                shaped[f] = Counts[f] ? MathF.Log(1 + numeric[f]) : numeric[f];
            }

            yield return new Row { Numeric = numeric, Shaped = shaped, Department = department, Label = table.Label[r] };
        }
    }

    /// <summary>One candidate for ML.NET.</summary>
    internal sealed class Row
    {
        /// <summary>The numeric features, in <see cref="ReorderFeature.All"/> order without the department.</summary>
        [VectorType(NumericCount)]
        public float[] Numeric { get; set; } = [];

        /// <summary>The numeric features with the counts as log(1 + x), for the linear model.</summary>
        [VectorType(NumericCount)]
        public float[] Shaped { get; set; } = [];

        /// <summary>The department id (one-hot encoded by the pipelines).</summary>
        public float Department { get; set; }

        /// <summary>Whether the product is in the target order.</summary>
        public bool Label { get; set; }
    }
}
