using System.Text.Json;
using System.Text.Json.Nodes;
using Instacart.Analysis.Answers;
using Instacart.Notebooks.Publishing;

namespace Instacart.Notebooks.Changes;

/// <summary>
/// The earlier report a run compares with: its name, its data and its <c>answers.json</c>, read when the run starts
/// (before a run into the same folder replaces it), or why it cannot be compared.
/// </summary>
/// <param name="Name">The earlier report's folder name.</param>
/// <param name="Dataset">Its data, when its <c>run.json</c> says.</param>
/// <param name="Answers">Its <c>answers.json</c>, when it has one of this format.</param>
/// <param name="NotComparable">Why it cannot be compared, or null.</param>
internal sealed record ComparisonBase(string Name, DatasetIdentity? Dataset, JsonObject? Answers, string? NotComparable)
{
    /// <summary>Reads the earlier report in <paramref name="folder"/>; an older or broken one is named as not comparable, never an error.</summary>
    public static ComparisonBase Read(string folder)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        var dataset = RunRecord.Read(folder)?.Dataset;
        var path = Path.Combine(folder, AnswersDocument.FileName);
        if (!File.Exists(path))
        {
            return new ComparisonBase(name, dataset, null, $"it has no {AnswersDocument.FileName} (a report of an older format, or not a report)");
        }

        try
        {
            if (JsonNode.Parse(File.ReadAllText(path)) is not JsonObject answers)
            {
                return new ComparisonBase(name, dataset, null, $"its {AnswersDocument.FileName} is not a JSON object");
            }

            var format = answers["format"] is JsonValue f && f.TryGetValue<string>(out var text) ? text : null;
            return format == AnswersDocument.Format
                ? new ComparisonBase(name, dataset, answers, null)
                : new ComparisonBase(name, dataset, null, $"its {AnswersDocument.FileName} is of format {format ?? "(none)"}, this report's of {AnswersDocument.Format}");
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return new ComparisonBase(name, dataset, null, $"its {AnswersDocument.FileName} cannot be read ({e.GetType().Name})");
        }
    }

    /// <summary>What moved from this report to <paramref name="currentAnswers"/> (this run's <c>answers.json</c> text, null when it failed).</summary>
    public ChangeSet CompareWith(string? currentAnswers, DatasetIdentity? currentDataset)
    {
        if (NotComparable is not null || Answers is null)
        {
            return AnswersComparison.NotComparable(Name, Dataset, currentDataset, NotComparable ?? "it has no answers");
        }

        if (currentAnswers is null || JsonNode.Parse(currentAnswers) is not JsonObject current)
        {
            return AnswersComparison.NotComparable(Name, Dataset, currentDataset, $"this run's {AnswersDocument.FileName} was not written");
        }

        var (before, after) = (Answers["options"]?.ToJsonString() ?? "{}", current["options"]?.ToJsonString() ?? "{}");
        return before != after
            ? AnswersComparison.NotComparable(Name, Dataset, currentDataset, $"it was made with the options {before}, this report with {after}")
            : AnswersComparison.Compare(Answers, current, Name, Dataset, currentDataset);
    }
}
