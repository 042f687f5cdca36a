using Instacart.Analysis.Writing;
using Instacart.Data.Derivation;
using Instacart.Data;
using Instacart.Analysis.Sessions;

namespace Instacart.Analysis.Questions;

/// <summary>An hour of the day's volume and flag.</summary>
/// <param name="Hour">The hour, 0–23.</param>
/// <param name="Orders">Distinct orders with lines in that hour.</param>
/// <param name="Lines">Order lines in that hour.</param>
/// <param name="Flag">Most orders, Average orders or Fewest orders.</param>
public sealed record BusiestHoursRow(int Hour, long Orders, [property: TableColumn("Order lines")] long Lines, HourFlag Flag);

/// <summary>Which hours of the day are busiest (SPEC §5 <c>busiest_hours</c>).</summary>
public sealed class BusiestHours : QuestionAnswer<BusiestHoursRow>
{
    private BusiestHours(IReadOnlyList<BusiestHoursRow> rows, AnalysisOptions options)
        : base(rows, options)
    {
    }

    /// <inheritdoc />
    public override string Key => "busiest_hours";

    /// <inheritdoc />
    public override string Question => "Which hours of the day are busiest?";

    /// <summary>Counts lines and orders per hour (all 24) and flags them by rank.</summary>
    public static BusiestHours Compute(InstacartData data) => Finish(data.Options, Partial(data));

    /// <summary>
    /// The answer for <paramref name="session"/>: on a partitioned dataset's session the finish of the partial states
    /// merged over every part (exact, every customer), otherwise computed from its data as <see cref="Compute(InstacartData)"/> does.
    /// </summary>
    public static BusiestHours Compute(AnalysisSession session) => AnalysisSession.Cheap(session, Compute);

    /// <summary>The partial state: lines, orders and revenue per hour (shared with <see cref="SpendByHour"/> and <see cref="HourQuadrants"/>).</summary>
    internal static GroupStats Partial(InstacartData data) => GroupStats.ByDayAndHour(data, 24, (_, hour) => hour);

    /// <summary>The rows from the hours' totals: all 24, flagged by rank.</summary>
    internal static BusiestHours Finish(AnalysisOptions options, GroupStats stats)
    {
        var flags = Ranking.Flags(stats.Lines, options.FlaggedHours);
        var rows = Enumerable.Range(0, 24)
            .Select(h => new BusiestHoursRow(h, stats.Orders[h], stats.Lines[h], (HourFlag)flags[h]))
            .ToList();
        return new BusiestHours(rows, options);
    }

    /// <inheritdoc />
    public override string Sentence()
    {
        var total = Rows.Sum(r => (double)r.Lines);
        if (total == 0)
        {
            return "There are no order lines, so no hour is busier than another.";
        }

        var ranked = Rows.OrderByDescending(r => r.Lines).ThenBy(r => r.Hour).ToList();
        var most = Rows.Where(r => r.Flag == HourFlag.MostOrders).ToList();
        var fewest = Rows.Where(r => r.Flag == HourFlag.FewestOrders).ToList();
        return $"The busiest hours are {Wording.Hour(ranked[0].Hour)} ({Wording.Percent(ranked[0].Lines, total)} of order lines) and {Wording.Hour(ranked[1].Hour)} ({Wording.Percent(ranked[1].Lines, total)}); "
            + $"the {most.Count} busiest hours, {HourSpans(most)}, carry {Wording.Percent(most.Sum(r => r.Lines), total)} of lines, "
            + $"while the {fewest.Count} quietest, {HourSpans(fewest)}, carry {Wording.Percent(fewest.Sum(r => r.Lines), total)}.";
    }

    /// <summary>Hours written as runs, e.g. "09:00–16:59" or "00:00–05:59 and 23:00–23:59".</summary>
    internal static string HourSpans(IEnumerable<BusiestHoursRow> rows)
    {
        var hours = rows.Select(r => r.Hour).Order().ToList();
        var spans = new List<string>();
        for (var i = 0; i < hours.Count;)
        {
            var j = i;
            while (j + 1 < hours.Count && hours[j + 1] == hours[j] + 1)
            {
                j++;
            }

            spans.Add($"{Wording.Hour(hours[i])}–{hours[j]:00}:59");
            i = j + 1;
        }

        return Wording.List(spans);
    }

    /// <summary>The rule: ads and notifications go out in the hours flagged with most orders; maintenance and restocking in those with fewest.</summary>
    public override Suggestion Suggestion()
    {
        var most = Rows.Where(r => r.Flag == HourFlag.MostOrders).ToList();
        var fewest = Rows.Where(r => r.Flag == HourFlag.FewestOrders).ToList();
        if (Rows.Sum(r => r.Lines) == 0)
        {
            return "No suggestion: there are no order lines.";
        }

        return $"Time ads and app notifications for {HourSpans(most)}, when most orders come in, and schedule app maintenance and restocking for {HourSpans(fewest)} "
            + $"(rule: the {Options.FlaggedHours} hours with most order lines and the {Options.FlaggedHours} with fewest).";
    }

    /// <inheritdoc />
    public override AnswerTable Table() => RowFrames.ToTable(Rows, Rows.Count, "hours");

    /// <inheritdoc />
    public override string Method() =>
        $"Population: {Population.LinesDescription}. An hour's volume is its number of order lines (orders are distinct order ids), by `order_hour_of_day`. "
        + $"Hours are ranked by lines (descending, then hour ascending): the first {Options.FlaggedHours} are \"Most orders\", the last {Options.FlaggedHours} \"Fewest orders\", the rest \"Average orders\".";
}
