using System.Text.Json.Nodes;
using Instacart.Analysis.Affinity;
using Instacart.Analysis.Answers;
using Instacart.Analysis.Questions;
using Instacart.Analysis.Sessions;
using Instacart.Analysis.Tests.Fixtures;
using Instacart.Analysis.Tests.References;
using Instacart.Analysis.Writing;
using Instacart.Data;
using Instacart.Data.Derivation;

namespace Instacart.Analysis.Tests.Writing;

public class RowJsonTests
{
    /// <summary>Every kind of value a row holds, and text that the document must escape.</summary>
    public sealed record MixedRow(double Value, double? Maybe, int Count, long Total, bool Flag, string? Text, DayFlag Day, Enum Group);

    public static TheoryData<double> Numbers =>
    [
        0.0, -0.0, 1.0, 3.0, -5.0, 0.1, 1.0 / 3, -0.5, 2.5, 1234567.0, 1234567.5, 123456789.0, 999999999999999.0, 1e15, 1e15 + 2,
        1e16, 123456789012345678.0, 9007199254740993.0, 9.2233720368547758e18, -9.2233720368547758e18, 1e-7, 1.23456789e-5,
        double.Epsilon, double.MaxValue, double.MinValue,
    ];

    [Theory]
    [MemberData(nameof(Numbers))]
    public void ToJson_ANumber_WritesTheSerializersTextAfterTheDocumentsRounding(double value)
    {
        MixedRow[] rows = [new(value, value, 1, 2, true, "x", DayFlag.BusiestDays, DayFlag.SlowestDays)];

        Assert.Equal(Text(ReferenceRowJson.ToJson(rows)), Text(RowJson.ToJson(rows)));
    }

    [Fact]
    public void ToJson_NullsTextAndEnums_WritesTheSerializersText()
    {
        MixedRow[] rows =
        [
            new(1.5, null, -3, long.MaxValue, false, null, DayFlag.RegularlyBusy, CustomerDimension.Region),
            new(-0.25, 7.0, int.MinValue, long.MinValue, true, "<b>Tom & \"Jerry's\"</b> crème brûlée \u2028 \t \\", DayFlag.SlowestDays, Region.Midwest),
        ];

        Assert.Equal(Text(ReferenceRowJson.ToJson(rows)), Text(RowJson.ToJson(rows)));
    }

    [Fact]
    public void ToJson_EveryRowAnswerOfTheSample_WritesTheSerializersText()
    {
        using var session = new AnalysisSession(InstacartData.Load(RepoPaths.DataSample));
        IReadOnlyList<IQuestionAnswer> answers = [.. AnswersDocument.Answers(session, AnswerScope.Cheap), BasketAffinity.Compute(session)];

        Assert.Equal(16, answers.Count);
        foreach (var answer in answers)
        {
            var rows = answer.GetType().GetProperty("Rows")!.GetValue(answer)!;
            Assert.Equal(Text(ReferenceRowJson.ToJson(rows)), Text(answer.ToJson()));
        }
    }

    [Fact]
    public void ToJson_AnIntegralDouble_ReadsAsEveryNumberTypeAsTheSerializersNodeDid()
    {
        MixedRow[] rows = [new(1234567.0, 2.5, 1, 2, true, "x", DayFlag.BusiestDays, DayFlag.SlowestDays)];

        var row = RowJson.ToJson(rows)[0]!;

        Assert.Equal(1234567.0, row["value"]!.GetValue<double>());
        Assert.Equal(1234567L, row["value"]!.GetValue<long>());
        Assert.Equal(2.0, row["total"]!.GetValue<double>());
        Assert.Equal(ReferenceRowJson.ToJson(rows)[0]!["maybe"]!.GetValueKind(), row["maybe"]!.GetValueKind());
    }

    [Fact]
    public void ToJson_ANumberThatIsNotFinite_IsRefusedAsTheSerializerRefusedIt()
    {
        MixedRow[] rows = [new(double.NaN, null, 1, 2, true, "x", DayFlag.BusiestDays, DayFlag.SlowestDays)];

        Assert.Throws<ArgumentException>(() => ReferenceRowJson.ToJson(rows));
        Assert.Throws<ArgumentException>(() => RowJson.ToJson(rows));
    }

    [Fact]
    public void ToJson_AListProperty_IsRefusedByName()
    {
        var e = Assert.Throws<NotSupportedException>(() => RowJson.ToJson<ListRow>([new ListRow([1])]));

        Assert.Contains("ListRow.Values", e.Message, StringComparison.Ordinal);
    }

    public sealed record ListRow(IReadOnlyList<int> Values);

    /// <summary>The rows as the document writes them: keys sorted, numbers rounded, the document's escaping.</summary>
    private static string Text(JsonNode rows) =>
        AnswersDocument.ToText((JsonObject)AnswersDocument.Canonical(new JsonObject { ["rows"] = rows })!);
}
