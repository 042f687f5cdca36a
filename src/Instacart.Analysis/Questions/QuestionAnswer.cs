using System.Text.Json.Nodes;
using Instacart.Analysis.Writing;
using Instacart.Data;
using Microsoft.Data.Analysis;

namespace Instacart.Analysis.Questions;

/// <summary>The rows of one question plus what every answer shares (table, JSON).</summary>
/// <typeparam name="TRow">The question's typed row.</typeparam>
public abstract class QuestionAnswer<TRow> : IQuestionAnswer
    where TRow : class
{
    /// <summary>Wraps the rows, already ordered by key.</summary>
    protected QuestionAnswer(IReadOnlyList<TRow> rows, InstacartData data)
    {
        Rows = rows;
        Options = data.Options;
    }

    /// <summary>Wraps the rows, already ordered by key, computed with <paramref name="options"/>.</summary>
    private protected QuestionAnswer(IReadOnlyList<TRow> rows, Instacart.Data.Derivation.AnalysisOptions options)
    {
        Rows = rows;
        Options = options;
    }

    /// <summary>The rows, ordered by key ascending.</summary>
    public IReadOnlyList<TRow> Rows { get; }

    /// <summary>The options the answer was computed with.</summary>
    public Instacart.Data.Derivation.AnalysisOptions Options { get; }

    /// <inheritdoc />
    public abstract string Key { get; }

    /// <inheritdoc />
    public abstract string Question { get; }

    /// <inheritdoc />
    public abstract string Sentence();

    /// <inheritdoc />
    public abstract string Method();

    /// <inheritdoc />
    public abstract Suggestion Suggestion();

    /// <inheritdoc />
    /// <remarks>By default every row in key order; a question overrides it for a natural or measure order.</remarks>
    public virtual AnswerTable Table() => RowFrames.ToTable(Rows, Rows.Count, "rows");

    /// <inheritdoc />
    public DataFrame ToDataFrame() => RowFrames.ToDataFrame(Rows);

    /// <summary>The rows as the JSON array of <c>answers.json</c> (not yet rounded or key-sorted).</summary>
    public JsonArray ToJson() => RowJson.ToJson(Rows);

    /// <inheritdoc />
    JsonNode IQuestionAnswer.ToJson() => ToJson();

    /// <summary>The sentence, so that a notebook cell ending in the answer shows it.</summary>
    public override string ToString() => Sentence();
}
