using Instacart.Analysis.Questions;
using Instacart.Analysis.Tests.Fixtures;
using Instacart.Data.Derivation;
using Instacart.Data;

namespace Instacart.Analysis.Tests.Questions;

/// <summary>Expected values worked out by hand from <see cref="TinyData"/>: 11 merged lines in orders 101–103 and 201–205.</summary>
public class TimeQuestionsTests
{
    private static readonly InstacartData Data = TinyData.Load();

    [Fact]
    public void BusiestDays_TinyData_CountsLinesAndOrdersPerDayAndFlagsByRank()
    {
        var rows = BusiestDays.Compute(Data).Rows;

        Assert.Equal([6L, 2, 0, 1, 1, 1, 0], rows.Select(r => r.Lines));
        Assert.Equal([3L, 2, 0, 1, 1, 1, 0], rows.Select(r => r.Orders));
        Assert.Equal(["Saturday", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], rows.Select(r => r.Label));
        // ranked: 0 (6), 1 (2), 3, 4, 5 (1 each), then 2 and 6 (0): among tied last days the higher dow is slower.
        Assert.Equal(["Busiest days", "Busiest days", "Slowest days", "Regularly busy", "Regularly busy", "Regularly busy", "Slowest days"], rows.Select(r => Instacart.Data.Derivation.Labels.Of(r.Flag)));
    }

    [Fact]
    public void BusiestDays_SundayFirst_RenamesDaysOnly()
    {
        using var folder = TinyData.Write();
        var data = InstacartData.Load(folder.Path, AnalysisOptions.Default with { DayConvention = DayConvention.SundayFirst });

        var rows = BusiestDays.Compute(data).Rows;

        Assert.Equal("Sunday", rows[0].Label);
        Assert.Equal(6, rows[0].Lines);
    }

    [Fact]
    public void BusiestHours_TinyData_FlagsEightMostAndEightFewestWithTiesByHour()
    {
        var rows = BusiestHours.Compute(Data).Rows;

        Assert.Equal(24, rows.Count);
        Assert.Equal(5, rows[10].Lines);
        Assert.Equal(3, rows[10].Orders);
        Assert.Equal([0, 1, 3, 9, 10, 16, 22, 23], rows.Where(r => r.Flag == Instacart.Data.Derivation.HourFlag.MostOrders).Select(r => r.Hour));
        Assert.Equal([13, 14, 15, 17, 18, 19, 20, 21], rows.Where(r => r.Flag == Instacart.Data.Derivation.HourFlag.FewestOrders).Select(r => r.Hour));
    }

    [Fact]
    public void SpendByHour_TinyData_SumsKnownPricesOnly()
    {
        var rows = SpendByHour.Compute(Data).Rows;

        var ten = rows[10];    // 5 + 15 + 5 + 100 (+ a missing price): 4 known lines, orders 101, 102, 202
        Assert.Equal(125, ten.Revenue, 10);
        Assert.Equal(31.25, ten.MeanItemPrice!.Value, 10);
        Assert.Equal(125 / 3.0, ten.MeanOrderValue!.Value, 10);
        var nine = rows[9];    // 100 + an outlier made missing
        Assert.Equal(100, nine.MeanItemPrice!.Value, 10);
        Assert.Equal(0, rows[0].Revenue);
        Assert.Null(rows[0].MeanItemPrice);
        Assert.Null(rows[0].MeanOrderValue);
    }

    [Fact]
    public void TimeSegments_TinyData_GroupsHoursInclusive()
    {
        var rows = TimeSegments.Compute(Data).Rows;

        Assert.Equal(["Early birds", "Evening", "Midday", "Night owls"], rows.Select(r => Instacart.Data.Derivation.Labels.Of(r.TimeSegment)));
        Assert.Equal([1L, 1, 3, 3], rows.Select(r => r.Orders));
        Assert.Equal([2L, 1, 5, 3], rows.Select(r => r.Lines));
        Assert.Equal(120.1, rows[3].Revenue, 10);           // 15.1 at 23:00, 5 at 22:00, 100 at 03:00
        Assert.Equal(120.1 / 3, rows[3].MeanOrderValue!.Value, 10);
    }
}
