using Instacart.Analysis.Questions;
using Instacart.Data;

namespace Instacart.Analysis.Answers;

/// <summary>The eleven questions of SPEC §5, in notebook order.</summary>
public static class CoreQuestions
{
    /// <summary>Computes every core question on <paramref name="data"/>.</summary>
    public static IReadOnlyList<IQuestionAnswer> Compute(InstacartData data) =>
    [
        BusiestDays.Compute(data),
        BusiestHours.Compute(data),
        SpendByHour.Compute(data),
        PriceRanges.Compute(data),
        Departments.Compute(data),
        TimeSegments.Compute(data),
        LoyaltyGroups.Compute(data),
        RegionGroups.Compute(data),
        AgeFamily.Compute(data),
        IncomeGroups.Compute(data),
        Profiles.Compute(data),
    ];
}
