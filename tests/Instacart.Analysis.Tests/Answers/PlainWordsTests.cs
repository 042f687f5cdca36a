using System.Text.RegularExpressions;
using Instacart.Analysis.Answers;
using Instacart.Analysis.Questions;
using Instacart.Analysis.Sessions;
using Instacart.Analysis.Tests.Fixtures;
using Instacart.Interactive.Display;

namespace Instacart.Analysis.Tests.Answers;

/// <summary>
/// Every answer of a report, as a stakeholder reads it on the committed sample: sentences in plain words, a
/// suggestion under a stated rule, tables with titles in words and numbers with separators, and one composition of
/// <c>answers.json</c> for the <c>answers</c> and <c>run</c> commands.
/// </summary>
public sealed partial class PlainWordsTests
{
    private static readonly Lazy<AnalysisSession> Session = new(() => AnalysisSession.Load(RepoPaths.DataSample));

    private static readonly Lazy<IReadOnlyList<IQuestionAnswer>> Report = new(() => AnswersDocument.Answers(Session.Value, AnswerScope.Report));

    [Theory]
    [InlineData("customer_segments")]
    [InlineData("reorder_prediction")]
    [InlineData("department_mix")]
    public void Sentence_AdvancedAnswers_CarryNoJargon(string key)
    {
        var sentence = Answer(key).Sentence();

        Assert.DoesNotMatch(Jargon(), sentence);
        Assert.InRange(Sentences().Matches(sentence).Count, 1, 2);
    }

    [Fact]
    public void Method_AdvancedAnswers_ExplainTheTermsTheSentencesLeaveOut()
    {
        Assert.Contains("silhouette (for each customer", Answer("customer_segments").Method(), StringComparison.Ordinal);
        var method = Answer("reorder_prediction").Method();
        Assert.Contains("AUC (area under the ROC curve", method, StringComparison.Ordinal);
        Assert.Contains("A threshold is the score above which", method, StringComparison.Ordinal);
        Assert.Contains("F1 balances precision", method, StringComparison.Ordinal);
    }

    [Fact]
    public void SentenceAndSuggestion_EveryAnswer_StartWithACapitalAndEndWithAFullStop()
    {
        Assert.All(Report.Value, answer =>
        {
            foreach (var text in new[] { answer.Sentence(), answer.Suggestion().Text })
            {
                Assert.True(char.IsUpper(text[0]), $"{answer.Key}: {text}");
                Assert.EndsWith(".", text, StringComparison.Ordinal);
            }
        });
    }

    [Fact]
    public void Suggestion_EveryAnswer_StatesItsRule() =>
        Assert.All(Report.Value.Where(a => !a.Suggestion().Text.StartsWith("No suggestion", StringComparison.Ordinal)), answer =>
            Assert.Contains("rule", answer.Suggestion().Text, StringComparison.Ordinal));

    [Fact]
    public void Suggestion_HourQuadrants_NamesThePerfectStormHours()
    {
        var quadrants = (HourQuadrants)Answer("hour_quadrants");
        var storm = quadrants.Rows.Where(r => r.Quadrant == HourQuadrants.PerfectStorm).Select(r => $"{r.Hour:00}:00").ToList();

        Assert.All(storm, hour => Assert.Contains(hour, quadrants.Suggestion().Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Table_EveryAnswer_RendersTitlesInWordsAndNumbersWithSeparators()
    {
        Assert.All(Report.Value, answer =>
        {
            var html = HtmlTable.From(answer.Table());

            var titles = Cells().Matches(html).Where(m => m.Groups[1].Value == "th").Select(m => m.Groups[2].Value).ToList();
            Assert.NotEmpty(titles);
            Assert.All(titles, t => Assert.DoesNotMatch(SnakeCase(), t));
            var numbers = Cells().Matches(html).Where(m => m.Groups[1].Value == "td class=\"num\"").Select(m => m.Groups[2].Value).ToList();
            Assert.All(numbers, n => Assert.DoesNotMatch(LongDigits(), n));
            Assert.All(Cells().Matches(html).Select(m => m.Groups[2].Value), c => Assert.DoesNotMatch(RawFraction(), c));
        });
    }

    [Fact]
    public void Table_LongTables_ShowTheTopRowsByTheirMeasureAndCountTheRest()
    {
        var mix = Answer("department_mix");
        var table = mix.Table();

        Assert.Equal(15, table.Frame.Rows.Count);
        Assert.Equal($"Top 15 of {((DepartmentMix)mix).Rows.Count:N0} group × department cells by difference from all customers; all in answers.json", table.Caption);
        var differences = table.Frame.Columns["Share difference"].Cast<double?>().Select(d => Math.Abs(d!.Value)).ToList();
        Assert.Equal(differences.OrderDescending(), differences);
    }

    [Fact]
    public void Table_Loyalty_GroupsInTheChartsOrder()
    {
        var table = Answer("loyalty").Table();

        Assert.Equal(["New customer", "Regular customer", "Loyal customer"], table.Frame.Columns["Loyalty"].Cast<string>());
    }

    [Fact]
    public void Compute_ReportAndCheapScopes_OneCompositionTheCheapKeysAPrefix()
    {
        var cheap = AnswersDocument.Answers(Session.Value, AnswerScope.Cheap).Select(a => a.Key).ToList();
        var report = Report.Value.Select(a => a.Key).ToList();

        Assert.Equal(cheap, report.Take(cheap.Count));
        Assert.Equal(["basket_affinity", "customer_segments", "reorder_prediction"], report.Skip(cheap.Count));
        Assert.Equal(report.Count, report.Distinct().Count());
        Assert.Equal(
            AnswersDocument.ToText(AnswersDocument.Compute(Session.Value.Data)),
            AnswersDocument.ToText(AnswersDocument.Compute(Session.Value, AnswerScope.Cheap)));
        var document = AnswersDocument.Compute(Session.Value, AnswerScope.Report);
        Assert.Equal(report.Order(StringComparer.Ordinal), document["questions"]!.AsObject().Select(p => p.Key));
    }

    private static IQuestionAnswer Answer(string key) => Report.Value.Single(a => a.Key == key);

    [GeneratedRegex(@"\b(silhouette|sd|auc|f1|threshold)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Jargon();

    [GeneratedRegex(@"[.!?](\s|$)")]
    private static partial Regex Sentences();

    [GeneratedRegex(@"<(th|td[^>]*)>([^<]*)</t[hd]>")]
    private static partial Regex Cells();

    [GeneratedRegex(@"^[a-z0-9]+(_[a-z0-9]+)+$")]
    private static partial Regex SnakeCase();

    [GeneratedRegex(@"\d{4,}")]
    private static partial Regex LongDigits();

    [GeneratedRegex(@"^0\.\d{4,}$")]
    private static partial Regex RawFraction();
}
