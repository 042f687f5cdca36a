using Instacart.Analysis.Sessions;
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
    /// <summary>Computes every key; the models are the session's, shared with its notebooks.</summary>
    public static JsonObject Compute(AnalysisSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var data = session.Data;
        IEnumerable<IQuestionAnswer> answers = [.. CoreQuestions.Compute(data), .. StakeholderExtras.Compute(data), BasketAffinity.Compute(session)];
        var segments = CustomerSegments.Compute(session);
        var prediction = ReorderPrediction.Compute(session);
        return AnswersDocument.Build(data, answers, [new(segments.Key, segments.ToJson()), new(prediction.Key, prediction.ToJson())]);
    }
}
