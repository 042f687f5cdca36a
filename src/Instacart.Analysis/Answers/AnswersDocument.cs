using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text;
using Instacart.Data.Derivation;
using Instacart.Data.Files;
using Instacart.Analysis.Questions;
using Instacart.Data;
using Instacart.Analysis.Affinity;
using Instacart.Analysis.Prediction;
using Instacart.Analysis.Segments;
using Instacart.Analysis.Sessions;

namespace Instacart.Analysis.Answers;

/// <summary>
/// The <c>answers.json</c> document of SPEC §5: format tag, options, reconciliation and every question's rows,
/// with keys sorted (ordinal), floats rounded to 6 significant digits, integers exact, nulls for empty means.
/// </summary>
public static class AnswersDocument
{
    /// <summary>The document's format tag.</summary>
    public const string Format = "instacart-answers/1";

    /// <summary>The document's file name, in a report folder and by default.</summary>
    public const string FileName = "answers.json";

    /// <summary>The option value of <see cref="DayConvention.SaturdayFirst"/> (<c>--day-convention</c>, and the document's options).</summary>
    public const string SaturdayFirst = "saturday-first";

    /// <summary>The option value of <see cref="DayConvention.SundayFirst"/>.</summary>
    public const string SundayFirst = "sunday-first";

    /// <summary>
    /// The one composition of the document: every answer's <see cref="IQuestionAnswer.ToJson"/> under its key (rows, or
    /// a model's object), with the format tag, the options and the reconciliation.
    /// </summary>
    public static JsonObject Build(InstacartData data, IEnumerable<IQuestionAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Build(data.Options, data.Reconciliation, answers);
    }

    /// <summary>The document of <paramref name="answers"/> computed with <paramref name="options"/> on data reconciled as <paramref name="reconciliation"/>.</summary>
    internal static JsonObject Build(AnalysisOptions options, Instacart.Data.Cleaning.Reconciliation reconciliation, IEnumerable<IQuestionAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var questions = new JsonObject();
        foreach (var answer in answers)
        {
            questions[answer.Key] = answer.ToJson();
        }

        var counts = new JsonObject();
        foreach (var (key, value) in reconciliation.Entries)
        {
            counts[key] = value;
        }

        var document = new JsonObject
        {
            ["format"] = Format,
            ["options"] = new JsonObject { ["day_convention"] = DayConventionName(options.DayConvention) },
            ["reconciliation"] = counts,
            ["questions"] = questions,
        };
        return (JsonObject)Canonical(document)!;
    }

    /// <summary>
    /// The answers a document of <paramref name="scope"/> holds, in notebook order: the eleven core questions and the
    /// cheap stakeholder extras, and for <see cref="AnswerScope.Report"/> also basket affinity, customer segments and
    /// the reorder model (the session's, shared with its notebooks).
    /// </summary>
    public static IReadOnlyList<IQuestionAnswer> Answers(AnalysisSession session, AnswerScope scope)
    {
        ArgumentNullException.ThrowIfNull(session);
        // The cheap answers are the finish of one partial state: the whole data as a single part, or on a partitioned
        // dataset's session the parts' states merged (the models there come from the session's sample).
        var cheap = session.Partials?.CheapAnswers ?? AnswerPartials.Compute(session.Data, deferIntervals: true).Answers();
        return scope == AnswerScope.Cheap
            ? cheap
            : [.. cheap, BasketAffinity.Compute(session), CustomerSegments.Compute(session), ReorderPrediction.Compute(session)];
    }

    /// <summary>Computes the answers of <paramref name="scope"/> and builds the document: what <c>answers</c> (cheap) and <c>run</c> (report) write.</summary>
    public static JsonObject Compute(AnalysisSession session, AnswerScope scope)
    {
        ArgumentNullException.ThrowIfNull(session);
        return Build(session.Data.Options, session.Reconciliation, Answers(session, scope));
    }

    /// <summary>The <see cref="AnswerScope.Cheap"/> document of <paramref name="data"/> (the <c>answers</c> command's).</summary>
    public static JsonObject Compute(InstacartData data)
    {
        // The caller keeps its data (and its pending cache writes): this short session borrows it.
        using var session = new AnalysisSession(data, ownsData: false);
        return Compute(session, AnswerScope.Cheap);
    }

    /// <summary>The document as UTF-8 text: indented, LF line ends, a final newline.</summary>
    public static string ToText(JsonObject document)
    {
        var text = document.ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        return text.ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>Writes the document whole or not at all (see <see cref="AtomicFile"/>), creating its folder if needed.</summary>
    /// <exception cref="FileWriteException">It could not be written (the disk is full, say); an earlier file is left as it was.</exception>
    public static void Write(JsonObject document, string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        AtomicFile.WriteAllText(full, ToText(document));
    }

    /// <summary>The option value for a day convention: <see cref="SaturdayFirst"/> or <see cref="SundayFirst"/>.</summary>
    public static string DayConventionName(DayConvention convention) =>
        convention == DayConvention.SaturdayFirst ? SaturdayFirst : SundayFirst;

    /// <summary>The day convention an option value names (<see cref="SundayFirst"/>, else <see cref="DayConvention.SaturdayFirst"/>).</summary>
    public static DayConvention DayConventionOf(string name) =>
        name == SundayFirst ? DayConvention.SundayFirst : DayConvention.SaturdayFirst;

    /// <summary>Rounds a float to 6 significant digits (SPEC §5); integral values stay as they are.</summary>
    public static double Round6(double value) =>
        value == 0 || !double.IsFinite(value) ? value : double.Parse(value.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>The node with every object's keys sorted (ordinal) and every number that is not an integer rounded (<see cref="Round6"/>).</summary>
    internal static JsonNode? Canonical(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var sorted = new JsonObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal).ToList())
                {
                    obj.Remove(key);
                    sorted[key] = Canonical(value);
                }

                return sorted;
            case JsonArray array:
                var items = array.ToList();
                array.Clear();
                var result = new JsonArray();
                foreach (var item in items)
                {
                    result.Add(Canonical(item));
                }

                return result;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<double>(out var number) && !value.TryGetValue<long>(out _) && !value.TryGetValue<int>(out _):
                return JsonValue.Create(Round6(number));
            default:
                return node?.DeepClone();
        }
    }
}
