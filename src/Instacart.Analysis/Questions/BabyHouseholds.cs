using Instacart.Analysis.Writing;
using Instacart.Data.Derivation;
using Instacart.Data;
using Instacart.Analysis.Sessions;

namespace Instacart.Analysis.Questions;

/// <summary>A profile split by whether the household buys baby products.</summary>
/// <param name="Profile">The customer profile.</param>
/// <param name="BabyHousehold">Whether the customers bought anything from the babies department.</param>
/// <param name="Customers">Distinct active customers.</param>
/// <param name="OrdersPerCustomer">Orders / customers.</param>
/// <param name="MeanOrderValue">Revenue / orders.</param>
public sealed record BabyHouseholdsRow(Profile Profile, [property: TableColumn("Buys baby products")] bool BabyHousehold, long Customers, double? OrdersPerCustomer, double? MeanOrderValue);

/// <summary>Profiles split by baby household (stakeholder extra <c>baby_households</c>).</summary>
public sealed class BabyHouseholds : QuestionAnswer<BabyHouseholdsRow>
{
    private BabyHouseholds(IReadOnlyList<BabyHouseholdsRow> rows, AnalysisOptions options)
        : base(rows, options)
    {
    }

    /// <inheritdoc />
    public override string Key => "baby_households";

    /// <inheritdoc />
    public override string Question => "Do households that buy baby products shop differently?";

    /// <summary>Customers, orders per customer and mean order value per profile × baby household.</summary>
    public static BabyHouseholds Compute(InstacartData data) => Finish(data.Options, Partial(data));

    /// <summary>
    /// The answer for <paramref name="session"/>: on a partitioned dataset's session the finish of the partial states
    /// merged over every part (exact, every customer), otherwise computed from its data as <see cref="Compute(InstacartData)"/> does.
    /// </summary>
    public static BabyHouseholds Compute(AnalysisSession session) => AnalysisSession.Cheap(session, Compute);

    /// <summary>The partial state: totals and customers per profile × baby household.</summary>
    internal static GroupStats Partial(InstacartData data)
    {
        var facts = data.Customers;
        return GroupStats.ByCustomer(data, 12, Population.ActiveCustomerGroups(data, c => ((int)facts.Profile[c] * 2) + (facts.BabyHousehold[c] ? 1 : 0)), GroupNeeds.Customers);
    }

    /// <summary>The rows from the cells' totals.</summary>
    internal static BabyHouseholds Finish(AnalysisOptions options, GroupStats stats)
    {
        var rows = Enumerable.Range(0, 12)
            .Where(g => stats.Lines[g] > 0)
            .Select(g => new BabyHouseholdsRow((Profile)(g / 2), g % 2 == 1, stats.Customers[g], (double)stats.Orders[g] / stats.Customers[g], stats.MeanOrderValue(g)))
            .OrderBy(r => Labels.Of(r.Profile), StringComparer.Ordinal)
            .ThenBy(r => r.BabyHousehold)
            .ToList();
        return new BabyHouseholds(rows, options);
    }

    /// <inheritdoc />
    public override string Sentence()
    {
        var baby = Rows.Where(r => r.BabyHousehold).ToList();
        var other = Rows.Where(r => !r.BabyHousehold).ToList();
        if (baby.Count == 0 || other.Count == 0)
        {
            return "Baby and other households cannot be compared: one of the two groups is empty.";
        }

        double Orders(IEnumerable<BabyHouseholdsRow> rows) => rows.Sum(r => r.OrdersPerCustomer!.Value * r.Customers);
        var babyCustomers = baby.Sum(r => r.Customers);
        var otherCustomers = other.Sum(r => r.Customers);
        return $"Baby products are bought by {Wording.Percent(babyCustomers, babyCustomers + otherCustomers)} of active customers; they place {Wording.Number(Orders(baby) / babyCustomers)} orders each against {Wording.Number(Orders(other) / otherCustomers)} for other households.";
    }

    /// <summary>The rule: when baby households place more orders per customer than the others, baby products earn a subscription or reminder offer; otherwise a first-order incentive.</summary>
    public override Suggestion Suggestion()
    {
        var baby = Rows.Where(r => r.BabyHousehold).ToList();
        var other = Rows.Where(r => !r.BabyHousehold).ToList();
        if (baby.Count == 0 || other.Count == 0)
        {
            return "No suggestion: one of the two groups is empty.";
        }

        double PerCustomer(IEnumerable<BabyHouseholdsRow> rows) => rows.Sum(r => r.OrdersPerCustomer!.Value * r.Customers) / rows.Sum(r => r.Customers);
        var babyOrders = PerCustomer(baby);
        var otherOrders = PerCustomer(other);
        return babyOrders > otherOrders
            ? $"Offer baby-product subscriptions and reminders: baby households already order more often ({Wording.Number(babyOrders)} orders each against {Wording.Number(otherOrders)}) "
                + "(rule: more orders per customer than other households means a regular need to serve)."
            : $"Use baby products to win more orders: baby households order no more often ({Wording.Number(babyOrders)} orders each against {Wording.Number(otherOrders)}) "
                + "(rule: no more orders per customer than other households means room for an incentive).";
    }

    /// <inheritdoc />
    /// <remarks>The profiles in the chart's order, baby households first within each.</remarks>
    public override AnswerTable Table() => RowFrames.ToTable(Rows.OrderBy(r => r.Profile).ThenByDescending(r => r.BabyHousehold), Rows.Count, "groups");

    /// <inheritdoc />
    public override string Method() =>
        $"Population: {Population.ActiveDescription(Options)}. A baby household bought at least one product of the '{Options.BabyDepartment}' department among its merged lines; the split is within each profile.";
}
