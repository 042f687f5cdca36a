using System.Text.Json.Nodes;
using Microsoft.Data.Analysis;

namespace Instacart.Analysis.Questions;

/// <summary>What every question's answer offers: its key, its rows as a table and as JSON, and its sentence.</summary>
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

    /// <summary>The population, rules and thresholds behind the numbers.</summary>
    string Method();

    /// <summary>The rows as a small <see cref="DataFrame"/> (snake_case columns; <c>orders_day_of_week</c> for the day number).</summary>
    DataFrame ToDataFrame();

    /// <summary>The rows as the JSON array of <c>answers.json</c> (not yet rounded or key-sorted).</summary>
    JsonArray ToJson();
}
