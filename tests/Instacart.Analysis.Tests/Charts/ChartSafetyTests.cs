using Instacart.Analysis.Affinity;
using Instacart.Analysis.Charts;
using Instacart.Analysis.Prediction;
using Instacart.Analysis.Preparation;
using Instacart.Analysis.Questions;
using Instacart.Analysis.Segments;
using Instacart.Analysis.Statistics;
using Instacart.Analysis.Tests.Fixtures;
using Plotly.NET;

namespace Instacart.Analysis.Tests.Charts;

/// <summary>What holds for every chart: aggregated rows only, titled axes, and names from the data kept as data.</summary>
public class ChartSafetyTests
{
    public static TheoryData<string> ChartNames => new(Charts.Keys);

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void EveryChart_SampleData_HoldsTheAnswerRowsNotTheOrderLines(string name)
    {
        var data = InstacartData.Load(RepoPaths.DataSample);
        Assert.True(data.Lines.Count > 100_000);

        var figure = Figure.Of(Charts[name](data));

        // At most one point per answer row (24 hours is the most a core question has; an extra's rows, a heatmap's
        // departments, the segments' chart sample) in each trace.
        var (maxPoints, maxJson) = Limits(name);
        Assert.All(figure.Traces, t =>
        {
            foreach (var property in new[] { "x", "y", "z", "customdata" })
            {
                if (t.TryGetProperty(property, out var values))
                {
                    Assert.InRange(values.GetArrayLength(), 1, maxPoints);
                }
            }
        });
        Assert.InRange(figure.Json.Length, 100, maxJson);
    }

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void EveryChart_TinyData_HasATitleAndEveryAxisTitled(string name)
    {
        var figure = Figure.Of(Charts[name](TinyData.Load()));

        Assert.False(string.IsNullOrWhiteSpace(figure.Title));
        var axes = figure.Axes().ToList();
        Assert.Contains(axes, a => a.Name.StartsWith('x'));
        Assert.Contains(axes, a => a.Name.StartsWith('y'));
        Assert.All(axes, a => Assert.False(string.IsNullOrWhiteSpace(a.Axis.GetProperty("title").GetProperty("text").GetString())));

        // Every trace that draws points explains them on hover (a model too small to fit draws the empty plot).
        Assert.All(figure.Traces.Where(t => t.TryGetProperty("x", out _) || t.TryGetProperty("z", out _)), t => Assert.False(string.IsNullOrWhiteSpace(t.GetProperty("hovertemplate").GetString())));
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

        var figure = Figure.Of(Charts[name](data));

        Assert.All(figure.Traces.Where(t => t.TryGetProperty("hovertemplate", out _)), t => Assert.DoesNotContain("frozen", t.GetProperty("hovertemplate").GetString(), StringComparison.Ordinal));
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

        var figure = Figure.Of(Charts[name](data));

        Assert.False(string.IsNullOrWhiteSpace(figure.Title));
        Assert.All(figure.Axes(), a => Assert.False(string.IsNullOrWhiteSpace(a.Axis.GetProperty("title").GetProperty("text").GetString())));
    }

    /// <summary>Every chart by name, computed only when its case runs (the models take seconds on the sample).</summary>
    private static readonly Dictionary<string, Func<InstacartData, GenericChart>> Charts = new()
    {
        ["data_preparation"] = d => DataPreparationChart.LineFlow(DataPreparation.Summarize(d)),
        ["busiest_days"] = d => BusiestDaysChart.Bars(BusiestDays.Compute(d)),
        ["busiest_hours"] = d => BusiestHoursChart.Bars(BusiestHours.Compute(d)),
        ["spend_by_hour"] = d => SpendByHourChart.RevenueAndOrderValue(SpendByHour.Compute(d)),
        ["price_ranges"] = d => PriceRangesChart.Shares(PriceRanges.Compute(d)),
        ["departments"] = d => DepartmentsChart.Bars(Departments.Compute(d)),
        ["time_segments"] = d => TimeSegmentsChart.Panels(TimeSegments.Compute(d)),
        ["loyalty"] = d => LoyaltyGroupsChart.Panels(LoyaltyGroups.Compute(d)),
        ["regions"] = d => RegionGroupsChart.Panels(RegionGroups.Compute(d)),
        ["age_family"] = d => AgeFamilyChart.GroupedBars(AgeFamily.Compute(d)),
        ["income"] = d => IncomeGroupsChart.Panels(IncomeGroups.Compute(d)),
        ["profiles"] = d => ProfilesChart.Panels(Profiles.Compute(d)),
        ["affinity_pairs"] = d => BasketAffinityChart.TopPairs(BasketAffinity.Compute(d)),
        ["affinity_departments"] = d => BasketAffinityChart.DepartmentHeatmap(BasketAffinity.Compute(d)),
        ["segments_profiles"] = d => CustomerSegmentsChart.Profiles(CustomerSegments.Compute(d)),
        ["segments_projection"] = d => CustomerSegmentsChart.Projection(CustomerSegments.Compute(d)),
        ["segments_criteria"] = d => CustomerSegmentsChart.Criteria(CustomerSegments.Compute(d)),
        ["prediction_models"] = d => ReorderPredictionChart.Models(ReorderPrediction.Compute(d)),
        ["prediction_importance"] = d => ReorderPredictionChart.Importance(ReorderPrediction.Compute(d)),
        ["hour_quadrants"] = d => HourQuadrantsChart.Scatter(HourQuadrants.Compute(d)),
        ["spender_frequency"] = d => SpenderFrequencyChart.RevenueShareHeatmap(SpenderFrequency.Compute(d)),
        ["department_mix"] = d => DepartmentMixChart.ShareDifferences(DepartmentMix.Compute(d)),
        ["baby_households"] = d => BabyHouseholdsChart.Panels(BabyHouseholds.Compute(d)),
        ["intervals_time_segment"] = d => GroupIntervalsChart.MeansWithIntervals(GroupIntervals.Compute(d, GroupingDimension.TimeSegment)),
        ["intervals_age_family"] = d => GroupIntervalsChart.MeansWithIntervals(GroupIntervals.Compute(d, GroupingDimension.AgeFamily)),
        ["intervals_profile"] = d => GroupIntervalsChart.MeansWithIntervals(GroupIntervals.Compute(d, GroupingDimension.Profile)),
    };

    /// <summary>The most points a trace of the chart may hold, and the largest figure JSON, on the sample.</summary>
    private static (int Points, int Json) Limits(string name) => name switch
    {
        "affinity_pairs" => (AffinityOptions.Default.TopPairs, 20_000),
        "affinity_departments" or "department_mix" => (40, 60_000),
        "segments_projection" => (SegmentOptions.Default.ChartPoints, 250_000),
        _ => (24, 20_000),
    };
}
