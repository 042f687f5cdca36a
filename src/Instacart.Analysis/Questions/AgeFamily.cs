using Instacart.Analysis.Writing;
using Instacart.Data.Derivation;
using Instacart.Data;
using Instacart.Analysis.Sessions;

namespace Instacart.Analysis.Questions;

/// <summary>An age group × household cell's habits.</summary>
/// <param name="AgeGroup">Young adult, Middle-aged or Senior.</param>
/// <param name="Household">Parent or No dependants.</param>
/// <param name="Customers">Distinct active customers.</param>
/// <param name="OrdersPerCustomer">Orders / customers.</param>
/// <param name="MeanItemPrice">Revenue / lines with a known price.</param>
/// <param name="MeanOrderValue">Revenue / orders.</param>
public sealed record AgeFamilyRow(AgeGroup AgeGroup, Household Household, long Customers, double? OrdersPerCustomer, double? MeanItemPrice, double? MeanOrderValue);

/// <summary>Age and family status (SPEC §5 <c>age_family</c>).</summary>
public sealed class AgeFamily : QuestionAnswer<AgeFamilyRow>
{
    private AgeFamily(IReadOnlyList<AgeFamilyRow> rows, AnalysisOptions options)
        : base(rows, options)
    {
    }

    /// <inheritdoc />
    public override string Key => "age_family";

    /// <inheritdoc />
    public override string Question => "Do age and family status change how people shop?";

    /// <summary>Customers, orders per customer and prices per age group × household of active customers.</summary>
    public static AgeFamily Compute(InstacartData data) => Finish(data.Options, Partial(data));

    /// <summary>
    /// The answer for <paramref name="session"/>: on a partitioned dataset's session the finish of the partial states
    /// merged over every part (exact, every customer), otherwise computed from its data as <see cref="Compute(InstacartData)"/> does.
    /// </summary>
    public static AgeFamily Compute(AnalysisSession session) => AnalysisSession.Cheap(session, Compute);

    /// <summary>The partial state: totals and customers per age group × household.</summary>
    internal static GroupStats Partial(InstacartData data)
    {
        var facts = data.Customers;
        return GroupStats.ByCustomer(data, 6, Population.ActiveCustomerGroups(data, c => ((int)facts.AgeGroup[c] * 2) + (int)facts.Household[c]), GroupNeeds.Customers);
    }

    /// <summary>The rows from the cells' totals.</summary>
    internal static AgeFamily Finish(AnalysisOptions options, GroupStats stats)
    {
        var rows = Enumerable.Range(0, 6)
            .Where(g => stats.Lines[g] > 0)
            .Select(g => new AgeFamilyRow((AgeGroup)(g / 2), (Household)(g % 2), stats.Customers[g], (double)stats.Orders[g] / stats.Customers[g], stats.MeanItemPrice(g), stats.MeanOrderValue(g)))
            .OrderBy(r => Labels.Of(r.AgeGroup), StringComparer.Ordinal)
            .ThenBy(r => Labels.Of(r.Household), StringComparer.Ordinal)
            .ToList();
        return new AgeFamily(rows, options);
    }

    /// <inheritdoc />
    public override string Sentence()
    {
        if (Rows.Count == 0)
        {
            return "There are no active customers to group by age and family.";
        }

        var customers = Rows.Sum(r => (double)r.Customers);
        var largest = Rows.OrderByDescending(r => r.Customers).First();
        var most = Rows.OrderByDescending(r => r.OrdersPerCustomer).First();
        var least = Rows.OrderBy(r => r.OrdersPerCustomer).First();
        return $"{Labels.Of(largest.AgeGroup)} customers with household \"{Labels.Of(largest.Household)}\" are the largest group ({Wording.Percent(largest.Customers, customers)}); "
            + $"orders per customer range from {Wording.Number(least.OrdersPerCustomer)} ({Labels.Of(least.AgeGroup)}, {Labels.Of(least.Household)}) to {Wording.Number(most.OrdersPerCustomer)} ({Labels.Of(most.AgeGroup)}, {Labels.Of(most.Household)}), "
            + $"and mean order value from {Wording.Money(Rows.Min(r => r.MeanOrderValue))} to {Wording.Money(Rows.Max(r => r.MeanOrderValue))}.";
    }

    /// <summary>The rule: the largest group gets the broad campaign; the group with the highest mean order value gets the premium one.</summary>
    public override Suggestion Suggestion()
    {
        var priced = Rows.Where(r => r.MeanOrderValue is not null).ToList();
        if (priced.Count == 0)
        {
            return "No suggestion: there are no priced orders of active customers.";
        }

        var largest = Rows.OrderByDescending(r => r.Customers).First();
        var richest = priced.OrderByDescending(r => r.MeanOrderValue).First();
        return $"Build the broad campaign for {Labels.Of(largest.AgeGroup).ToLowerInvariant()} customers ({Labels.Of(largest.Household).ToLowerInvariant()}), the largest group, "
            + $"and the premium one for {Labels.Of(richest.AgeGroup).ToLowerInvariant()} customers ({Labels.Of(richest.Household).ToLowerInvariant()}), whose orders are worth most ({Wording.Money(richest.MeanOrderValue)}) "
            + "(rule: most customers for reach; highest mean order value for premium).";
    }

    /// <inheritdoc />
    /// <remarks>Young adult to Senior, parents first within each, as in the chart.</remarks>
    public override AnswerTable Table() => RowFrames.ToTable(Rows.OrderBy(r => r.AgeGroup).ThenBy(r => r.Household), Rows.Count, "groups");

    /// <inheritdoc />
    public override string Method() =>
        $"Population: {Population.ActiveDescription(Options)}. Age groups: Young adult up to {Options.YoungMaxAge}, Middle-aged {Options.YoungMaxAge + 1}–{Options.SeniorMinAge - 1}, Senior {Options.SeniorMinAge} and over; "
        + "household: Parent with at least one dependant, else No dependants. Orders per customer = distinct orders / distinct customers; prices over known prices only.";
}
