using System.Text.Json;
using Instacart.Analysis.Answers;
using Instacart.Analysis.Tests.Fixtures;
using Instacart.Data;

namespace Instacart.Analysis.Tests.Answers;

public class AnswersDocumentTests
{
    private static readonly InstacartData Data = TinyData.Load();

    [Fact]
    public void Compute_TinyData_HasFormatOptionsReconciliationElevenQuestionsAndTheCheapExtras()
    {
        using var json = JsonDocument.Parse(AnswersDocument.ToText(AnswersDocument.Compute(Data)));
        var root = json.RootElement;

        Assert.Equal(["format", "options", "questions", "reconciliation"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("instacart-answers/1", root.GetProperty("format").GetString());
        Assert.Equal("saturday-first", root.GetProperty("options").GetProperty("day_convention").GetString());
        Assert.Equal(
            ["age_family", "baby_households", "busiest_days", "busiest_hours", "department_mix", "departments", "hour_quadrants", "income", "loyalty", "price_ranges", "profiles", "regions", "spend_by_hour", "spender_frequency", "time_segments"],
            root.GetProperty("questions").EnumerateObject().Select(p => p.Name));
        Assert.Equal(16, root.GetProperty("reconciliation").EnumerateObject().Count());
    }

    [Fact]
    public void Compute_RowFields_AreSortedSnakeCaseWithExactIntegers()
    {
        using var json = JsonDocument.Parse(AnswersDocument.ToText(AnswersDocument.Compute(Data)));
        var day = json.RootElement.GetProperty("questions").GetProperty("busiest_days")[0];

        Assert.Equal(["dow", "flag", "label", "lines", "orders"], day.EnumerateObject().Select(p => p.Name));
        Assert.Equal("6", day.GetProperty("lines").GetRawText());
    }

    [Fact]
    public void Compute_Floats_AreRoundedToSixSignificantDigitsAndEmptyMeansAreNull()
    {
        using var json = JsonDocument.Parse(AnswersDocument.ToText(AnswersDocument.Compute(Data)));
        var hours = json.RootElement.GetProperty("questions").GetProperty("spend_by_hour");

        Assert.Equal("41.6667", hours[10].GetProperty("mean_order_value").GetRawText());   // 125 / 3
        Assert.Equal(JsonValueKind.Null, hours[0].GetProperty("mean_item_price").ValueKind);
        Assert.Equal("0", hours[0].GetProperty("revenue").GetRawText());
    }

    [Theory]
    [InlineData(123456789.0, 123457000.0)]
    [InlineData(0.000123456789, 0.000123457)]
    [InlineData(2.5, 2.5)]
    [InlineData(0.0, 0.0)]
    public void Round6_Values_KeepSixSignificantDigits(double value, double expected) =>
        Assert.Equal(expected, AnswersDocument.Round6(value));

    [Fact]
    public void Write_ReplacesTheFileAtomicallyAndLeavesNoTemporary()
    {
        using var folder = new TempFolder();
        var path = folder.File("answers.json");
        File.WriteAllText(path, "old");

        AnswersDocument.Write(AnswersDocument.Compute(Data), path);

        Assert.StartsWith("{", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void Compute_TwoRuns_GiveIdenticalText()
    {
        var first = AnswersDocument.ToText(AnswersDocument.Compute(Data));
        var second = AnswersDocument.ToText(AnswersDocument.Compute(TinyData.Load()));

        Assert.Equal(first, second);
    }
}
