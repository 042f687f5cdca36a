using System.Text.Json;
using Instacart.Notebooks.Publishing;

namespace Instacart.Notebooks.Changes;

/// <summary><c>changes.json</c>: a <see cref="ChangeSet"/> for programs (the same content as <c>changes.html</c>).</summary>
internal static class ChangesJson
{
    /// <summary>The file's name in a report folder.</summary>
    public const string FileName = "changes.json";

    /// <summary>The file's format.</summary>
    public const string Format = "instacart-changes/1";

    /// <summary>The file's text.</summary>
    public static string ToJson(ChangeSet changes)
    {
        return JsonObjects.Document(json =>
        {
            json.WriteString("format", Format);
            json.WriteStartObject("earlier");
            json.WriteString("report", changes.Earlier);
            Dataset(json, changes.EarlierDataset);
            json.WriteEndObject();
            json.WriteStartObject("current");
            Dataset(json, changes.CurrentDataset);
            json.WriteEndObject();
            json.WriteBoolean("comparable", changes.NotComparable is null);
            if (changes.NotComparable is { } reason)
            {
                json.WriteString("not_comparable", reason);
            }

            json.WriteBoolean("nothing_moved", changes.NothingMoved);
            json.WriteString("summary", changes.Summary);
            json.WriteStartObject("rules");
            json.WriteString("counts", NoiseRules.Counts);
            json.WriteString("shares", NoiseRules.Shares);
            json.WriteString("others", NoiseRules.Others);
            json.WriteEndObject();
            json.WriteObjects("questions", changes.Questions, Question);
            Strings(json, "steady", changes.Steady);
            json.WriteString("steady_line", changes.NothingMoved ? ChangeSet.NothingMovedSentence : changes.SteadyLine);
        });
    }

    private static void Question(Utf8JsonWriter json, QuestionChanges question)
    {
        json.WriteString("question", question.Question);
        json.WriteString("title", question.Title);
        json.WriteObjects("rankings", question.Rankings, (json, ranking) =>
        {
            json.WriteString("item", ranking.Item);
            json.WriteString("measure", ranking.Measure);
            if (ranking.Was is { } was)
            {
                json.WriteString("was", was);
            }

            if (ranking.From is { } from && ranking.To is { } to)
            {
                json.WriteNumber("from_rank", from);
                json.WriteNumber("to_rank", to);
            }

            json.WriteString("sentence", ranking.Sentence);
        });
        json.WriteObjects("moved", question.Moves, (json, move) =>
        {
            json.WriteString("item", move.Item);
            json.WriteString("measure", move.Measure);
            json.WriteNumber("old", move.Old);
            json.WriteNumber("new", move.New);
            json.WriteNumber("change", move.New - move.Old);
            if (move.Old != 0)
            {
                json.WriteNumber("relative_change", Math.Round((move.New - move.Old) / Math.Abs(move.Old), 6));
            }

            json.WriteString("sentence", move.Sentence);
        });
        Strings(json, "appeared", question.Appeared);
        Strings(json, "vanished", question.Vanished);
        json.WriteObjects("reclassified", question.Reclassified, (json, change) =>
        {
            json.WriteString("item", change.Item);
            json.WriteString("field", change.Field);
            json.WriteString("old", change.Old);
            json.WriteString("new", change.New);
            json.WriteString("sentence", change.Sentence);
        });
        json.WriteString("steady", question.Steady);
    }

    private static void Dataset(Utf8JsonWriter json, DatasetIdentity? dataset)
    {
        if (dataset is null)
        {
            json.WriteNull("dataset");
            return;
        }

        json.WriteStartObject("dataset");
        json.WriteString("fingerprint", dataset.Fingerprint);
        json.WriteString("folder", dataset.FolderName);
        json.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
