using System.Text.Json.Nodes;
using Instacart.Analysis.Affinity;
using Instacart.Analysis.Prediction;
using Instacart.Analysis.Questions;
using Instacart.Analysis.Segments;

namespace Instacart.Analysis.Answers;

/// <summary>
/// The <c>answers.json</c> of a full report run: the eleven, the stakeholder extras and the advanced analyses
/// (basket affinity, customer segments and the reorder model).
/// </summary>
public static class ReportAnswers
{
    /// <summary>Computes every key.</summary>
    public static JsonObject Compute(InstacartData data)
    {
        IEnumerable<IQuestionAnswer> answers = [.. CoreQuestions.Compute(data), .. StakeholderExtras.Compute(data), BasketAffinity.Compute(data)];
        var segments = CustomerSegments.Compute(data);
        var prediction = ReorderPrediction.Compute(data);
        return AnswersDocument.Build(data, answers, [new(segments.Key, segments.ToJson()), new(prediction.Key, prediction.ToJson())]);
    }
}
