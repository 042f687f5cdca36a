using System.Globalization;
using System.Text.Json;
using Instacart.Data.Partitions;
using Instacart.Data.Cache;
using Instacart.Data.Derivation;
using Instacart.Analysis.Sessions;

namespace Instacart.Notebooks;

/// <summary>
/// How a child process loads the run's data: the parent's load options and cache, and the fingerprint the load must
/// have. Passed on the child's command line, never through the environment.
/// </summary>
/// <param name="Options">The options the parent loaded with.</param>
/// <param name="Cache">The parent's cache, or null for none.</param>
/// <param name="Fingerprint">The parent's dataset fingerprint.</param>
/// <param name="Sample">
/// On a partitioned dataset, the parent's customer sample: the child opens the dataset itself with the same sample
/// (<see cref="AnalysisSession.OpenDataset"/>; the draw is a seeded hash of each user_id, so it keeps the same customers),
/// so its notebooks see the parent's session contract, exact merged answers and the models' sample alike. Null for a data folder.
/// </param>
internal sealed record ChildData(AnalysisOptions Options, CacheOptions? Cache, string Fingerprint, CustomerSample? Sample = null)
{
    private const string OptionsArgument = "--load-options";
    private const string CacheArgument = "--cache";
    private const string FingerprintArgument = "--expect-fingerprint";
    private const string SampleRateArgument = "--sample-rate";
    private const string SampleSeedArgument = "--sample-seed";

    /// <summary>The worker arguments that carry this.</summary>
    public IEnumerable<string> ToArguments() =>
    [
        OptionsArgument, JsonSerializer.Serialize(Options),
        CacheArgument, Cache?.Directory ?? "",
        FingerprintArgument, Fingerprint,
        .. Sample is { } sample
            ? new[] { SampleRateArgument, sample.Rate.ToString("R", CultureInfo.InvariantCulture), SampleSeedArgument, sample.Seed.ToString(CultureInfo.InvariantCulture) }
            : [],
    ];

    /// <summary>The data the parsed worker arguments describe, or null when the parent handed no session.</summary>
    public static ChildData? FromArguments(IReadOnlyDictionary<string, string> arguments)
    {
        if (!arguments.TryGetValue(OptionsArgument, out var options) || !arguments.TryGetValue(FingerprintArgument, out var fingerprint))
        {
            return null;
        }

        var cache = arguments.GetValueOrDefault(CacheArgument);
        return new ChildData(
            JsonSerializer.Deserialize<AnalysisOptions>(options) ?? throw new ArgumentException($"{OptionsArgument} is empty"),
            string.IsNullOrEmpty(cache) ? null : new CacheOptions(cache),
            fingerprint,
            arguments.TryGetValue(SampleRateArgument, out var rate) && arguments.TryGetValue(SampleSeedArgument, out var seed)
                ? new CustomerSample(double.Parse(rate, CultureInfo.InvariantCulture), ulong.Parse(seed, CultureInfo.InvariantCulture))
                : null);
    }

    /// <summary>Loads <paramref name="folder"/> (or opens its dataset) as the parent did; the data must be the parent's, byte for byte.</summary>
    public AnalysisSession Load(string folder)
    {
        var session = Sample is { } sample ? AnalysisSession.OpenDataset(folder, sample) : AnalysisSession.Load(folder, Options, Cache);
        if (session.Data.Fingerprint != Fingerprint)
        {
            session.Dispose();
            throw new InvalidOperationException(
                $"the data folder changed during the run (loaded {session.Data.Fingerprint}, the run has {Fingerprint}): run again once the files are final");
        }

        return session;
    }
}
