using Instacart.Analysis.Writing;
using Instacart.Data.Derivation;
using Instacart.Data;
using Instacart.Analysis.Sessions;

namespace Instacart.Analysis.Questions;

/// <summary>A shopping-time segment's volume and spend.</summary>
/// <param name="TimeSegment">Early birds, Midday, Evening or Night owls.</param>
/// <param name="Orders">Distinct orders.</param>
/// <param name="Lines">Order lines.</param>
/// <param name="Revenue">Sum of known prices.</param>
/// <param name="MeanOrderValue">Revenue / orders.</param>
public sealed record TimeSegmentsRow([property: TableColumn("Time of day")] TimeSegment TimeSegment, long Orders, [property: TableColumn("Order lines")] long Lines, double Revenue, double? MeanOrderValue);

/// <summary>Shopping-time segments (SPEC §5 <c>time_segments</c>).</summary>
public sealed class TimeSegments : QuestionAnswer<TimeSegmentsRow>
{
    private TimeSegments(IReadOnlyList<TimeSegmentsRow> rows, AnalysisOptions options)
        : base(rows, options)
    {
    }

    /// <inheritdoc />
    public override string Key => "time_segments";

    /// <inheritdoc />
    public override string Question => "How do early birds, midday, evening and night-owl shoppers differ?";

    /// <summary>Orders, lines, revenue and mean order value per time segment present.</summary>
    public static TimeSegments Compute(InstacartData data) => Finish(data.Options, Partial(data));

    /// <summary>
    /// The answer for <paramref name="session"/>: on a partitioned dataset's session the finish of the partial states
    /// merged over every part (exact, every customer), otherwise computed from its data as <see cref="Compute(InstacartData)"/> does.
    /// </summary>
    public static TimeSegments Compute(AnalysisSession session) => AnalysisSession.Cheap(session, Compute);

    /// <summary>The partial state: orders, lines and revenue per time segment.</summary>
    internal static GroupStats Partial(InstacartData data) => GroupStats.ByDayAndHour(data, 4, (_, hour) => (int)Rules.TimeSegmentOf(hour));

    /// <summary>The rows from the segments' totals.</summary>
    internal static TimeSegments Finish(AnalysisOptions options, GroupStats stats)
    {
        var rows = Enumerable.Range(0, 4)
            .Where(g => stats.Lines[g] > 0)
            .Select(g => new TimeSegmentsRow((TimeSegment)g, stats.Orders[g], stats.Lines[g], stats.Revenue[g], stats.MeanOrderValue(g)))
            .OrderBy(r => Labels.Of(r.TimeSegment), StringComparer.Ordinal)
            .ToList();
        return new TimeSegments(rows, options);
    }

    /// <inheritdoc />
    public override string Sentence()
    {
        var orders = Rows.Sum(r => (double)r.Orders);
        if (orders == 0)
        {
            return "There are no orders to split by time of day.";
        }

        var busiest = Rows.OrderByDescending(r => r.Orders).First();
        var richest = Rows.Where(r => r.MeanOrderValue is not null).OrderByDescending(r => r.MeanOrderValue).First();
        var poorest = Rows.Where(r => r.MeanOrderValue is not null).OrderBy(r => r.MeanOrderValue).First();
        return $"{Labels.Of(busiest.TimeSegment)} shoppers place the most orders ({Wording.Percent(busiest.Orders, orders)}); "
            + $"{Labels.Of(richest.TimeSegment)} baskets are worth most ({Wording.Money(richest.MeanOrderValue)} per order) and {Labels.Of(poorest.TimeSegment)} baskets least ({Wording.Money(poorest.MeanOrderValue)}).";
    }

    /// <summary>The rule: the segment with the highest mean order value gets premium offers; the one with most orders gets the service capacity.</summary>
    public override Suggestion Suggestion()
    {
        var priced = Rows.Where(r => r.MeanOrderValue is not null).ToList();
        if (Rows.Sum(r => r.Orders) == 0 || priced.Count == 0)
        {
            return "No suggestion: there are no priced orders.";
        }

        var busiest = Rows.OrderByDescending(r => r.Orders).First();
        var richest = priced.OrderByDescending(r => r.MeanOrderValue).First();
        return $"Aim premium offers at the {Labels.Of(richest.TimeSegment)} segment, whose baskets are worth most ({Wording.Money(richest.MeanOrderValue)}), "
            + $"and keep delivery slots and support staffed for the {Labels.Of(busiest.TimeSegment)} segment, which places most orders "
            + "(rule: highest mean order value for premium offers; most orders for capacity).";
    }

    /// <inheritdoc />
    /// <remarks>Early birds, Midday, Evening, Night owls: the order of the day.</remarks>
    public override AnswerTable Table() => RowFrames.ToTable(Rows.OrderBy(r => r.TimeSegment), Rows.Count, "time segments");

    /// <inheritdoc />
    public override string Method() =>
        $"Population: {Population.LinesDescription}. Segments by the order's hour of day, inclusive: Early birds 04–09, Midday 10–15, Evening 16–21, Night owls 22–03. "
        + "Revenue is the sum of known prices; mean order value = revenue / distinct orders.";
}
