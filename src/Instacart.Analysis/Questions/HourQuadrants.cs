using Instacart.Data.Derivation;
using Instacart.Analysis.Writing;
using Instacart.Data;
using Instacart.Analysis.Sessions;
namespace Instacart.Analysis.Questions;

/// <summary>An hour placed by traffic and basket value.</summary>
/// <param name="Hour">The hour, 0–23.</param>
/// <param name="Orders">Distinct orders in that hour.</param>
/// <param name="MeanOrderValue">Revenue / orders (null when no orders).</param>
/// <param name="Busy">Orders above the median hour's.</param>
/// <param name="Pricey">Mean order value above the median hour's.</param>
/// <param name="Quadrant">Perfect storm, Pricier baskets, Traffic surge or Slow hours.</param>
public sealed record HourQuadrantsRow(int Hour, long Orders, double? MeanOrderValue, [property: TableColumn("Above-median orders")] bool Busy, [property: TableColumn("Above-median order value")] bool Pricey, string Quadrant);

/// <summary>Hours by traffic × basket value (stakeholder extra <c>hour_quadrants</c>).</summary>
public sealed class HourQuadrants : QuestionAnswer<HourQuadrantsRow>
{
    /// <summary>Busy and pricey.</summary>
    public const string PerfectStorm = "Perfect storm";

    /// <summary>Quiet but pricey.</summary>
    public const string PricierBaskets = "Pricier baskets";

    /// <summary>Busy but cheaper.</summary>
    public const string TrafficSurge = "Traffic surge";

    /// <summary>Quiet and cheaper.</summary>
    public const string SlowHours = "Slow hours";

    private HourQuadrants(IReadOnlyList<HourQuadrantsRow> rows, AnalysisOptions options, double medianOrders, double? medianValue)
        : base(rows, options)
    {
        MedianOrders = medianOrders;
        MedianOrderValue = medianValue;
    }

    /// <summary>The median of the 24 hourly order counts: the traffic line.</summary>
    public double MedianOrders { get; }

    /// <summary>The median of the hourly mean order values (hours with orders): the value line.</summary>
    public double? MedianOrderValue { get; }

    /// <inheritdoc />
    public override string Key => "hour_quadrants";

    /// <inheritdoc />
    public override string Question => "Which hours combine heavy traffic with valuable baskets?";

    /// <summary>Classifies each hour against the median hour's orders and mean order value.</summary>
    public static HourQuadrants Compute(InstacartData data) => Finish(data.Options, BusiestHours.Partial(data));

    /// <summary>
    /// The answer for <paramref name="session"/>: on a partitioned dataset's session the finish of the partial states
    /// merged over every part (exact, every customer), otherwise computed from its data as <see cref="Compute(InstacartData)"/> does.
    /// </summary>
    public static HourQuadrants Compute(AnalysisSession session) => AnalysisSession.Cheap(session, Compute);

    /// <summary>The rows from the hours' totals (<see cref="BusiestHours.Partial"/>).</summary>
    internal static HourQuadrants Finish(AnalysisOptions options, GroupStats hours)
    {
        var spend = SpendByHour.Finish(options, hours).Rows;
        var orders = BusiestHours.Finish(options, hours).Rows.Select(r => r.Orders).ToArray();
        var medianOrders = Instacart.Data.Derivation.Rules.Median(orders.Select(o => (float)o).ToArray());
        var values = spend.Where(r => r.MeanOrderValue is not null).Select(r => (float)r.MeanOrderValue!.Value).ToArray();
        double? medianValue = values.Length == 0 ? null : Instacart.Data.Derivation.Rules.Median(values);
        var rows = spend.Select(r =>
        {
            var busy = orders[r.Hour] > medianOrders;
            var pricey = r.MeanOrderValue is { } v && medianValue is { } m && v > m;
            var quadrant = (busy, pricey) switch
            {
                (true, true) => PerfectStorm,
                (false, true) => PricierBaskets,
                (true, false) => TrafficSurge,
                _ => SlowHours,
            };
            return new HourQuadrantsRow(r.Hour, orders[r.Hour], r.MeanOrderValue, busy, pricey, quadrant);
        }).ToList();
        return new HourQuadrants(rows, options, medianOrders, medianValue);
    }

    /// <inheritdoc />
    public override string Sentence()
    {
        var storm = Rows.Where(r => r.Quadrant == PerfectStorm).ToList();
        var pricier = Rows.Where(r => r.Quadrant == PricierBaskets).ToList();
        var stormText = storm.Count == 0
            ? "No hour is both busier and pricier than the median hour"
            : $"The \"perfect storm\" {(storm.Count == 1 ? "hour" : "hours")} of above-median traffic and basket value {(storm.Count == 1 ? "is" : "are")} {Wording.List(storm.Select(r => Wording.Hour(r.Hour)))}";
        var pricierText = pricier.Count == 0
            ? "no quieter hour brings pricier baskets"
            : $"{(pricier.Count == 1 ? "1 quieter hour still brings" : $"{pricier.Count} quieter hours still bring")} pricier baskets ({Wording.List(pricier.Select(r => Wording.Hour(r.Hour)))}), reaching big spenders outside the rush";
        return $"{stormText}; {pricierText}.";
    }

    /// <summary>The rule: hours above the median in both traffic and basket value are the slots for premium promotions; quieter hours with pricier baskets suit targeted offers to big spenders.</summary>
    public override Suggestion Suggestion()
    {
        var storm = Rows.Where(r => r.Quadrant == PerfectStorm).ToList();
        var pricier = Rows.Where(r => r.Quadrant == PricierBaskets).ToList();
        if (storm.Count == 0 && pricier.Count == 0)
        {
            return "No hour has baskets worth more than the median hour's, so premium promotions need no particular slot (rule: only hours above the median basket value are singled out).";
        }

        var stormText = storm.Count == 0 ? string.Empty : $"Put premium promotions in {Wording.List(storm.Select(r => Wording.Hour(r.Hour)))}, busy hours with pricier baskets";
        var pricierText = pricier.Count == 0 ? string.Empty : $"{(storm.Count == 0 ? "Send" : "; send")} targeted offers to big spenders at {Wording.List(pricier.Select(r => Wording.Hour(r.Hour)))}, quieter hours that still bring pricier baskets";
        return $"{stormText}{pricierText} (rule: above the median hour in both orders and mean order value for promotions; above it in value only for targeted offers).";
    }

    /// <inheritdoc />
    public override AnswerTable Table() => RowFrames.ToTable(Rows, Rows.Count, "hours");

    /// <inheritdoc />
    public override string Method() =>
        $"Population: {Population.LinesDescription}. An hour is busy when its distinct orders exceed the median of the 24 hourly counts, "
        + "and pricey when its mean order value (known prices only) exceeds the median of the hourly means; an hour at the median counts as below it.";
}
