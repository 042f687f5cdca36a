using Instacart.Notebooks.Publishing;

namespace Instacart.Notebooks.Changes;

/// <summary>What moved between an earlier report and this one, per question (see <see cref="AnswersComparison"/>).</summary>
/// <param name="Earlier">The earlier report's folder name.</param>
/// <param name="EarlierDataset">The earlier report's data, when its <c>run.json</c> says.</param>
/// <param name="CurrentDataset">This report's data.</param>
/// <param name="NotComparable">Why the two cannot be compared (an older format, no <c>answers.json</c>), or null.</param>
/// <param name="Questions">The questions where something moved, in <c>answers.json</c> order.</param>
/// <param name="Steady">The titles of the questions where nothing moved beyond the noise.</param>
internal sealed record ChangeSet(
    string Earlier,
    DatasetIdentity? EarlierDataset,
    DatasetIdentity? CurrentDataset,
    string? NotComparable,
    IReadOnlyList<QuestionChanges> Questions,
    IReadOnlyList<string> Steady)
{
    /// <summary>The sentence when the reports compare and nothing moved.</summary>
    public const string NothingMovedSentence = "Nothing moved beyond the noise.";

    /// <summary>Whether the two reports compared and nothing moved beyond the noise.</summary>
    public bool NothingMoved => NotComparable is null && Questions.Count == 0;

    /// <summary>One line for the console and the page's lead.</summary>
    public string Summary => NotComparable is not null
        ? $"Not comparable with the earlier report {Earlier}: {NotComparable}."
        : NothingMoved
            ? NothingMovedSentence
            : $"{Questions.Count} of {Questions.Count + Steady.Count} questions moved beyond the noise: {string.Join(", ", Questions.Select(q => q.Title.ToLowerInvariant()))}.";

    /// <summary>The line naming what held steady.</summary>
    public string SteadyLine => Steady.Count == 0
        ? ""
        : Questions.Count == 0
            ? $"Held steady: all {Steady.Count} questions."
            : $"Held steady: {string.Join(", ", Steady.Select(s => s.ToLowerInvariant()))}.";
}

/// <summary>What moved in one question.</summary>
/// <param name="Question">Its key in <c>answers.json</c>.</param>
/// <param name="Title">Its title.</param>
/// <param name="Rankings">Rankings that changed.</param>
/// <param name="Moves">Numbers that moved beyond the noise.</param>
/// <param name="Appeared">Rows (categories) only in this report.</param>
/// <param name="Vanished">Rows only in the earlier report.</param>
/// <param name="Reclassified">Rows that moved and were put in another class.</param>
/// <param name="Steady">What held steady, in one line.</param>
internal sealed record QuestionChanges(
    string Question,
    string Title,
    IReadOnlyList<RankingChange> Rankings,
    IReadOnlyList<NumberMove> Moves,
    IReadOnlyList<string> Appeared,
    IReadOnlyList<string> Vanished,
    IReadOnlyList<Reclassification> Reclassified,
    string Steady)
{
    /// <summary>Whether anything moved.</summary>
    public bool Any => Rankings.Count + Moves.Count + Appeared.Count + Vanished.Count + Reclassified.Count > 0;
}

/// <summary>A ranking that changed: a new first (or last) place, or a row that rose or fell.</summary>
/// <param name="Item">The row now in the place, or the row that rose or fell.</param>
/// <param name="Measure">The measure ranked by.</param>
/// <param name="Was">The row that held the place before (for a new first or last place).</param>
/// <param name="From">The row's rank before (1 is first), for a row that rose or fell.</param>
/// <param name="To">The row's rank now.</param>
/// <param name="Sentence">In plain words.</param>
internal sealed record RankingChange(string Item, string Measure, string? Was, int? From, int? To, string Sentence);

/// <summary>A number that moved beyond the noise.</summary>
/// <param name="Item">The row.</param>
/// <param name="Measure">The field.</param>
/// <param name="Old">Its value in the earlier report.</param>
/// <param name="New">Its value now.</param>
/// <param name="Sentence">In plain words, old → new and the change.</param>
internal sealed record NumberMove(string Item, string Measure, double Old, double New, string Sentence);

/// <summary>A row that moved and was put in another class.</summary>
/// <param name="Item">The row.</param>
/// <param name="Field">The class field.</param>
/// <param name="Old">Its class before.</param>
/// <param name="New">Its class now.</param>
/// <param name="Sentence">In plain words.</param>
internal sealed record Reclassification(string Item, string Field, string Old, string New, string Sentence);
