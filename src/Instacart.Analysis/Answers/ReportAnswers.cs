using System.Text.Json.Nodes;
using Instacart.Analysis.Affinity;
using Instacart.Analysis.Questions;

namespace Instacart.Analysis.Answers;

/// <summary>
/// The <c>answers.json</c> of a full report run: the eleven, the stakeholder extras and the advanced analyses
/// (basket affinity; customer segments and the reorder model where they are computed).
/// </summary>
public static class ReportAnswers
{
    /// <summary>Computes every key.</summary>
    public static JsonObject Compute(InstacartData data)
    {
        IEnumerable<IQuestionAnswer> answers = [.. CoreQuestions.Compute(data), .. StakeholderExtras.Compute(data), BasketAffinity.Compute(data)];
        return AnswersDocument.Build(data, answers);
    }
}
