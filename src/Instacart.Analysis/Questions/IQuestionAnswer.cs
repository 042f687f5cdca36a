using System.Text.Json.Nodes;
using Instacart.Analysis.Writing;
using Microsoft.Data.Analysis;

namespace Instacart.Analysis.Questions;

/// <summary>
/// What every answer offers, the question answers and the model answers alike: its key, its sentence, method and
/// suggestion, its rows as a table and as the JSON of <c>answers.json</c>. Rows keep numbers; words and formats are
/// applied when a sentence, table, chart or JSON is written.
/// </summary>
public interface IQuestionAnswer
{
    /// <summary>The key in <c>answers.json</c> (SPEC §5), e.g. <c>busiest_days</c>.</summary>
    string Key { get; }

    /// <summary>The stakeholder's question, as a notebook title.</summary>
    string Question { get; }

    /// <summary>
    /// The answer in one or two sentences, computed from the rows. A sentence calls groups alike or different only by a
    /// rule its <see cref="Method"/> states (an interval test or a stated threshold); otherwise it reports the gap.
    /// </summary>
    string Sentence();

    /// <summary>The population, rules and thresholds behind the numbers, with the technical terms explained.</summary>
    string Method();

    /// <summary>
    /// What the numbers suggest doing, in a sentence or two, computed from the rows under a rule the suggestion states
    /// (for example: the hours above the median in both traffic and basket value are the slots for premium promotions).
    /// </summary>
    Suggestion Suggestion();

    /// <summary>
    /// The rows as a stakeholder reads them: titles in words, the order that matters, the top rows of a long table
    /// with the count of the rest (the exact rows are in <see cref="ToDataFrame"/> and <see cref="ToJson"/>).
    /// </summary>
    AnswerTable Table();

    /// <summary>The rows as a small <see cref="DataFrame"/> (snake_case columns; <c>orders_day_of_week</c> for the day number).</summary>
    DataFrame ToDataFrame();

    /// <summary>
    /// The answer's value in <c>answers.json</c> (not yet rounded or key-sorted): an array of rows, or an object
    /// where rows do not fit (a model's metrics).
    /// </summary>
    JsonNode ToJson();
}
