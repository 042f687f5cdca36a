using Instacart.Analysis.Charts;
using Instacart.Analysis.Preparation;
using Instacart.Analysis.Questions;
using Instacart.Analysis.Tests.Fixtures;
using Plotly.NET;

namespace Instacart.Analysis.Tests.Charts;

/// <summary>What holds for every chart: aggregated rows only, titled axes, and names from the data kept as data.</summary>
public class ChartSafetyTests
{
    public static TheoryData<string> ChartNames => new(AllCharts(TinyData.Load()).Keys);

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void EveryChart_SampleData_HoldsTheAnswerRowsNotTheOrderLines(string name)
    {
        var data = InstacartData.Load(RepoPaths.DataSample);
        Assert.True(data.Lines.Count > 100_000);

        var figure = Figure.Of(AllCharts(data)[name]);

        // At most one point per answer row (24 hours is the most any question has) in each trace.
        Assert.All(figure.Traces, t =>
        {
            foreach (var property in new[] { "x", "y", "customdata" })
            {
                if (t.TryGetProperty(property, out var values))
                {
                    Assert.InRange(values.GetArrayLength(), 1, 24);
                }
            }
        });
        Assert.InRange(figure.Json.Length, 100, 20_000);
    }

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void EveryChart_TinyData_HasATitleAndEveryAxisTitled(string name)
    {
        var figure = Figure.Of(AllCharts(TinyData.Load())[name]);

        Assert.False(string.IsNullOrWhiteSpace(figure.Title));
        var axes = figure.Axes().ToList();
        Assert.Contains(axes, a => a.Name.StartsWith('x'));
        Assert.Contains(axes, a => a.Name.StartsWith('y'));
        Assert.All(axes, a => Assert.False(string.IsNullOrWhiteSpace(a.Axis.GetProperty("title").GetProperty("text").GetString())));
        Assert.All(figure.Traces, t => Assert.False(string.IsNullOrWhiteSpace(t.GetProperty("hovertemplate").GetString())));
    }

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void EveryChart_MarkupInADepartmentName_StaysDataOutOfTheTemplates(string name)
    {
        const string hostile = "</script><b>frozen</b> & co";
        using var folder = TinyData.Write(new Dictionary<string, string>
        {
            ["departments.csv"] = "department_id,department\n1,\"" + hostile + "\"\n2,babies\n3,produce\n",
        });
        var data = InstacartData.Load(folder.Path);

        var figure = Figure.Of(AllCharts(data)[name]);

        Assert.All(figure.Traces, t => Assert.DoesNotContain("frozen", t.GetProperty("hovertemplate").GetString(), StringComparison.Ordinal));
        Assert.DoesNotContain("frozen", figure.Title, StringComparison.Ordinal);
        if (name is "departments")
        {
            Assert.Contains(hostile, Figure.Strings(figure.Traces[0], "y"));
        }
    }

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void EveryChart_NoMergedLines_StillDrawsTitledAxes(string name)
    {
        // Both lines name the nameless product 4, which cleaning drops: nothing reaches the merged table.
        using var folder = TinyData.Write(new Dictionary<string, string>
        {
            ["order_products__prior.csv"] = "order_id,product_id,add_to_cart_order,reordered\n101,4,1,0\n201,4,1,0\n",
        });
        var data = InstacartData.Load(folder.Path);
        Assert.Equal(0, data.Lines.Count);

        var figure = Figure.Of(AllCharts(data)[name]);

        Assert.False(string.IsNullOrWhiteSpace(figure.Title));
        Assert.All(figure.Axes(), a => Assert.False(string.IsNullOrWhiteSpace(a.Axis.GetProperty("title").GetProperty("text").GetString())));
    }

    private static Dictionary<string, GenericChart> AllCharts(InstacartData data) => new()
    {
        ["data_preparation"] = DataPreparationChart.LineFlow(DataPreparation.Summarize(data)),
        ["busiest_days"] = BusiestDaysChart.Bars(BusiestDays.Compute(data)),
        ["busiest_hours"] = BusiestHoursChart.Bars(BusiestHours.Compute(data)),
        ["spend_by_hour"] = SpendByHourChart.RevenueAndOrderValue(SpendByHour.Compute(data)),
        ["price_ranges"] = PriceRangesChart.Shares(PriceRanges.Compute(data)),
        ["departments"] = DepartmentsChart.Bars(Departments.Compute(data)),
        ["time_segments"] = TimeSegmentsChart.Panels(TimeSegments.Compute(data)),
        ["loyalty"] = LoyaltyGroupsChart.Panels(LoyaltyGroups.Compute(data)),
        ["regions"] = RegionGroupsChart.Panels(RegionGroups.Compute(data)),
        ["age_family"] = AgeFamilyChart.GroupedBars(AgeFamily.Compute(data)),
        ["income"] = IncomeGroupsChart.Panels(IncomeGroups.Compute(data)),
        ["profiles"] = ProfilesChart.Panels(Profiles.Compute(data)),
    };
}
