using Instacart.Analysis.Writing;
using Instacart.Data.Derivation;
using Instacart.Data;
using Instacart.Analysis.Sessions;

namespace Instacart.Analysis.Questions;

/// <summary>A day of the week's volume and flag.</summary>
/// <param name="Dow">The <c>order_dow</c> number, 0–6.</param>
/// <param name="Label">The day's name under the day convention.</param>
/// <param name="Orders">Distinct orders with lines that day.</param>
/// <param name="Lines">Order lines that day.</param>
/// <param name="Flag">Busiest days, Regularly busy or Slowest days.</param>
public sealed record BusiestDaysRow([property: FrameColumn("orders_day_of_week"), TableColumn] int Dow, [property: TableColumn("Day")] string Label, long Orders, [property: TableColumn("Order lines")] long Lines, DayFlag Flag);

/// <summary>Which days of the week are busiest (SPEC §5 <c>busiest_days</c>).</summary>
public sealed class BusiestDays : QuestionAnswer<BusiestDaysRow>
{
    private BusiestDays(IReadOnlyList<BusiestDaysRow> rows, AnalysisOptions options)
        : base(rows, options)
    {
    }

    /// <inheritdoc />
    public override string Key => "busiest_days";

    /// <inheritdoc />
    public override string Question => "Which days of the week are busiest?";

    /// <summary>Counts lines and orders per day (all seven, zero when empty) and flags them by rank.</summary>
    public static BusiestDays Compute(InstacartData data) => Finish(data.Options, Partial(data));

    /// <summary>
    /// The answer for <paramref name="session"/>: on a partitioned dataset's session the finish of the partial states
    /// merged over every part (exact, every customer), otherwise computed from its data as <see cref="Compute(InstacartData)"/> does.
    /// </summary>
    public static BusiestDays Compute(AnalysisSession session) => AnalysisSession.Cheap(session, Compute);

    /// <summary>The partial state: lines and orders per day.</summary>
    internal static GroupStats Partial(InstacartData data) => GroupStats.ByDayAndHour(data, 7, (day, _) => day);

    /// <summary>The rows from the days' totals: all seven, flagged by rank.</summary>
    internal static BusiestDays Finish(AnalysisOptions options, GroupStats stats)
    {
        var flags = Ranking.Flags(stats.Lines, options.FlaggedDays);
        var rows = Enumerable.Range(0, 7)
            .Select(d => new BusiestDaysRow(d, Labels.Day(d, options.DayConvention), stats.Orders[d], stats.Lines[d], (DayFlag)flags[d]))
            .ToList();
        return new BusiestDays(rows, options);
    }

    /// <inheritdoc />
    public override string Sentence()
    {
        var total = Rows.Sum(r => (double)r.Lines);
        var ranked = Rows.OrderByDescending(r => r.Lines).ThenBy(r => r.Dow).ToList();
        var busiest = Rows.Where(r => r.Flag == DayFlag.BusiestDays).OrderByDescending(r => r.Lines).ThenBy(r => r.Dow).ToList();
        var slowest = Rows.Where(r => r.Flag == DayFlag.SlowestDays).OrderBy(r => r.Lines).ThenByDescending(r => r.Dow).ToList();
        if (total == 0)
        {
            return "There are no order lines, so no day is busier than another.";
        }

        return $"{Wording.List(busiest.Select(r => r.Label))} are the busiest days ({Wording.List(busiest.Select(r => Wording.Percent(r.Lines, total)))} of order lines); "
            + $"{Wording.List(slowest.Select(r => r.Label))} are the slowest ({Wording.List(slowest.Select(r => Wording.Percent(r.Lines, total)))}), "
            + $"so the busiest day sees {Wording.Times(ranked[0].Lines, ranked[^1].Lines)} the lines of the slowest.";
    }

    /// <summary>The rule: staff and stock up for the days flagged busiest; try demand-shifting offers on the days flagged slowest.</summary>
    public override Suggestion Suggestion()
    {
        var busiest = Rows.Where(r => r.Flag == DayFlag.BusiestDays).OrderBy(r => r.Dow).Select(r => r.Label).ToList();
        var slowest = Rows.Where(r => r.Flag == DayFlag.SlowestDays).OrderBy(r => r.Dow).Select(r => r.Label).ToList();
        if (Rows.Sum(r => r.Lines) == 0)
        {
            return "No suggestion: there are no order lines.";
        }

        return $"Plan staff and stock for {Wording.List(busiest)}, and try offers that move orders to {Wording.List(slowest)} "
            + $"(rule: the {Options.FlaggedDays} days with most order lines get the capacity, the {Options.FlaggedDays} with fewest the demand-shifting offers).";
    }

    /// <inheritdoc />
    public override AnswerTable Table() => RowFrames.ToTable(Rows, Rows.Count, "days");

    /// <inheritdoc />
    public override string Method() =>
        $"Population: {Population.LinesDescription}. A day's volume is its number of order lines (orders are distinct order ids). "
        + $"Days are ranked by lines (descending, then day number ascending): the first {Options.FlaggedDays} are \"Busiest days\", the last {Options.FlaggedDays} \"Slowest days\", the rest \"Regularly busy\". "
        + $"Day 0 is read as {Labels.Day(0, Options.DayConvention)} ({(Options.DayConvention == DayConvention.SaturdayFirst ? "the course's convention" : "the Sunday-first convention")}; an option).";
}
