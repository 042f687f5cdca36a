using System.Globalization;
using System.Text.Json.Nodes;
using Instacart.Notebooks.Publishing;

namespace Instacart.Notebooks.Changes;

/// <summary>
/// Compares two reports' <c>answers.json</c> question by question: rankings that changed, numbers that moved beyond
/// the noise (<see cref="NoiseRules"/>), categories that appeared or vanished, and what held steady.
/// </summary>
internal static class AnswersComparison
{
    /// <summary>The comparison of <paramref name="earlier"/> with <paramref name="current"/> (both parsed <c>answers.json</c> documents of the same format).</summary>
    public static ChangeSet Compare(JsonObject earlier, JsonObject current, string earlierName, DatasetIdentity? earlierDataset, DatasetIdentity? currentDataset)
    {
        var before = Questions(earlier);
        var after = Questions(current);
        var changed = new List<QuestionChanges>();
        var steady = new List<string>();
        foreach (var question in after.Keys.Concat(before.Keys.Where(k => !after.ContainsKey(k))))
        {
            var title = AnswerFields.Title(question);
            QuestionChanges changes;
            if (!before.TryGetValue(question, out var oldRows))
            {
                changes = new QuestionChanges(question, title, [], [], ["the whole question (new in this report)"], [], [], "");
            }
            else if (!after.TryGetValue(question, out var newRows))
            {
                changes = new QuestionChanges(question, title, [], [], [], ["the whole question (not in this report)"], [], "");
            }
            else
            {
                changes = CompareQuestion(question, title, oldRows, newRows);
            }

            if (changes.Any)
            {
                changed.Add(changes);
            }
            else
            {
                steady.Add(title);
            }
        }

        return new ChangeSet(earlierName, earlierDataset, currentDataset, null, changed, steady);
    }

    /// <summary>A comparison that could not be made, with why.</summary>
    public static ChangeSet NotComparable(string earlierName, DatasetIdentity? earlierDataset, DatasetIdentity? currentDataset, string reason) =>
        new(earlierName, earlierDataset, currentDataset, reason, [], []);

    private static Dictionary<string, List<JsonObject>> Questions(JsonObject document)
    {
        var questions = new Dictionary<string, List<JsonObject>>(StringComparer.Ordinal);
        if (document["questions"] is JsonObject list)
        {
            foreach (var (name, value) in list)
            {
                questions[name] = value switch
                {
                    JsonArray rows => [.. rows.OfType<JsonObject>()],
                    JsonObject row => [row],
                    _ => [],
                };
            }
        }

        if (document["reconciliation"] is JsonObject reconciliation)
        {
            questions["reconciliation"] = [reconciliation];
        }

        return questions;
    }

    private static QuestionChanges CompareQuestion(string question, string title, List<JsonObject> oldRows, List<JsonObject> newRows)
    {
        var oldById = ById(question, oldRows);
        var newById = ById(question, newRows);
        var appeared = newById.Keys.Where(k => !oldById.ContainsKey(k)).Select(k => AnswerFields.Label(question, newById[k])).ToList();
        var vanished = oldById.Keys.Where(k => !newById.ContainsKey(k)).Select(k => AnswerFields.Label(question, oldById[k])).ToList();

        var moves = new List<NumberMove>();
        var reclassified = new List<Reclassification>();
        var movedRows = new HashSet<string>(StringComparer.Ordinal);
        var matched = newById.Keys.Where(oldById.ContainsKey).ToList();
        foreach (var id in matched)
        {
            var (oldRow, newRow) = (oldById[id], newById[id]);
            var item = AnswerFields.Label(question, newRow);
            var rowMoved = false;
            foreach (var (field, value) in newRow)
            {
                var kind = AnswerFields.KindOf(question, field, value);
                if (kind is FieldKind.Key or FieldKind.Class or FieldKind.Ignored
                    || AnswerFields.Number(oldRow[field]) is not { } old || AnswerFields.Number(value) is not { } now)
                {
                    continue;
                }

                var moved = kind switch
                {
                    FieldKind.Count => NoiseRules.CountMoved(old, now),
                    FieldKind.Share => NoiseRules.ShareMoved(old, now, AnswerFields.CountBehind(field, oldRow), AnswerFields.CountBehind(field, newRow)),
                    _ => NoiseRules.OtherMoved(old, now, AnswerFields.Size(oldRow), AnswerFields.Size(newRow)),
                };
                if (moved)
                {
                    rowMoved = true;
                    moves.Add(new NumberMove(item, field, old, now, $"{item}: {Measure(field)} {NumberText.Value(kind, old)} → {NumberText.Value(kind, now)} ({NumberText.Change(kind, old, now)})."));
                }
            }

            if (rowMoved)
            {
                movedRows.Add(id);
                foreach (var (field, value) in newRow)
                {
                    if (AnswerFields.KindOf(question, field, value) == FieldKind.Class && oldRow[field]?.ToJsonString() != value?.ToJsonString())
                    {
                        var (was, now) = (ClassText(oldRow[field]), ClassText(value));
                        reclassified.Add(new Reclassification(item, field, was, now, $"{item}: {Measure(field)} now “{now}”, was “{was}”."));
                    }
                }
            }
        }

        var rankings = AnswerFields.RankingOf(question) is { } ranking
            ? Rankings(question, ranking, matched, oldById, newById, movedRows)
            : [];
        var quiet = matched.Count - movedRows.Count;
        var steady = quiet == 0
            ? "Every row moved."
            : quiet == matched.Count
                ? $"All {matched.Count} rows held steady."
                : $"The other {quiet} of {matched.Count} rows held steady.";
        return new QuestionChanges(question, title, rankings, moves, appeared, vanished, reclassified, steady);
    }

    private static List<RankingChange> Rankings(
        string question,
        AnswerFields.Ranking ranking,
        List<string> matched,
        Dictionary<string, JsonObject> oldById,
        Dictionary<string, JsonObject> newById,
        HashSet<string> movedRows)
    {
        var changes = new List<RankingChange>();
        var oldOrder = Ranked(matched, oldById, ranking.Measure);
        var newOrder = Ranked(matched, newById, ranking.Measure);
        if (oldOrder.Count < 2 || newOrder.Count != oldOrder.Count)
        {
            return changes;
        }

        var measure = Measure(ranking.Measure);
        void Place(string? name, string was, string now)
        {
            // A new first (or last) place is named when either row's own number moved: a swap of two rows whose
            // numbers both held steady is noise.
            if (name is not null && was != now && (movedRows.Contains(was) || movedRows.Contains(now)))
            {
                var (item, wasItem) = (AnswerFields.Label(question, newById[now]), AnswerFields.Label(question, newById[was]));
                changes.Add(new RankingChange(item, ranking.Measure, wasItem, null, null, $"The {name} (by {measure}) is now {item}, not {wasItem}."));
            }
        }

        Place(ranking.First, oldOrder[0], newOrder[0]);
        Place(ranking.Last, oldOrder[^1], newOrder[^1]);
        for (var rank = 0; rank < newOrder.Count; rank++)
        {
            var id = newOrder[rank];
            var from = oldOrder.IndexOf(id);
            if (from != rank && movedRows.Contains(id))
            {
                var item = AnswerFields.Label(question, newById[id]);
                var verb = rank < from ? "rose" : "fell";
                changes.Add(new RankingChange(item, ranking.Measure, null, from + 1, rank + 1,
                    $"{item} {verb} from {Ordinal(from + 1)} to {Ordinal(rank + 1)} by {measure}."));
            }
        }

        return changes;
    }

    private static List<string> Ranked(List<string> ids, Dictionary<string, JsonObject> rows, string measure) =>
        [.. ids.Select((id, i) => (id, i, Value: AnswerFields.Number(rows[id][measure]) ?? double.NegativeInfinity))
            .OrderByDescending(r => r.Value).ThenBy(r => r.i).Select(r => r.id)];

    private static Dictionary<string, JsonObject> ById(string question, List<JsonObject> rows)
    {
        var byId = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            byId.TryAdd(AnswerFields.Identity(question, row), row);
        }

        return byId;
    }

    private static string ClassText(JsonNode? value) => value switch
    {
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "yes" : "no",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        null => "none",
        _ => value.ToJsonString(),
    };

    /// <summary>A field's name in words: <c>mean_order_value</c> → "mean order value".</summary>
    private static string Measure(string field) => field.Replace('_', ' ');

    private static string Ordinal(int n)
    {
        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return n.ToString(CultureInfo.InvariantCulture) + suffix;
    }
}
