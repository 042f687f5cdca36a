using Instacart.Analysis.Writing;
using Instacart.Data.Derivation;
using Instacart.Data;
using Instacart.Analysis.Sessions;

namespace Instacart.Analysis.Questions;

/// <summary>A spending × frequency cell of active customers.</summary>
/// <param name="Spending">Low spender or High spender.</param>
/// <param name="Frequency">Frequent, Regular, Non-frequent customer or Unknown.</param>
/// <param name="Customers">Distinct active customers.</param>
/// <param name="Orders">Distinct orders.</param>
/// <param name="Revenue">Sum of known prices.</param>
/// <param name="RevenueShare">The cell's share of all active revenue.</param>
/// <param name="RevenuePerCustomer">Revenue / customers.</param>
public sealed record SpenderFrequencyRow(Spending Spending, Frequency Frequency, long Customers, long Orders, double Revenue, [property: TableColumn("Share of revenue")] double RevenueShare, double RevenuePerCustomer);

/// <summary>Spending flag × frequency flag (stakeholder extra <c>spender_frequency</c>).</summary>
public sealed class SpenderFrequency : QuestionAnswer<SpenderFrequencyRow>
{
    private SpenderFrequency(IReadOnlyList<SpenderFrequencyRow> rows, AnalysisOptions options)
        : base(rows, options)
    {
    }

    /// <inheritdoc />
    public override string Key => "spender_frequency";

    /// <inheritdoc />
    public override string Question => "Which mix of spending and shopping frequency brings the most revenue?";

    /// <summary>Customers, orders and revenue per spending × frequency cell of active customers.</summary>
    public static SpenderFrequency Compute(InstacartData data) => Finish(data.Options, Partial(data));

    /// <summary>
    /// The answer for <paramref name="session"/>: on a partitioned dataset's session the finish of the partial states
    /// merged over every part (exact, every customer), otherwise computed from its data as <see cref="Compute(InstacartData)"/> does.
    /// </summary>
    public static SpenderFrequency Compute(AnalysisSession session) => AnalysisSession.Cheap(session, Compute);

    /// <summary>The number of frequency flags: the cells are spending × this + frequency.</summary>
    private const int Frequencies = 4;

    /// <summary>The partial state: totals and customers per spending × frequency cell.</summary>
    internal static GroupStats Partial(InstacartData data)
    {
        var facts = data.Customers;
        return GroupStats.ByCustomer(data, 2 * Frequencies, Population.ActiveCustomerGroups(data, c => ((int)facts.Spending[c] * Frequencies) + (int)facts.Frequency[c]), GroupNeeds.Customers);
    }

    /// <summary>The rows from the cells' totals.</summary>
    internal static SpenderFrequency Finish(AnalysisOptions options, GroupStats stats)
    {
        const int frequencies = Frequencies;
        var total = stats.Revenue.Sum();
        var rows = Enumerable.Range(0, 2 * frequencies)
            .Where(g => stats.Lines[g] > 0)
            .Select(g => new SpenderFrequencyRow(
                (Spending)(g / frequencies),
                (Frequency)(g % frequencies),
                stats.Customers[g],
                stats.Orders[g],
                stats.Revenue[g],
                total == 0 ? 0 : stats.Revenue[g] / total,
                stats.Revenue[g] / stats.Customers[g]))
            .OrderBy(r => Labels.Of(r.Spending), StringComparer.Ordinal)
            .ThenBy(r => Labels.Of(r.Frequency), StringComparer.Ordinal)
            .ToList();
        return new SpenderFrequency(rows, options);
    }

    /// <inheritdoc />
    public override string Sentence()
    {
        if (Rows.Count == 0)
        {
            return "There are no active customers to cross spending with frequency.";
        }

        var best = Rows.OrderByDescending(r => r.RevenuePerCustomer).First();
        var largest = Rows.OrderByDescending(r => r.RevenueShare).First();
        return $"{Labels.Of(best.Spending)}s who are {Labels.Of(best.Frequency).ToLowerInvariant()}s bring the most revenue per customer ({Wording.Money(best.RevenuePerCustomer)}); "
            + $"the largest slice of revenue ({Wording.Percent(largest.RevenueShare)}) comes from {Labels.Of(largest.Spending).ToLowerInvariant()}s who are {Labels.Of(largest.Frequency).ToLowerInvariant()}s.";
    }

    /// <summary>The rule: the cell with the largest share of revenue is protected with retention offers; the cell with the most revenue per customer is the profile to acquire.</summary>
    public override Suggestion Suggestion()
    {
        if (Rows.Count == 0)
        {
            return "No suggestion: there are no active customers.";
        }

        var best = Rows.OrderByDescending(r => r.RevenuePerCustomer).First();
        var largest = Rows.OrderByDescending(r => r.RevenueShare).First();
        return $"Protect {Labels.Of(largest.Spending).ToLowerInvariant()}s who are {Labels.Of(largest.Frequency).ToLowerInvariant()}s with retention offers ({Wording.Percent(largest.RevenueShare)} of revenue), "
            + $"and aim acquisition at customers like {Labels.Of(best.Spending).ToLowerInvariant()}s who are {Labels.Of(best.Frequency).ToLowerInvariant()}s ({Wording.Money(best.RevenuePerCustomer)} each) "
            + "(rule: the largest share of revenue to protect; the most revenue per customer to acquire).";
    }

    /// <inheritdoc />
    /// <remarks>Spending, then frequency, in the heatmap's order.</remarks>
    public override AnswerTable Table() => RowFrames.ToTable(Rows.OrderBy(r => r.Spending).ThenBy(r => r.Frequency), Rows.Count, "groups");

    /// <inheritdoc />
    public override string Method() =>
        $"Population: {Population.ActiveDescription(Options)}. Spending: High spender when the mean known item price is at least {Options.HighSpenderMin:0}. "
        + $"Frequency: median days between the customer's orders with lines; Frequent up to {Options.FrequentMaxDays:0}, Regular up to {Options.RegularMaxDays:0}, Non-frequent above, Unknown without a value. Revenue share is over all active revenue.";
}
