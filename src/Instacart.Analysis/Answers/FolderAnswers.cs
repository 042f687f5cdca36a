using System.Text.Json.Nodes;
using Instacart.Data;
using Instacart.Data.Cache;
using Instacart.Data.Cleaning;
using Instacart.Data.Derivation;
using Instacart.Data.Input;
using Instacart.Analysis.Sessions;

namespace Instacart.Analysis.Answers;

/// <summary>
/// The cheap <c>answers.json</c> of one data folder, as <c>instacart answers</c> writes it. With a cache, a load keeps
/// its answers' exact partial state (<see cref="AnswerPartials"/>) in the folder's cache entry, named after the options
/// and this very build; a later call finishes the document from that state alone, once every byte of every input file
/// has been hashed and found the entry's key. Anything else (no cache, rows skipped as bad input, other options, another
/// build, a changed or damaged file) loads the folder, so the document is the same bytes either way.
/// </summary>
/// <remarks>Dispose it to wait for the cache writes its load queued.</remarks>
public sealed class FolderAnswers : IDisposable
{
    private readonly InstacartData? data;

    private FolderAnswers(JsonObject document, Reconciliation reconciliation, BadRowLog badRows, InstacartData? data)
    {
        Document = document;
        Reconciliation = reconciliation;
        BadRows = badRows;
        this.data = data;
    }

    /// <summary>The document (SPEC §5): the eleven core questions and the cheap stakeholder extras.</summary>
    public JsonObject Document { get; }

    /// <summary>The reconciliation counts of the data the answers are of.</summary>
    public Reconciliation Reconciliation { get; }

    /// <summary>The rows skipped as bad input (empty unless the options skip them, and then the folder was loaded).</summary>
    public BadRowLog BadRows { get; }

    /// <summary>Whether the document was finished from the state kept in the cache, nothing loaded.</summary>
    public bool FromKeptState => data is null;

    /// <summary>
    /// The answers of <paramref name="folder"/> computed with <paramref name="options"/>, from the state kept in
    /// <paramref name="cache"/> when it holds one for the files' exact bytes, else from a load of the folder that reads
    /// and writes <paramref name="cache"/> as <see cref="InstacartData.Load(string, AnalysisOptions?, CacheOptions?)"/>
    /// does (<see langword="null"/>: no cache) and keeps the state.
    /// </summary>
    /// <exception cref="InputException">The folder is bad input, or the cache folder is inside it.</exception>
    public static FolderAnswers Compute(string folder, AnalysisOptions? options = null, CacheOptions? cache = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        options ??= AnalysisOptions.Default;
        var name = StateName(options);
        if (cache is not null && options.OnBadRows == BadRowPolicy.Fail)
        {
            DataFolder.CheckLayout(Path.GetFullPath(folder));
            if (KeptResults.Read(folder, cache, name) is { } kept)
            {
                // The document is finished while the files are hashed, and used only once they are found the entry's key.
                var state = Kept(kept.Bytes, options);
                var document = state?.Finish();
                if (kept.OfTheFilesNow.GetAwaiter().GetResult() && document is not null)
                {
                    return new FolderAnswers(document, state!.Reconciliation, new BadRowLog(options.OnBadRows), null);
                }
            }
        }

        var data = InstacartData.Load(folder, options, cache);
        try
        {
            var partials = AnswerPartials.Compute(data, deferIntervals: true);
            var document = partials.Finish();
            // The bytes need the regions' interval moments (a pass over the lines): made by the cache's writer, after the document.
            data.KeepResult(name, partials.ToBytes);
            return new FolderAnswers(document, data.Reconciliation, data.BadRows, data);
        }
        catch
        {
            data.Dispose();
            throw;
        }
    }

    /// <summary>Waits for the writes the load queued to its cache entry (nothing when the state was read).</summary>
    public void Dispose() => data?.Dispose();

    /// <summary>
    /// The name of the state kept for <paramref name="options"/>: <c>answers-</c> and a hash of the partial format, the
    /// options and this build (<see cref="KeptName"/>), so that no other build or option ever reads it.
    /// </summary>
    internal static string StateName(AnalysisOptions options) =>
        KeptName.Of("answers", "instacart-answer-partials/2\n" + OptionsBytes.Key(options));

    /// <summary>The kept state, or null when its bytes are not whole or were made with other options.</summary>
    private static AnswerPartials? Kept(byte[] bytes, AnalysisOptions options)
    {
        try
        {
            var state = AnswerPartials.FromBytes(bytes);
            return state.Options == options ? state : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
