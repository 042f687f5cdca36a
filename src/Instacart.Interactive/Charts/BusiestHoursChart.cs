using Instacart.Analysis.Questions;
using Instacart.Analysis.Writing;
using Instacart.Data.Derivation;
using Plotly.NET;

namespace Instacart.Interactive.Charts;

/// <summary>The chart of <see cref="BusiestHours"/>.</summary>
public static class BusiestHoursChart
{
    /// <summary>
    /// One bar of order lines per hour of the day, 00:00 to 23:00, coloured by flag: most orders, average
    /// orders, fewest orders. Hover gives lines, share and orders.
    /// </summary>
    /// <param name="answer">The computed answer; only its 24 rows are drawn.</param>
    /// <returns>The chart.</returns>
    public static GenericChart Bars(BusiestHours answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var periods = answer.Rows.Select(r => new FlaggedBars.Period(Wording.Hour(r.Hour), r.Lines, r.Orders, Labels.Of(r.Flag))).ToList();
        var flags = Enum.GetValues<HourFlag>().Select(Labels.Of).ToList();
        return FlaggedBars.Draw($"Order lines by hour of the day", "Hour of the day the order was placed", periods, flags);
    }
}
