using Instacart.Analysis.Affinity;
using Instacart.Analysis.Prediction;
using Instacart.Analysis.Preparation;
using Instacart.Analysis.Questions;
using Instacart.Analysis.Segments;
using Instacart.Analysis.Statistics;
using Instacart.Data;
using Instacart.Interactive.Charts;
using Plotly.NET;

namespace Instacart.Analysis.Tests.Charts;

/// <summary>
/// Every chart of the library by name, with the public chart function that draws it: the tests that hold for every
/// chart run over this list, and <see cref="ChartMarkupTests"/> checks that no public chart function is missing.
/// </summary>
internal static class ChartCatalog
{
    /// <summary>The charts' names, in the notebooks' order.</summary>
    public static IEnumerable<string> Names => Entries.Select(e => e.Name);

    /// <summary>The public chart functions the list draws with, as <c>Type.Method</c>.</summary>
    public static IEnumerable<string> Functions => Entries.Select(e => e.Function).Distinct();

    /// <summary>Computes the chart's answer on <paramref name="data"/> and draws it (the models take seconds on the sample).</summary>
    public static GenericChart Draw(string name, InstacartData data) => Entries.Single(e => e.Name == name).Draw(data);

    private static readonly (string Name, string Function, Func<InstacartData, GenericChart> Draw)[] Entries =
    [
        ("data_preparation", $"{nameof(DataPreparationChart)}.{nameof(DataPreparationChart.LineFlow)}", d => DataPreparationChart.LineFlow(DataPreparation.Summarize(d))),
        ("busiest_days", $"{nameof(BusiestDaysChart)}.{nameof(BusiestDaysChart.Bars)}", d => BusiestDaysChart.Bars(BusiestDays.Compute(d))),
        ("busiest_hours", $"{nameof(BusiestHoursChart)}.{nameof(BusiestHoursChart.Bars)}", d => BusiestHoursChart.Bars(BusiestHours.Compute(d))),
        ("spend_by_hour", $"{nameof(SpendByHourChart)}.{nameof(SpendByHourChart.RevenueAndOrderValue)}", d => SpendByHourChart.RevenueAndOrderValue(SpendByHour.Compute(d))),
        ("price_ranges", $"{nameof(PriceRangesChart)}.{nameof(PriceRangesChart.Shares)}", d => PriceRangesChart.Shares(PriceRanges.Compute(d))),
        ("departments", $"{nameof(DepartmentsChart)}.{nameof(DepartmentsChart.Bars)}", d => DepartmentsChart.Bars(Departments.Compute(d))),
        ("time_segments", $"{nameof(TimeSegmentsChart)}.{nameof(TimeSegmentsChart.Panels)}", d => TimeSegmentsChart.Panels(TimeSegments.Compute(d))),
        ("loyalty", $"{nameof(LoyaltyGroupsChart)}.{nameof(LoyaltyGroupsChart.Panels)}", d => LoyaltyGroupsChart.Panels(LoyaltyGroups.Compute(d))),
        ("regions", $"{nameof(RegionGroupsChart)}.{nameof(RegionGroupsChart.Panels)}", d => RegionGroupsChart.Panels(RegionGroups.Compute(d))),
        ("age_family", $"{nameof(AgeFamilyChart)}.{nameof(AgeFamilyChart.GroupedBars)}", d => AgeFamilyChart.GroupedBars(AgeFamily.Compute(d))),
        ("income", $"{nameof(IncomeGroupsChart)}.{nameof(IncomeGroupsChart.Panels)}", d => IncomeGroupsChart.Panels(IncomeGroups.Compute(d))),
        ("profiles", $"{nameof(ProfilesChart)}.{nameof(ProfilesChart.Panels)}", d => ProfilesChart.Panels(Profiles.Compute(d))),
        ("affinity_pairs", $"{nameof(BasketAffinityChart)}.{nameof(BasketAffinityChart.TopPairs)}", d => BasketAffinityChart.TopPairs(BasketAffinity.Compute(d))),
        ("affinity_departments", $"{nameof(BasketAffinityChart)}.{nameof(BasketAffinityChart.DepartmentHeatmap)}", d => BasketAffinityChart.DepartmentHeatmap(BasketAffinity.Compute(d))),
        ("segments_profiles", $"{nameof(CustomerSegmentsChart)}.{nameof(CustomerSegmentsChart.Profiles)}", d => CustomerSegmentsChart.Profiles(CustomerSegments.Compute(d))),
        ("segments_projection", $"{nameof(CustomerSegmentsChart)}.{nameof(CustomerSegmentsChart.Projection)}", d => CustomerSegmentsChart.Projection(CustomerSegments.Compute(d))),
        ("segments_criteria", $"{nameof(CustomerSegmentsChart)}.{nameof(CustomerSegmentsChart.Criteria)}", d => CustomerSegmentsChart.Criteria(CustomerSegments.Compute(d))),
        ("prediction_models", $"{nameof(ReorderPredictionChart)}.{nameof(ReorderPredictionChart.Models)}", d => ReorderPredictionChart.Models(ReorderPrediction.Compute(d))),
        ("prediction_importance", $"{nameof(ReorderPredictionChart)}.{nameof(ReorderPredictionChart.Importance)}", d => ReorderPredictionChart.Importance(ReorderPrediction.Compute(d))),
        ("hour_quadrants", $"{nameof(HourQuadrantsChart)}.{nameof(HourQuadrantsChart.Scatter)}", d => HourQuadrantsChart.Scatter(HourQuadrants.Compute(d))),
        ("spender_frequency", $"{nameof(SpenderFrequencyChart)}.{nameof(SpenderFrequencyChart.RevenueShareHeatmap)}", d => SpenderFrequencyChart.RevenueShareHeatmap(SpenderFrequency.Compute(d))),
        ("department_mix", $"{nameof(DepartmentMixChart)}.{nameof(DepartmentMixChart.ShareDifferences)}", d => DepartmentMixChart.ShareDifferences(DepartmentMix.Compute(d))),
        ("baby_households", $"{nameof(BabyHouseholdsChart)}.{nameof(BabyHouseholdsChart.Panels)}", d => BabyHouseholdsChart.Panels(BabyHouseholds.Compute(d))),
        ("intervals_time_segment", $"{nameof(GroupIntervalsChart)}.{nameof(GroupIntervalsChart.MeansWithIntervals)}", d => GroupIntervalsChart.MeansWithIntervals(GroupIntervals.Compute(d, GroupingDimension.TimeSegment))),
        ("intervals_age_family", $"{nameof(GroupIntervalsChart)}.{nameof(GroupIntervalsChart.MeansWithIntervals)}", d => GroupIntervalsChart.MeansWithIntervals(GroupIntervals.Compute(d, GroupingDimension.AgeFamily))),
        ("intervals_profile", $"{nameof(GroupIntervalsChart)}.{nameof(GroupIntervalsChart.MeansWithIntervals)}", d => GroupIntervalsChart.MeansWithIntervals(GroupIntervals.Compute(d, GroupingDimension.Profile))),
    ];
}
