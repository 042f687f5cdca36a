using System.Text.RegularExpressions;
using Instacart.Analysis.Affinity;
using Instacart.Analysis.Prediction;
using Instacart.Analysis.Preparation;
using Instacart.Analysis.Questions;
using Instacart.Analysis.Segments;
using Instacart.Analysis.Tests.Fixtures;
using Instacart.Data;

namespace Instacart.Analysis.Tests.Charts;

/// <summary>
/// The notebooks in <c>notebooks/</c> against the library they call: each title is the library's question,
/// the session starts before data is touched, the computed sentence comes first, the chart is that question's
/// chart, and no number is typed by hand.
/// </summary>
public partial class NotebookSourcesTests
{
    private static readonly InstacartData Data = TinyData.Load();

    public static TheoryData<string, string, string> Notebooks => new()
    {
        { "00-data-preparation", DataPreparation.Summarize(Data).Question, "DataPreparationChart.LineFlow(preparation)" },
        { "01-busiest-days", BusiestDays.Compute(Data).Question, "BusiestDaysChart.Bars(answer)" },
        { "02-busiest-hours", BusiestHours.Compute(Data).Question, "BusiestHoursChart.Bars(answer)" },
        { "03-spend-by-hour", SpendByHour.Compute(Data).Question, "SpendByHourChart.RevenueAndOrderValue(answer)" },
        { "04-price-ranges", PriceRanges.Compute(Data).Question, "PriceRangesChart.Shares(answer)" },
        { "05-departments", Departments.Compute(Data).Question, "DepartmentsChart.Bars(answer)" },
        { "06-time-segments", TimeSegments.Compute(Data).Question, "TimeSegmentsChart.Panels(answer)" },
        { "07-loyalty", LoyaltyGroups.Compute(Data).Question, "LoyaltyGroupsChart.Panels(answer)" },
        { "08-regions", RegionGroups.Compute(Data).Question, "RegionGroupsChart.Panels(answer)" },
        { "09-age-and-family", AgeFamily.Compute(Data).Question, "AgeFamilyChart.GroupedBars(answer)" },
        { "10-income", IncomeGroups.Compute(Data).Question, "IncomeGroupsChart.Panels(answer)" },
        { "11-customer-profiles", Profiles.Compute(Data).Question, "ProfilesChart.Panels(answer)" },
        { "12-basket-affinity", BasketAffinity.Compute(Data).Question, "BasketAffinityChart.TopPairs(answer)" },
        { "13-customer-segments", CustomerSegments.Compute(Data).Question, "CustomerSegmentsChart.Profiles(answer)" },
        { "14-reorder-prediction", ReorderPrediction.Compute(Data).Question, "ReorderPredictionChart.Models(answer)" },
        { "15-department-mix", DepartmentMix.Compute(Data).Question, "DepartmentMixChart.ShareDifferences(answer)" },
    };

    /// <summary>Sections added to a notebook after its answer: the computing cell (which ends with its sentence) and its chart.</summary>
    public static TheoryData<string, string, string> Sections => new()
    {
        { "03-spend-by-hour", "var quadrants = HourQuadrants.Compute(session);\nquadrants.Sentence()", "HourQuadrantsChart.Scatter(quadrants)" },
        { "07-loyalty", "var spenders = SpenderFrequency.Compute(session);\nspenders.Sentence()", "SpenderFrequencyChart.RevenueShareHeatmap(spenders)" },
        { "11-customer-profiles", "var baby = BabyHouseholds.Compute(session);\nbaby.Sentence()", "BabyHouseholdsChart.Panels(baby)" },
        { "06-time-segments", "var intervals = GroupIntervals.Compute(session, GroupingDimension.TimeSegment);\nintervals.Sentence()", "GroupIntervalsChart.MeansWithIntervals(intervals)" },
        { "07-loyalty", "var intervals = GroupIntervals.Compute(session, GroupingDimension.Loyalty);\nintervals.Sentence()", "GroupIntervalsChart.MeansWithIntervals(intervals)" },
        { "08-regions", "var intervals = GroupIntervals.Compute(session, GroupingDimension.Region);\nintervals.Sentence()", "GroupIntervalsChart.MeansWithIntervals(intervals)" },
        { "09-age-and-family", "var intervals = GroupIntervals.Compute(session, GroupingDimension.AgeFamily);\nintervals.Sentence()", "GroupIntervalsChart.MeansWithIntervals(intervals)" },
        { "10-income", "var intervals = GroupIntervals.Compute(session, GroupingDimension.Income);\nintervals.Sentence()", "GroupIntervalsChart.MeansWithIntervals(intervals)" },
        { "11-customer-profiles", "var intervals = GroupIntervals.Compute(session, GroupingDimension.Profile);\nintervals.Sentence()", "GroupIntervalsChart.MeansWithIntervals(intervals)" },
    };

    [Theory]
    [MemberData(nameof(Sections))]
    public void Notebook_Source_SectionComesAfterTheAnswerWithItsSentenceAndChart(string name, string compute, string chartCall)
    {
        var code = Cells(name).Where(c => c.Kernel == "csharp").Select(c => c.Text).ToList();

        // The answer's sentence stays the first sentence (the exporter quotes it); the section's follows with its chart.
        var section = code.IndexOf(compute);
        Assert.InRange(section, 2, code.Count - 2);
        Assert.Equal(chartCall, code[section + 1]);
        Assert.Matches("^(answer|preparation)\\.Sentence\\(\\)$", code[1]);
        Assert.Matches("^(answer\\.Suggestion|preparation\\.Method)\\(\\)$", code[^1]);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_Source_TitleIsTheLibrarysQuestionAndTheSentenceComesFirst(string name, string question, string chartCall)
    {
        var cells = Cells(name);

        Assert.Equal("meta", cells[0].Kernel);
        Assert.Equal("""{"kernelInfo":{"defaultKernelName":"csharp","items":[{"aliases":[],"name":"csharp"}]}}""", cells[0].Text);
        Assert.Equal("markdown", cells[1].Kernel);
        Assert.Equal($"# {name[..2]} · {question}", cells[1].Text.Split('\n')[0]);
        var code = cells.Where(c => c.Kernel == "csharp").ToList();
        Assert.Equal(cells.Count - 1, cells.Count(c => c.Kernel is "csharp" or "markdown"));
        var setup = code[0].Text;
        Assert.StartsWith("#r \"../artifacts/bin/Instacart.Interactive/release/Instacart.Interactive.dll\"", setup, StringComparison.Ordinal);
        // One call gives the data: the run's session when the runner handed one in, else the sample loaded.
        Assert.Contains("var session = Instacart.Interactive.NotebookSession.Open(\"../data-sample\");", setup, StringComparison.Ordinal);
        Assert.DoesNotContain("InstacartData.Load", setup, StringComparison.Ordinal);
        Assert.Matches("^(answer|preparation)\\.Sentence\\(\\)$", code[1].Text);
        Assert.Contains(code, c => c.Text == chartCall);
        Assert.Contains(cells, c => c.Kernel == "markdown" && c.Text == "## Method");
        Assert.Contains(code, c => Regex.IsMatch(c.Text, "^(answer|preparation)\\.Method\\(\\)$"));
        if (name != "00-data-preparation")
        {
            // A question page ends with what its numbers suggest, under its own heading.
            Assert.Equal("## What this suggests", cells[^2].Text);
            Assert.Equal("answer.Suggestion()", code[^1].Text);
        }
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_Source_TypesNoNumberByHand(string name, string question, string chartCall)
    {
        _ = (question, chartCall);
        var cells = Cells(name).Skip(1).ToList();

        var title = cells[0].Text.Split('\n')[0];
        var text = string.Join("\n", cells.Select(c => c.Text)).Replace(title, "", StringComparison.Ordinal);
        var withoutReferences = string.Join("\n", text.Split('\n').Where(l => !l.StartsWith("#r ", StringComparison.Ordinal)));
        Assert.DoesNotMatch(Digit(), withoutReferences);
    }

    private static List<(string Kernel, string Text)> Cells(string name)
    {
        var path = Path.Combine(RepoPaths.Root, "notebooks", name + ".dib");
        var cells = new List<(string Kernel, List<string> Lines)>();
        foreach (var line in File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (Separator().Match(line) is { Success: true } m)
            {
                cells.Add((m.Groups[1].Value, []));
            }
            else
            {
                Assert.NotEmpty(cells);
                cells[^1].Lines.Add(line);
            }
        }

        // The library check before the setup cell is about the build, not the question: the Notebooks tests check it.
        return cells.Select(c => (c.Kernel, Text: string.Join("\n", c.Lines).Trim('\n')))
            .Where(c => !c.Text.StartsWith("// Library check:", StringComparison.Ordinal))
            .ToList();
    }

    [GeneratedRegex("^#!([a-z]+)$")]
    private static partial Regex Separator();

    [GeneratedRegex("[0-9]")]
    private static partial Regex Digit();
}
