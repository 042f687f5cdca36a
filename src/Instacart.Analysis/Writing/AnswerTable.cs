using Microsoft.Data.Analysis;

namespace Instacart.Analysis.Writing;

/// <summary>
/// A table as a stakeholder reads it: column titles in words (<c>Mean order value</c>), the rows in the order that
/// matters (categories in their natural order, long tables by the measure that matters) and, for a long table, only
/// the top rows with a caption that counts the rest. The values stay exact numbers; the display formats them
/// (thousands separators, dollars, percentages, hours as <c>15:00</c>).
/// </summary>
public sealed class AnswerTable
{
    internal AnswerTable(DataFrame frame, string caption)
    {
        Frame = frame;
        Caption = caption;
    }

    /// <summary>The rows shown, one column per shown field, titled in words.</summary>
    public DataFrame Frame { get; }

    /// <summary>What the table holds: "7 days", or "Top 15 of 420 pairs by lift; all in answers.json".</summary>
    public string Caption { get; }

    /// <summary>The caption of a table of <paramref name="total"/> rows of which the first <paramref name="shown"/> are shown.</summary>
    /// <param name="shown">Rows shown.</param>
    /// <param name="total">Rows in all.</param>
    /// <param name="noun">The plural noun of a row ("days", "pairs").</param>
    /// <param name="measure">What a long table is sorted by ("lift"), or null when every row is shown.</param>
    /// <param name="inAnswers">Whether every row is in <c>answers.json</c>.</param>
    internal static string CaptionFor(int shown, int total, string noun, string? measure, bool inAnswers) =>
        shown >= total
            ? $"{Wording.Count(total)} {noun}"
            : $"Top {Wording.Count(shown)} of {Wording.Count(total)} {noun}{(measure is null ? string.Empty : " by " + measure)}{(inAnswers ? "; all in answers.json" : string.Empty)}";

    /// <summary>A PascalCase or snake_case name in words: <c>MeanOrderValue</c> and <c>mean_order_value</c> → <c>Mean order value</c>.</summary>
    internal static string Words(string name)
    {
        var words = new System.Text.StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '_')
            {
                words.Append(' ');
                continue;
            }

            if (char.IsUpper(c) && i > 0 && name[i - 1] != '_')
            {
                words.Append(' ');
            }

            words.Append(words.Length == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
        }

        return words.ToString();
    }

    /// <summary>The table's caption and row count, for a notebook cell.</summary>
    public override string ToString() => Caption;
}
