using Instacart.Analysis.Writing;
using Instacart.Data.Derivation;
using Instacart.Data;
using Instacart.Analysis.Sessions;

namespace Instacart.Analysis.Questions;

/// <summary>A customer profile's habits.</summary>
/// <param name="Profile">Age group × household, e.g. "Young parent".</param>
/// <param name="Customers">Distinct active customers.</param>
/// <param name="OrdersPerCustomer">Orders / customers.</param>
/// <param name="MeanItemPrice">Revenue / lines with a known price.</param>
/// <param name="MeanOrderValue">Revenue / orders.</param>
/// <param name="MedianDaysBetweenOrders">Median days since the prior order over the profile's orders.</param>
/// <param name="TopDepartment">The department with most lines (ties: lower id).</param>
public sealed record ProfilesRow(Profile Profile, long Customers, double? OrdersPerCustomer, double? MeanItemPrice, double? MeanOrderValue, double? MedianDaysBetweenOrders, string? TopDepartment);

/// <summary>Customer profiles (SPEC §5 <c>profiles</c>).</summary>
public sealed class Profiles : QuestionAnswer<ProfilesRow>
{
    private Profiles(IReadOnlyList<ProfilesRow> rows, AnalysisOptions options)
        : base(rows, options)
    {
    }

    /// <inheritdoc />
    public override string Key => "profiles";

    /// <inheritdoc />
    public override string Question => "Which customer profiles are there, and how do they shop?";

    /// <summary>Customers, orders per customer, prices, median days and top department per profile of active customers.</summary>
    public static Profiles Compute(InstacartData data) => Finish(data.Options, data.Input.Departments, Partial(data));

    /// <summary>
    /// The answer for <paramref name="session"/>: on a partitioned dataset's session the finish of the partial states
    /// merged over every part (exact, every customer), otherwise computed from its data as <see cref="Compute(InstacartData)"/> does.
    /// </summary>
    public static Profiles Compute(AnalysisSession session) => AnalysisSession.Cheap(session, Compute);

    /// <summary>The partial state: totals, customers, department lines and days between orders per profile.</summary>
    internal static GroupStats Partial(InstacartData data)
    {
        var facts = data.Customers;
        return GroupStats.ByCustomer(data, 6, Population.ActiveCustomerGroups(data, c => (int)facts.Profile[c]), GroupNeeds.Customers | GroupNeeds.Departments | GroupNeeds.MedianDays);
    }

    /// <summary>The rows from the profiles' totals.</summary>
    internal static Profiles Finish(AnalysisOptions options, Instacart.Data.Input.NamedIds departments, GroupStats stats)
    {
        var rows = Enumerable.Range(0, 6)
            .Where(g => stats.Lines[g] > 0)
            .Select(g => new ProfilesRow((Profile)g, stats.Customers[g], (double)stats.Orders[g] / stats.Customers[g], stats.MeanItemPrice(g), stats.MeanOrderValue(g), stats.Median(g), departments.NameOrNull(stats.TopDepartment(g))))
            .OrderBy(r => Labels.Of(r.Profile), StringComparer.Ordinal)
            .ToList();
        return new Profiles(rows, options);
    }

    /// <inheritdoc />
    public override string Sentence()
    {
        if (Rows.Count == 0)
        {
            return "There are no active customers to profile.";
        }

        var customers = Rows.Sum(r => (double)r.Customers);
        var largest = Rows.OrderByDescending(r => r.Customers).First();
        var smallest = Rows.OrderBy(r => r.Customers).First();
        var mostValue = Rows.OrderByDescending(r => r.MeanOrderValue).First();
        return $"The largest profile is \"{Labels.Of(largest.Profile)}\" ({Wording.Percent(largest.Customers, customers)} of active customers) and the smallest \"{Labels.Of(smallest.Profile)}\" ({Wording.Percent(smallest.Customers, customers)}); "
            + $"\"{Labels.Of(mostValue.Profile)}\" orders are worth most ({Wording.Money(mostValue.MeanOrderValue)}), and the median gap between orders runs from {Wording.Number(Rows.Min(r => r.MedianDaysBetweenOrders))} to {Wording.Number(Rows.Max(r => r.MedianDaysBetweenOrders))} days.";
    }

    /// <summary>The rule: the profile with the most spend per customer (orders per customer × mean order value) gets the premium programme; the largest profile the broad campaign.</summary>
    public override Suggestion Suggestion()
    {
        var priced = Rows.Where(r => r.MeanOrderValue is not null && r.OrdersPerCustomer is not null).ToList();
        if (priced.Count == 0)
        {
            return "No suggestion: there are no priced orders of active customers.";
        }

        var largest = Rows.OrderByDescending(r => r.Customers).First();
        var best = priced.OrderByDescending(r => r.OrdersPerCustomer!.Value * r.MeanOrderValue!.Value).First();
        return $"Reserve the premium programme for the \"{Labels.Of(best.Profile)}\" profile, which spends most per customer ({Wording.Money(best.OrdersPerCustomer!.Value * best.MeanOrderValue!.Value)}), "
            + $"and write the broad campaign for \"{Labels.Of(largest.Profile)}\", the largest profile (rule: orders per customer × mean order value for premium; most customers for reach).";
    }

    /// <inheritdoc />
    /// <remarks>The profiles in the chart's order.</remarks>
    public override AnswerTable Table() => RowFrames.ToTable(Rows.OrderBy(r => r.Profile), Rows.Count, "profiles");

    /// <inheritdoc />
    public override string Method() =>
        $"Population: {Population.ActiveDescription(Options)}. Profile = age group (Young adult ≤ {Options.YoungMaxAge}, Middle-aged, Senior ≥ {Options.SeniorMinAge}) × household (Parent when n_dependants > 0). "
        + "Median days between orders is over the profile's orders; top department by lines (ties: lower id).";
}
