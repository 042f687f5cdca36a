using Instacart.Analysis.Answers;
using Instacart.Analysis.Tests.Fixtures;
using Instacart.Data;

namespace Instacart.Analysis.Tests.Answers;

/// <summary>
/// The approved answers.json of the committed sample. A change to a rule or to the sample shows up here as a
/// diff to review: on a mismatch the test writes <c>data-sample.answers.received.json</c> beside the approved
/// file; if the change is intended, copy it over the approved file.
/// </summary>
public class SampleSnapshotTests
{
    [Fact]
    public void Compute_DataSample_MatchesTheApprovedAnswers()
    {
        var approvedPath = Path.Combine(RepoPaths.Root, "tests", "Instacart.Analysis.Tests", "Answers", "approved", "data-sample.answers.json");
        var received = AnswersDocument.ToText(AnswersDocument.Compute(InstacartData.Load(RepoPaths.DataSample)));
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath) : string.Empty;

        if (received != approved)
        {
            File.WriteAllText(Path.ChangeExtension(approvedPath, null).Replace(".answers", ".answers.received") + ".json", received);
        }

        Assert.Equal(approved, received);
    }

    [Fact]
    public void Compute_DataSample_ReconciliationAddsUpAndEveryQuestionHasRows()
    {
        var data = InstacartData.Load(RepoPaths.DataSample);

        Assert.True(data.Reconciliation.AddsUp);
        Assert.All(CoreQuestions.Compute(data), answer => Assert.NotEmpty(answer.ToJson().AsArray()));
    }
}
