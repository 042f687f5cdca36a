using System.Text.Json;
using Instacart.Analysis.Questions;
using Instacart.Analysis.Tests.Fixtures;
using Instacart.Data.Derivation;
using Instacart.Data;
using Instacart.Interactive.Charts;

namespace Instacart.Analysis.Tests.Charts;

/// <summary>
/// Each question's chart, read back from its figure JSON: the trace type, the values (exactly the answer's rows),
/// readable labels in their natural order, axis titles with units, and colours that follow the flag.
/// </summary>
public class QuestionChartsTests
{
    private static readonly InstacartData Data = TinyData.Load();

    [Fact]
    public void Bars_BusiestDays_OneBarPerDayWithDayNames()
    {
        var answer = BusiestDays.Compute(Data);

        var figure = Figure.Of(BusiestDaysChart.Bars(answer));

        Assert.All(figure.Traces, t => Assert.Equal("bar", t.GetProperty("type").GetString()));
        var points = figure.Points().ToDictionary(p => p.Key);
        Assert.Equal(7, points.Count);
        Assert.All(answer.Rows, r => Assert.Equal(r.Lines, points[r.Label].Value));
        Assert.Equal(answer.Rows.Select(r => r.Label), figure.Categories("xaxis"));
        Assert.Equal(["Saturday", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], figure.Categories("xaxis"));
        Assert.Equal("Order lines", figure.AxisTitle("yaxis"));
        Assert.StartsWith("Day of the week", figure.AxisTitle("xaxis"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(figure.Title));
    }

    [Fact]
    public void Bars_BusiestDays_ColoursEncodeTheFlag()
    {
        var answer = BusiestDays.Compute(Data);

        var figure = Figure.Of(BusiestDaysChart.Bars(answer));

        // One trace per flag present, named by the flag, holding exactly the days with that flag.
        Assert.Equal(["Busiest days", "Regularly busy", "Slowest days"], figure.Traces.Select(t => Figure.Name(t)));
        Assert.All(figure.Points(), p => Assert.Equal(Labels.Of(answer.Rows.Single(r => r.Label == p.Key).Flag), p.Trace));
        var colours = figure.Traces.Select(t => t.GetProperty("marker").GetProperty("color").GetString()).ToList();
        Assert.Equal(colours.Count, colours.Distinct().Count());
        Assert.Equal("overlay", figure.Layout.GetProperty("barmode").GetString());
    }

    [Fact]
    public void Bars_BusiestDays_SundayFirstConventionNamesDaysFromSunday()
    {
        using var folder = TinyData.Write();
        var data = InstacartData.Load(folder.Path, AnalysisOptions.Default with { DayConvention = DayConvention.SundayFirst });

        var figure = Figure.Of(BusiestDaysChart.Bars(BusiestDays.Compute(data)));

        Assert.Equal("Sunday", figure.Categories("xaxis")[0]);
        Assert.Contains("day 0 = Sunday", figure.AxisTitle("xaxis"), StringComparison.Ordinal);
        Assert.Equal(6, figure.Points().Single(p => p.Key == "Sunday").Value);
    }

    [Fact]
    public void Bars_BusiestHours_OneBarPerHourAsClockTime()
    {
        var answer = BusiestHours.Compute(Data);

        var figure = Figure.Of(BusiestHoursChart.Bars(answer));

        var expectedHours = Enumerable.Range(0, 24).Select(h => $"{h:00}:00").ToArray();
        Assert.Equal(expectedHours, figure.Categories("xaxis"));
        var points = figure.Points().ToDictionary(p => p.Key);
        Assert.Equal(24, points.Count);
        Assert.All(answer.Rows, r => Assert.Equal(r.Lines, points[$"{r.Hour:00}:00"].Value));
        Assert.All(figure.Points(), p => Assert.Equal(Labels.Of(answer.Rows.Single(r => $"{r.Hour:00}:00" == p.Key).Flag), p.Trace));
        Assert.Equal(["Most orders", "Average orders", "Fewest orders"], figure.Traces.Select(t => Figure.Name(t)));
        Assert.Equal("Order lines", figure.AxisTitle("yaxis"));
    }

    [Fact]
    public void RevenueAndOrderValue_SpendByHour_RevenueBarsAndOrderValueLineOnASecondDollarAxis()
    {
        var answer = SpendByHour.Compute(Data);

        var figure = Figure.Of(SpendByHourChart.RevenueAndOrderValue(answer));

        var revenue = figure.Trace("Revenue");
        Assert.Equal("bar", revenue.GetProperty("type").GetString());
        Assert.Equal(answer.Rows.Select(r => (double?)r.Revenue), Figure.Numbers(revenue, "y"));
        var value = figure.Trace("Mean order value");
        Assert.Equal("scatter", value.GetProperty("type").GetString());
        Assert.Equal("y2", value.GetProperty("yaxis").GetString());
        Assert.Equal(answer.Rows.Select(r => r.MeanOrderValue), Figure.Numbers(value, "y"));   // null (a gap) for an hour without orders
        Assert.Contains(null, Figure.Numbers(value, "y"));
        Assert.Equal(Enumerable.Range(0, 24).Select(h => $"{h:00}:00"), Figure.Strings(value, "x"));
        Assert.Equal("Revenue ($)", figure.AxisTitle("yaxis"));
        Assert.Equal("Mean order value ($)", figure.AxisTitle("yaxis2"));
        Assert.Equal("y", figure.Layout.GetProperty("yaxis2").GetProperty("overlaying").GetString());
    }

    [Fact]
    public void Shares_PriceRanges_LineAndRevenueSharesPerRangeFromLowToUnknown()
    {
        var answer = PriceRanges.Compute(Data);

        var figure = Figure.Of(PriceRangesChart.Shares(answer));

        Assert.Equal(["Low", "Mid", "High", "Unknown"], figure.Categories("xaxis"));
        var lines = answer.Rows.Sum(r => (double)r.Lines);
        var revenue = answer.Rows.Sum(r => r.Revenue);
        var lineShare = figure.Trace("Share of order lines");
        var revenueShare = figure.Trace("Share of revenue");
        Assert.Equal(["Low", "Mid", "High", "Unknown"], Figure.Strings(lineShare, "x"));
        foreach (var (range, i) in Figure.Strings(lineShare, "x").Select((r, i) => (r, i)))
        {
            var row = answer.Rows.Single(r => Labels.Of(r.PriceRange) == range);
            Assert.Equal(row.Lines / lines, Figure.Numbers(lineShare, "y")[i]!.Value, 12);
            Assert.Equal(row.Revenue / revenue, Figure.Numbers(revenueShare, "y")[i]!.Value, 12);
        }

        Assert.Equal(1.0, Figure.Numbers(revenueShare, "y").Sum()!.Value, 12);
        Assert.Equal("group", figure.Layout.GetProperty("barmode").GetString());
        Assert.Equal("Share of the total (%)", figure.AxisTitle("yaxis"));
        Assert.Contains("Low ≤ $5", figure.AxisTitle("xaxis"), StringComparison.Ordinal);
    }

    [Fact]
    public void Bars_Departments_HorizontalBarsSortedByLinesWithTheReorderRateAsColour()
    {
        var answer = Departments.Compute(Data);

        var figure = Figure.Of(DepartmentsChart.Bars(answer));

        var bars = Assert.Single(figure.Traces);
        Assert.Equal("bar", bars.GetProperty("type").GetString());
        Assert.Equal("h", bars.GetProperty("orientation").GetString());
        var sorted = answer.Rows.OrderByDescending(r => r.Lines).ThenBy(r => r.DepartmentId).ToList();
        Assert.Equal(sorted.Select(r => r.Department), Figure.Strings(bars, "y"));
        Assert.Equal(sorted.Select(r => (double?)r.Lines), Figure.Numbers(bars, "x"));
        Assert.Equal(sorted.Select(r => (double?)r.ReorderRate), Figure.Numbers(bars.GetProperty("marker").GetProperty("color")));
        // Plotly lists categories bottom up: the most popular department is last, so it is drawn on top.
        Assert.Equal(sorted.Select(r => r.Department).Reverse(), figure.Categories("yaxis"));
        Assert.Equal("Order lines", figure.AxisTitle("xaxis"));
        Assert.Equal("Department", figure.AxisTitle("yaxis"));
        Assert.Contains("Reorder rate", bars.GetProperty("marker").GetProperty("colorbar").GetProperty("title").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Panels_TimeSegments_OnePanelPerMetricWithSegmentsInTimeOrder()
    {
        var answer = TimeSegments.Compute(Data);

        var figure = Figure.Of(TimeSegmentsChart.Panels(answer));

        var order = Enum.GetValues<TimeSegment>().Select(Labels.Of).Where(l => answer.Rows.Any(r => Labels.Of(r.TimeSegment) == l)).ToList();
        AssertPanels(figure, order, ["Orders", "Revenue ($)", "Mean order value ($)"]);
        var rows = order.Select(l => answer.Rows.Single(r => Labels.Of(r.TimeSegment) == l)).ToList();
        Assert.Equal(rows.Select(r => (double?)r.Orders), Figure.Numbers(figure.Trace("Orders"), "x"));
        Assert.Equal(rows.Select(r => (double?)r.Revenue), Figure.Numbers(figure.Trace("Revenue ($)"), "x"));
        Assert.Equal(rows.Select(r => r.MeanOrderValue), Figure.Numbers(figure.Trace("Mean order value ($)"), "x"));
        Assert.Equal("Shopping-time segment", figure.AxisTitle("yaxis"));
        // The hours come from the rule itself, e.g. night owls wrap past midnight.
        Assert.Contains(figure.Trace("Orders").GetProperty("customdata").EnumerateArray(), c => c[0].GetString() == "22:00–03:59");
    }

    [Fact]
    public void Panels_Loyalty_GroupsFromNewToLoyal()
    {
        var answer = LoyaltyGroups.Compute(Data);

        var figure = Figure.Of(LoyaltyGroupsChart.Panels(answer));

        var order = Enum.GetValues<Loyalty>().Select(Labels.Of).Where(l => answer.Rows.Any(r => Labels.Of(r.Loyalty) == l)).ToList();
        AssertPanels(figure, order, ["Active customers", "Median days between orders", "Mean item price ($)", "Mean order value ($)"]);
        var rows = order.Select(l => answer.Rows.Single(r => Labels.Of(r.Loyalty) == l)).ToList();
        Assert.Equal(rows.Select(r => (double?)r.Customers), Figure.Numbers(figure.Trace("Active customers"), "x"));
        Assert.Equal(rows.Select(r => r.MedianDaysBetweenOrders), Figure.Numbers(figure.Trace("Median days between orders"), "x"));
        Assert.Equal(rows.Select(r => r.MeanItemPrice), Figure.Numbers(figure.Trace("Mean item price ($)"), "x"));
        Assert.Equal(rows.Select(r => r.MeanOrderValue), Figure.Numbers(figure.Trace("Mean order value ($)"), "x"));
    }

    [Fact]
    public void Panels_Regions_CustomersLinesPriceAndHighSpenderShare()
    {
        var answer = RegionGroups.Compute(Data);

        var figure = Figure.Of(RegionGroupsChart.Panels(answer));

        var order = Enum.GetValues<Region>().Select(Labels.Of).Where(l => answer.Rows.Any(r => Labels.Of(r.Region) == l)).ToList();
        AssertPanels(figure, order, ["Active customers", "Order lines", "Mean item price ($)", "High spenders (% of customers)"]);
        var rows = order.Select(l => answer.Rows.Single(r => Labels.Of(r.Region) == l)).ToList();
        Assert.Equal(rows.Select(r => (double?)r.Lines), Figure.Numbers(figure.Trace("Order lines"), "x"));
        Assert.Equal(rows.Select(r => (double?)r.HighSpenderShare), Figure.Numbers(figure.Trace("High spenders (% of customers)"), "x"));
    }

    [Fact]
    public void GroupedBars_AgeFamily_OneTracePerHouseholdInTwoPanels()
    {
        var answer = AgeFamily.Compute(Data);

        var figure = Figure.Of(AgeFamilyChart.GroupedBars(answer));

        Assert.Equal("group", figure.Layout.GetProperty("barmode").GetString());
        Assert.All(figure.Traces, t => Assert.Equal("bar", t.GetProperty("type").GetString()));
        foreach (var row in answer.Rows)
        {
            var traces = figure.Traces.Where(t => Figure.Name(t) == Labels.Of(row.Household)).ToList();
            Assert.Equal(2, traces.Count);
            var left = traces.Single(t => t.GetProperty("xaxis").GetString() == "x");
            var right = traces.Single(t => t.GetProperty("xaxis").GetString() == "x2");
            var i = Array.IndexOf(Figure.Strings(left, "x"), Labels.Of(row.AgeGroup));
            Assert.Equal(row.OrdersPerCustomer, Figure.Numbers(left, "y")[i]);
            Assert.Equal(row.MeanOrderValue, Figure.Numbers(right, "y")[Array.IndexOf(Figure.Strings(right, "x"), Labels.Of(row.AgeGroup))]);
        }

        Assert.Equal(answer.Rows.Count * 2, figure.Points().Count());
        Assert.Equal("Orders per customer", figure.AxisTitle("yaxis"));
        Assert.Equal("Mean order value ($)", figure.AxisTitle("yaxis2"));
        Assert.Equal("Age group", figure.AxisTitle("xaxis"));
    }

    [Fact]
    public void Panels_Income_HoverNamesTheTopDepartment()
    {
        var answer = IncomeGroups.Compute(Data);

        var figure = Figure.Of(IncomeGroupsChart.Panels(answer));

        var order = Enum.GetValues<IncomeGroup>().Select(Labels.Of).Where(l => answer.Rows.Any(r => Labels.Of(r.IncomeGroup) == l)).ToList();
        AssertPanels(figure, order, ["Active customers", "Orders per customer", "Mean item price ($)", "Mean order value ($)"]);
        var rows = order.Select(l => answer.Rows.Single(r => Labels.Of(r.IncomeGroup) == l)).ToList();
        Assert.Equal(rows.Select(r => r.OrdersPerCustomer), Figure.Numbers(figure.Trace("Orders per customer"), "x"));
        var trace = figure.Trace("Active customers");
        Assert.Equal(rows.Select(r => r.TopDepartment), trace.GetProperty("customdata").EnumerateArray().Select(c => c[0].GetString()));
        Assert.Contains("Top department: %{customdata[0]}", trace.GetProperty("hovertemplate").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Panels_Profiles_SixProfilesInAgeThenHouseholdOrder()
    {
        var answer = Profiles.Compute(Data);

        var figure = Figure.Of(ProfilesChart.Panels(answer));

        var order = Enum.GetValues<Profile>().Select(Labels.Of).Where(l => answer.Rows.Any(r => Labels.Of(r.Profile) == l)).ToList();
        AssertPanels(figure, order, ["Active customers", "Orders per customer", "Mean order value ($)", "Median days between orders"]);
        var rows = order.Select(l => answer.Rows.Single(r => Labels.Of(r.Profile) == l)).ToList();
        Assert.Equal(rows.Select(r => r.MedianDaysBetweenOrders), Figure.Numbers(figure.Trace("Median days between orders"), "x"));
    }

    /// <summary>A horizontal bar per group in each metric's panel, groups top down on the shared y axis, each panel's x axis titled.</summary>
    private static void AssertPanels(Figure figure, IReadOnlyList<string> groups, IReadOnlyList<string> metrics)
    {
        Assert.Equal(metrics, figure.Traces.Select(t => Figure.Name(t)));
        Assert.Equal(groups.Reverse(), figure.Categories("yaxis"));
        for (var i = 0; i < metrics.Count; i++)
        {
            var trace = figure.Traces[i];
            Assert.Equal("bar", trace.GetProperty("type").GetString());
            Assert.Equal("h", trace.GetProperty("orientation").GetString());
            Assert.Equal(groups, Figure.Strings(trace, "y"));
            Assert.Equal("y", trace.GetProperty("yaxis").GetString());
            var axis = i == 0 ? "xaxis" : $"xaxis{i + 1}";
            Assert.Equal(i == 0 ? "x" : $"x{i + 1}", trace.GetProperty("xaxis").GetString());
            Assert.Equal(metrics[i], figure.AxisTitle(axis));
        }
    }
}
