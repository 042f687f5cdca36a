using Instacart.Analysis.Writing;
using Instacart.Data.Derivation;
using Instacart.Data;
using Instacart.Analysis.Sessions;

namespace Instacart.Analysis.Questions;

/// <summary>An income group's habits.</summary>
/// <param name="IncomeGroup">Low income, Middle income or High income.</param>
/// <param name="Customers">Distinct active customers.</param>
/// <param name="OrdersPerCustomer">Orders / customers.</param>
/// <param name="MeanItemPrice">Revenue / lines with a known price.</param>
/// <param name="MeanOrderValue">Revenue / orders.</param>
/// <param name="TopDepartment">The department with most lines (ties: lower id).</param>
public sealed record IncomeRow(IncomeGroup IncomeGroup, long Customers, double? OrdersPerCustomer, double? MeanItemPrice, double? MeanOrderValue, string? TopDepartment);

/// <summary>Habits by income group (SPEC §5 <c>income</c>).</summary>
public sealed class IncomeGroups : QuestionAnswer<IncomeRow>
{
    private IncomeGroups(IReadOnlyList<IncomeRow> rows, AnalysisOptions options)
        : base(rows, options)
    {
    }

    /// <inheritdoc />
    public override string Key => "income";

    /// <inheritdoc />
    public override string Question => "Does income change what and how much people buy?";

    /// <summary>Customers, orders per customer, prices and top department per income group of active customers.</summary>
    public static IncomeGroups Compute(InstacartData data) => Finish(data.Options, data.Input.Departments, Partial(data));

    /// <summary>
    /// The answer for <paramref name="session"/>: on a partitioned dataset's session the finish of the partial states
    /// merged over every part (exact, every customer), otherwise computed from its data as <see cref="Compute(InstacartData)"/> does.
    /// </summary>
    public static IncomeGroups Compute(AnalysisSession session) => AnalysisSession.Cheap(session, Compute);

    /// <summary>The partial state: totals, customers and department lines per income group.</summary>
    internal static GroupStats Partial(InstacartData data)
    {
        var facts = data.Customers;
        return GroupStats.ByCustomer(data, 3, Population.ActiveCustomerGroups(data, c => (int)facts.IncomeGroup[c]), GroupNeeds.Customers | GroupNeeds.Departments);
    }

    /// <summary>The rows from the groups' totals.</summary>
    internal static IncomeGroups Finish(AnalysisOptions options, Instacart.Data.Input.NamedIds departments, GroupStats stats)
    {
        var rows = Enumerable.Range(0, 3)
            .Where(g => stats.Lines[g] > 0)
            .Select(g => new IncomeRow((IncomeGroup)g, stats.Customers[g], (double)stats.Orders[g] / stats.Customers[g], stats.MeanItemPrice(g), stats.MeanOrderValue(g), departments.NameOrNull(stats.TopDepartment(g))))
            .OrderBy(r => Labels.Of(r.IncomeGroup), StringComparer.Ordinal)
            .ToList();
        return new IncomeGroups(rows, options);
    }

    /// <inheritdoc />
    public override string Sentence()
    {
        if (Rows.Count == 0)
        {
            return "There are no active customers to group by income.";
        }

        var pricey = Rows.OrderByDescending(r => r.MeanItemPrice).First();
        var cheap = Rows.OrderBy(r => r.MeanItemPrice).First();
        var tops = Rows.Select(r => r.TopDepartment).Distinct().ToList();
        var topText = tops.Count == 1 ? $"{tops[0]} is the top department in every income group" : $"top departments differ: {Wording.List(Rows.Select(r => $"{r.TopDepartment} ({Labels.Of(r.IncomeGroup)})"))}";
        return $"{Labels.Of(pricey.IncomeGroup)} customers pay the most per item ({Wording.Money(pricey.MeanItemPrice)}) and {Labels.Of(cheap.IncomeGroup)} customers the least ({Wording.Money(cheap.MeanItemPrice)}); {topText}.";
    }

    /// <summary>The rule: the group paying most per item sees premium ranges first; the group paying least sees value ranges first.</summary>
    public override Suggestion Suggestion()
    {
        var priced = Rows.Where(r => r.MeanItemPrice is not null).ToList();
        if (priced.Count < 2)
        {
            return "No suggestion: there are too few income groups with priced lines to compare.";
        }

        var pricey = priced.OrderByDescending(r => r.MeanItemPrice).First();
        var cheap = priced.OrderBy(r => r.MeanItemPrice).First();
        return $"Show premium ranges first to {Labels.Of(pricey.IncomeGroup).ToLowerInvariant()} customers ({Wording.Money(pricey.MeanItemPrice)} per item) and value ranges first to "
            + $"{Labels.Of(cheap.IncomeGroup).ToLowerInvariant()} customers ({Wording.Money(cheap.MeanItemPrice)}) (rule: the highest and lowest mean item price).";
    }

    /// <inheritdoc />
    /// <remarks>Low, Middle, High income, as in the chart.</remarks>
    public override AnswerTable Table() => RowFrames.ToTable(Rows.OrderBy(r => r.IncomeGroup), Rows.Count, "income groups");

    /// <inheritdoc />
    public override string Method() =>
        $"Population: {Population.ActiveDescription(Options)}. Income groups: Low below {Options.LowIncomeBelow:N0}, Middle {Options.LowIncomeBelow:N0} to {Options.HighIncomeAbove:N0} inclusive, High above {Options.HighIncomeAbove:N0}. "
        + "Top department is the one with most lines in the group (ties: the lower department id).";
}
