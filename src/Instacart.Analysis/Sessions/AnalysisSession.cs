using System.Collections.Concurrent;
using Instacart.Data.Cache;
using Instacart.Data.Derivation;
using Instacart.Data;
using Instacart.Data.Cleaning;
using Instacart.Data.Lines;
using Instacart.Data.Partitions;
using Instacart.Analysis.Questions;

namespace Instacart.Analysis.Sessions;

/// <summary>
/// One loaded dataset and the costly results computed from it (basket affinity, customer segments, the reorder
/// model), each computed once and shared by whoever asks through this session: under <c>instacart run</c> the
/// runner's session is handed to every notebook's kernel as a value and also gives <c>answers.json</c>; in an
/// analyst's own kernel the notebook opens one for its folder. The session owns its data and results: disposing it
/// waits for the data's cache writes (<see cref="InstacartData.Dispose"/>) and drops the results. No load and no
/// result is kept anywhere else.
/// </summary>
/// <remarks>
/// A session over a partitioned dataset (<see cref="OpenDataset"/>) answers in two ways, and says which. Exact, from
/// every customer of every part, merged: the eleven core questions and the stakeholder extras (each question's
/// <c>Compute(session)</c>), the intervals of <see cref="Statistics.GroupIntervals.Compute(AnalysisSession, Statistics.GroupingDimension)"/>
/// and notebook 00's <see cref="Preparation.DataPreparation.Summarize(AnalysisSession)"/>. From a seeded sample of the
/// customers (<see cref="Sample"/>), drawn from each part as it is loaded: <see cref="Data"/>, and so basket affinity,
/// customer segments, the reorder model and whatever an analyst's own cells compute from the data; their
/// <c>Method()</c> says so.
/// </remarks>
public sealed class AnalysisSession : IDisposable
{
    private readonly ConcurrentDictionary<object, Lazy<object>> _results = new();
    private readonly bool _ownsData;
    private volatile bool _disposed;

    /// <summary>A session over data already loaded; the session owns it from now on (and disposes it).</summary>
    public AnalysisSession(InstacartData data)
        : this(data, ownsData: true)
    {
    }

    /// <summary>A session over <paramref name="data"/>, disposing it with the session only when it <paramref name="ownsData"/>.</summary>
    internal AnalysisSession(InstacartData data, bool ownsData)
    {
        ArgumentNullException.ThrowIfNull(data);
        Data = data;
        _ownsData = ownsData;
    }

    private AnalysisSession(InstacartData sample, PartitionedDataset dataset, CustomerSample drawn, DatasetPartials partials)
        : this(sample, ownsData: true)
    {
        Dataset = dataset;
        Sample = drawn;
        Partials = partials;
    }

    /// <summary>
    /// The loaded data. Treat it as read-only: its arrays are shared. On a partitioned dataset's session it is the data
    /// of the <see cref="Sample"/>'s customers only.
    /// </summary>
    public InstacartData Data { get; }

    /// <summary>The partitioned dataset this session was opened on (<see cref="OpenDataset"/>), or null for a loaded data folder.</summary>
    public PartitionedDataset? Dataset { get; }

    /// <summary>The customer sample <see cref="Data"/> holds on a partitioned dataset's session, or null for a loaded data folder (all of it).</summary>
    public CustomerSample? Sample { get; }

    /// <summary>
    /// The reconciliation counts of the whole data: on a partitioned dataset's session added over every part (not the
    /// sample's), otherwise <see cref="Data"/>'s.
    /// </summary>
    public Reconciliation Reconciliation => Partials?.Answers.Reconciliation ?? Data.Reconciliation;

    /// <summary>The exact state merged over every part of <see cref="Dataset"/>, or null for a loaded data folder.</summary>
    internal DatasetPartials? Partials { get; }

    /// <summary>
    /// What a model's method adds on a partitioned dataset's session: the sample it was fitted on, and that the other
    /// answers are exact; null on a loaded data folder.
    /// </summary>
    internal string? SampleNote => Dataset is { } dataset && Sample is { } sample
        ? (sample.KeepsEveryone
            ? $" Fitted on every customer of the partitioned dataset ({Writing.Wording.Count(Data.Input.Customers.Count)}, gathered from each of its {dataset.Parts} parts; sample rate 1, seed {sample.Seed}); the other answers are computed from every part and merged."
            : $" Fitted on a seeded sample of {Writing.Wording.Count(Data.Input.Customers.Count)} customers (rate {sample.Rate.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture)}, seed {sample.Seed}: a customer is kept when a seeded hash of its user_id falls below the rate) drawn from each of the {dataset.Parts} parts of the partitioned dataset, with all their orders and lines; "
                + "the other answers (the core questions, the extras, the intervals and the preparation counts) are exact, computed from every part and merged.")
        : null;

    /// <summary>
    /// Opens the partitioned dataset in <paramref name="folder"/> (see <see cref="PartitionedDataset"/>): loads part after
    /// part, adds each part's exact partial state (the cheap answers, the intervals, the preparation counts) to the
    /// merge, and keeps the rows of the customers <paramref name="sample"/> draws from it; then loads the kept rows of
    /// every part as one data (<see cref="Data"/>) for the models and an analyst's own cells. One part and the sample
    /// are in memory at a time.
    /// </summary>
    /// <param name="folder">The dataset's folder.</param>
    /// <param name="sample">The customers kept for <see cref="Data"/>; null: <see cref="CustomerSample.For(PartitionedDataset)"/>, about <see cref="CustomerSample.DefaultMaxCustomers"/> at most.</param>
    /// <param name="partDone">Called after each part with the parts done and the parts in all.</param>
    /// <exception cref="DatasetException">The folder is not a dataset, or a file of it is missing, changed or damaged.</exception>
    public static AnalysisSession OpenDataset(string folder, CustomerSample? sample = null, Action<int, int>? partDone = null)
    {
        var dataset = PartitionedDataset.Open(folder);
        sample ??= CustomerSample.For(dataset);
        var parallelism = Parallelism.Default;
        DatasetPartials? merged = null;
        var kept = new List<Instacart.Data.Input.InputTables>(dataset.Parts);
        for (var p = 0; p < dataset.Parts; p++)
        {
            var input = dataset.ReadPart(p, parallelism);
            kept.Add(sample.Apply(input));
            using (var part = dataset.Load(input, parallelism))
            {
                var state = DatasetPartials.Compute(part);
                merged = merged is null ? state : DatasetPartials.Merge(merged, state);
            }

            partDone?.Invoke(p + 1, dataset.Parts);
        }

        var data = dataset.Load(CustomerSample.Combine(kept), parallelism);
        return new AnalysisSession(data, dataset, sample, merged!);
    }

    /// <summary>
    /// A cheap answer for <paramref name="session"/>: the merged finish on a partitioned dataset's session, else
    /// <paramref name="compute"/> of its data.
    /// </summary>
    internal static T Cheap<T>(AnalysisSession session, Func<InstacartData, T> compute)
        where T : IQuestionAnswer
    {
        ArgumentNullException.ThrowIfNull(session);
        ObjectDisposedException.ThrowIf(session._disposed, session);
        return session.Partials is { } merged ? merged.CheapAnswers.OfType<T>().Single() : compute(session.Data);
    }

    /// <summary>
    /// Loads <paramref name="folder"/> (see <see cref="InstacartData.Load(string, AnalysisOptions?, CacheOptions?)"/>)
    /// into a new session.
    /// </summary>
    public static AnalysisSession Load(string folder, AnalysisOptions? options = null, CacheOptions? cache = null) =>
        new(InstacartData.Load(folder, options, cache));

    /// <summary>
    /// The <typeparamref name="T"/> computed with <paramref name="options"/> (a value with equality), computed once:
    /// later and concurrent callers with equal options get the same instance.
    /// </summary>
    internal T Result<T, TOptions>(TOptions options, Func<InstacartData, TOptions, T> compute)
        where T : class
        where TOptions : notnull
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return (T)_results.GetOrAdd((typeof(T), options), _ => new Lazy<object>(() => compute(Data, options), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    /// <summary>Waits for the data's cache writes (when it owns the data) and drops the results; the session answers no more.</summary>
    public void Dispose()
    {
        _disposed = true;
        _results.Clear();
        if (_ownsData)
        {
            Data.Dispose();
        }
    }
}
