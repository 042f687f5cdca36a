using System.Collections.Concurrent;
using Instacart.Data.Cache;
using Instacart.Data.Derivation;
using Instacart.Data;

namespace Instacart.Analysis.Sessions;

/// <summary>
/// One loaded dataset and the costly results computed from it (basket affinity, customer segments, the reorder
/// model), each computed once and shared by whoever asks through this session: under <c>instacart run</c> the
/// runner's session is handed to every notebook's kernel as a value and also gives <c>answers.json</c>; in an
/// analyst's own kernel the notebook opens one for its folder. The session owns its data and results: disposing it
/// waits for the data's cache writes (<see cref="InstacartData.Dispose"/>) and drops the results. No load and no
/// result is kept anywhere else.
/// </summary>
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

    /// <summary>The loaded data. Treat it as read-only: its arrays are shared.</summary>
    public InstacartData Data { get; }

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
