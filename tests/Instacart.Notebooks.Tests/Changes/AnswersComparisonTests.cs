using System.Text.Json.Nodes;
using Instacart.Notebooks.Changes;
using Instacart.Notebooks.Publishing;

namespace Instacart.Notebooks.Tests.Changes;

/// <summary>The comparison of two answers.json documents, on the sample's approved answers changed in known ways.</summary>
public sealed class AnswersComparisonTests
{
    private static readonly string Approved = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "Instacart.Analysis.Tests", "Answers", "approved", "data-sample.answers.json"));

    private static JsonObject Sample() => JsonNode.Parse(Approved)!.AsObject();

    /// <summary>Compares the two as a run does: both read from their JSON text.</summary>
    private static ChangeSet Compare(JsonObject before, JsonObject after) =>
        AnswersComparison.Compare(Reparsed(before), Reparsed(after), "last-month", new DatasetIdentity("a", "before"), new DatasetIdentity("b", "after"));

    private static JsonObject Reparsed(JsonObject document) => JsonNode.Parse(document.ToJsonString())!.AsObject();

    private static JsonObject Row(JsonObject answers, string question, string field, string value) =>
        answers["questions"]![question]!.AsArray().Select(r => r!.AsObject()).Single(r => (string?)r[field] == value);

    [Fact]
    public void Compare_SameAnswers_NothingMovedBeyondTheNoise()
    {
        var changes = Compare(Sample(), Sample());

        Assert.True(changes.NothingMoved);
        Assert.Empty(changes.Questions);
        Assert.Equal("Nothing moved beyond the noise.", changes.Summary);
        Assert.Contains("Nothing moved beyond the noise.", ChangesPage.Render(changes));
        Assert.Contains("\"nothing_moved\": true", ChangesJson.ToJson(changes));
    }

    [Fact]
    public void Compare_AFifthOfSaturdaysOrdersOnTuesday_NamesTheNewBusiestDayAndTheTwoMoves()
    {
        var after = Sample();
        var saturday = Row(after, "busiest_days", "label", "Saturday");
        var tuesday = Row(after, "busiest_days", "label", "Tuesday");
        var moved = (int)saturday["orders"]! / 5;
        saturday["orders"] = (int)saturday["orders"]! - moved;
        tuesday["orders"] = (int)tuesday["orders"]! + moved;

        var changes = Compare(Sample(), after);

        var question = Assert.Single(changes.Questions);
        Assert.Equal("busiest_days", question.Question);
        Assert.Equal(["Saturday orders", "Tuesday orders"], question.Moves.Select(m => $"{m.Item} {m.Measure}"));
        Assert.Equal("Saturday: orders 2,950 → 2,360 (−590, −20.0%).", question.Moves[0].Sentence);
        Assert.Contains("The busiest day (by orders) is now Sunday, not Saturday.", question.Rankings.Select(r => r.Sentence));
        Assert.Contains("The quietest day (by orders) is now Wednesday, not Tuesday.", question.Rankings.Select(r => r.Sentence));
        Assert.Equal("The other 5 of 7 rows held steady.", question.Steady);
        Assert.Equal(15, changes.Steady.Count);
    }

    [Fact]
    public void Compare_SmallMovesWithinTheNoise_AreNotNamed()
    {
        var after = Sample();
        var saturday = Row(after, "busiest_days", "label", "Saturday");
        saturday["orders"] = (int)saturday["orders"]! - 60; // 2%: within 1.96·√(old + new) and under 5%
        var produce = Row(after, "departments", "department", "produce");
        produce["revenue_per_order"] = (double)produce["revenue_per_order"]! * 1.03;

        Assert.True(Compare(Sample(), after).NothingMoved);
    }

    [Fact]
    public void Compare_ADepartmentsRevenueRises_SaysItRoseAndByHowMuch()
    {
        var before = Sample();
        var ranked = before["questions"]!["departments"]!.AsArray().Select(r => r!.AsObject()).OrderByDescending(r => (double)r["revenue"]!).ToList();
        var sixth = (string)ranked[5]["department"]!;
        var after = Sample();
        var row = Row(after, "departments", "department", sixth);
        row["revenue"] = ((double)ranked[2]["revenue"]! + (double)ranked[1]["revenue"]!) / 2; // between the 2nd and the 3rd: now 3rd

        var changes = Compare(before, after);

        var question = Assert.Single(changes.Questions);
        Assert.Contains($"{sixth} rose from 6th to 3rd by revenue.", question.Rankings.Select(r => r.Sentence));
        var move = Assert.Single(question.Moves);
        Assert.Equal((sixth, "revenue"), (move.Item, move.Measure));
        Assert.Contains(" → $", move.Sentence);
    }

    [Fact]
    public void Compare_ACategoryAppearsAndOneVanishes_NamesBoth()
    {
        var after = Sample();
        var regions = after["questions"]!["regions"]!.AsArray();
        var south = Row(after, "regions", "region", "South");
        regions.Remove(south);
        var added = JsonNode.Parse(south.ToJsonString())!.AsObject();
        added["region"] = "<b>Overseas</b>";
        regions.Add(added);

        var changes = Compare(Sample(), after);

        var question = Assert.Single(changes.Questions);
        Assert.Equal(["<b>Overseas</b>"], question.Appeared);
        Assert.Equal(["South"], question.Vanished);
        var page = ChangesPage.Render(changes);
        Assert.Contains("&lt;b&gt;Overseas&lt;/b&gt;", page);
        Assert.DoesNotContain("<b>Overseas", page);
    }
}
