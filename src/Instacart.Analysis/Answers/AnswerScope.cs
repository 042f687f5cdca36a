namespace Instacart.Analysis.Answers;

/// <summary>Which keys an <c>answers.json</c> holds (SPEC §5).</summary>
public enum AnswerScope
{
    /// <summary>The eleven core questions and the stakeholder extras as cheap as they: what <c>instacart answers</c> writes.</summary>
    Cheap,

    /// <summary>Every key, the model-based ones included: what <c>instacart run</c> writes.</summary>
    Report,
}
