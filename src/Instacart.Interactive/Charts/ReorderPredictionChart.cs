using Instacart.Analysis.Prediction;
using Plotly.NET;

namespace Instacart.Interactive.Charts;

/// <summary>The charts of <see cref="ReorderPrediction"/>.</summary>
public static class ReorderPredictionChart
{
    /// <summary>
    /// The two models side by side on the held-out users: AUC and best F1 as grouped bars, labelled with their
    /// values; threshold, precision and recall on hover. A dashed line at 0.5 marks a coin toss for AUC.
    /// </summary>
    /// <param name="answer">The computed answer; one bar per model row and metric.</param>
    /// <returns>The chart.</returns>
    public static GenericChart Models(ReorderPrediction answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var names = answer.Models.Select(m => ModelName(m.Model)).ToList();
        var hover = answer.Models.Select(m => new object?[] { m.Threshold, m.Precision, m.Recall }).ToList();
        PlotText details = $"<br>at threshold %{{customdata[0]:.2f}}: precision %{{customdata[1]:.1%}}, recall %{{customdata[2]:.1%}}";
        var traces = new List<Trace>();
        if (answer.Models.Count > 0)
        {
            traces.Add(Plot.Bars(names, answer.Models.Select(m => m.Auc), "AUC (ranking quality)", Plot.Strong)
                .With("texttemplate", "%{y:.3f}").With("textposition", "auto")
                .Hover($"<b>%{{x}}</b><br>AUC %{{y:.3f}}{details}", hover));
            traces.Add(Plot.Bars(names, answer.Models.Select(m => m.F1), "Best F1 (precision × recall balance)", Plot.Accent)
                .With("texttemplate", "%{y:.3f}").With("textposition", "auto")
                .Hover($"<b>%{{x}}</b><br>F1 %{{y:.3f}}{details}", hover));
        }

        return Plot.Figure($"How well each model predicts reorders on held-out users", traces, new Dictionary<string, object?>
        {
            ["barmode"] = "group",
            ["xaxis"] = new Axis("Model", Categories: names).ToLayout(vertical: false),
            ["yaxis"] = new Axis("Score (0 to 1, higher is better)", TickFormat: ".1f").ToLayout(vertical: true).Also("range", new[] { 0.0, 1.0 }),
            ["shapes"] = new[] { Plot.Rule("y", 0.5) },
        }, height: 420);
    }

    /// <summary>
    /// Permutation importance of the boosted model: one horizontal bar per feature, the largest AUC drop on top;
    /// the feature's level and description on hover.
    /// </summary>
    /// <param name="answer">The computed answer; one bar per importance row.</param>
    /// <returns>The chart.</returns>
    public static GenericChart Importance(ReorderPrediction answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var features = answer.Importance.Select(r => r.Feature).ToList();
        var traces = new List<Trace>();
        if (answer.Importance.Count > 0)
        {
            traces.Add(Plot.Bars(features, answer.Importance.Select(r => r.AucDrop), "AUC drop", Plot.Strong, horizontal: true)
                .With("texttemplate", "%{x:.3f}").With("textposition", "outside").With("cliponaxis", false)
                .Hover($"<b>%{{y}}</b> (%{{customdata[0]}} level)<br>%{{customdata[1]}}<br>AUC falls by %{{x:.4f}} when shuffled", answer.Importance.Select(r => new object?[] { r.Level, r.Description })));
        }

        return Plot.Figure($"Which features the boosted model relies on", traces, new Dictionary<string, object?>
        {
            ["showlegend"] = false,
            ["xaxis"] = new Axis("Drop in AUC when the feature is shuffled", TickFormat: ".3f").ToLayout(vertical: false).Also("range", ValueRange(answer.Importance.Select(r => r.AucDrop))).Also("zeroline", true),
            ["yaxis"] = new Axis("Feature", Categories: features).ToLayout(vertical: true).Also("ticklabelstandoff", 8),
        }, height: Math.Max(360, 170 + (34 * features.Count)));
    }

    /// <summary>
    /// The value axis's range: zero and every value, with room on both sides for the value written outside each bar
    /// (a negative bar's label then stays clear of the feature names).
    /// </summary>
    private static double[]? ValueRange(IEnumerable<double> values)
    {
        var all = values.Where(double.IsFinite).ToList();
        if (all.Count == 0)
        {
            return null;
        }

        var low = Math.Min(0, all.Min());
        var high = Math.Max(0, all.Max());
        var room = Math.Max(high - low, 1e-6) * 0.18;
        return [low < 0 ? low - room : 0, high + room];
    }

    private static string ModelName(string key) => key switch
    {
        "logistic_regression" => "Logistic regression",
        "lightgbm" => "LightGBM (boosted trees)",
        _ => key,
    };
}
