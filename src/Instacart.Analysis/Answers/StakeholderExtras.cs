using Instacart.Analysis.Questions;
using Instacart.Data;

namespace Instacart.Analysis.Answers;

/// <summary>The stakeholder extras beyond the eleven (SPEC §5 further keys), each as cheap as a core question.</summary>
public static class StakeholderExtras
{
    /// <summary>Computes hour quadrants, spender × frequency, department mix and baby households.</summary>
    public static IReadOnlyList<IQuestionAnswer> Compute(InstacartData data) =>
    [
        HourQuadrants.Compute(data),
        SpenderFrequency.Compute(data),
        DepartmentMix.Compute(data),
        BabyHouseholds.Compute(data),
    ];
}
