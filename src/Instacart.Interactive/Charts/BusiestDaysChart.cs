using Instacart.Data.Derivation;
using Instacart.Analysis.Questions;
using Plotly.NET;

namespace Instacart.Interactive.Charts;

/// <summary>The chart of <see cref="BusiestDays"/>.</summary>
public static class BusiestDaysChart
{
    /// <summary>
    /// One bar of order lines per day of the week, Saturday to Friday under the default convention (day
    /// numbers read as names), coloured by flag: busiest, regularly busy, slowest. Hover gives lines, share and orders.
    /// </summary>
    /// <param name="answer">The computed answer; only its seven rows are drawn.</param>
    /// <returns>The chart.</returns>
    public static GenericChart Bars(BusiestDays answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var periods = answer.Rows.Select(r => new FlaggedBars.Period(r.Label, r.Lines, r.Orders, Labels.Of(r.Flag))).ToList();
        var flags = Enum.GetValues<DayFlag>().Select(Labels.Of).ToList();
        return FlaggedBars.Draw($"Order lines by day of the week", $"Day of the week (day 0 = {Labels.Day(0, answer.Options.DayConvention)})", periods, flags);
    }
}
