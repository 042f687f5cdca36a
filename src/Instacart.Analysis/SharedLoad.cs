using Instacart.Analysis.Cache;
using Instacart.Analysis.Derivation;

namespace Instacart.Analysis;

/// <summary>
/// The last folder loaded by <see cref="InstacartData.Load(string, AnalysisOptions?)"/> in this process, kept so that
/// loading it again with the same options and the same bytes returns the same data instead of loading it anew: every
/// notebook of an <c>instacart run</c> shares the kernel host's process and the run's own load, and a notebook cell run
/// twice in VS Code does not reload. Data is given again only for the exact bytes it was loaded from: every input file
/// is hashed again and the dataset fingerprint compared (<see cref="InstacartData.Fingerprint"/>), so a file rewritten
/// with the same size and write time (<c>cp -p</c>) makes it a new load. Only the last load is held on to; earlier ones
/// are found again only while their caller still holds them (weak references).
/// </summary>
internal static class SharedLoad
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<(Key Key, string Fingerprint), WeakReference<InstacartData>> Earlier = [];
    private static (Key Key, Lazy<InstacartData> Data)? _last;

    /// <summary>
    /// The data loaded for this folder, options and cache last (or earlier, while something still holds it) when the
    /// files' bytes are still the ones it was loaded from, else <paramref name="load"/>'s, which then becomes the one kept.
    /// </summary>
    public static InstacartData Get(string folder, AnalysisOptions options, CacheOptions? cache, Func<InstacartData> load)
    {
        var key = new Key(Path.GetFullPath(folder), options, cache?.Directory);
        Lazy<InstacartData>? candidate;
        bool anyEarlier;
        lock (Gate)
        {
            foreach (var dead in Earlier.Where(e => !e.Value.TryGetTarget(out _)).Select(e => e.Key).ToList())
            {
                Earlier.Remove(dead);
            }

            candidate = _last is { } last && last.Key == key ? last.Data : null;
            anyEarlier = Earlier.Keys.Any(k => k.Key == key);
        }

        // Nothing to give again: load without hashing the files first (the load hashes them itself).
        if (candidate is not null || anyEarlier)
        {
            var now = CurrentFingerprint(key.Folder);
            if (now is not null && Reusable(key, now, candidate) is { } same)
            {
                return same;
            }
        }

        var data = new Lazy<InstacartData>(load, LazyThreadSafetyMode.ExecutionAndPublication);
        lock (Gate)
        {
            _last = (key, data);
        }

        return Keep(key, data);
    }

    /// <summary>The held data of <paramref name="key"/> whose fingerprint is <paramref name="now"/>, or null.</summary>
    private static InstacartData? Reusable(Key key, string now, Lazy<InstacartData>? candidate)
    {
        if (candidate is not null)
        {
            // A load of the same key in progress (another notebook's) is waited for, then compared like a finished one.
            InstacartData? loaded = null;
            try
            {
                loaded = Keep(key, candidate);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Its failure is that caller's to report; this one loads for itself.
            }

            if (loaded?.Fingerprint == now)
            {
                return loaded;
            }
        }

        lock (Gate)
        {
            if (Earlier.TryGetValue((key, now), out var weak) && weak.TryGetTarget(out var held))
            {
                _last = (key, new Lazy<InstacartData>(held));
                return held;
            }
        }

        return null;
    }

    /// <summary>The value of <paramref name="data"/>, kept among the earlier loads; a failed load (bad input) is not kept.</summary>
    private static InstacartData Keep(Key key, Lazy<InstacartData> data)
    {
        try
        {
            var loaded = data.Value;
            lock (Gate)
            {
                Earlier[(key, loaded.Fingerprint)] = new WeakReference<InstacartData>(loaded);
            }

            return loaded;
        }
        catch
        {
            // The next call reads the files again.
            lock (Gate)
            {
                if (_last is { } last && ReferenceEquals(last.Data, data))
                {
                    _last = null;
                }
            }

            throw;
        }
    }

    /// <summary>The dataset fingerprint of the folder's files as they are now, or null when they cannot be hashed as one version.</summary>
    private static string? CurrentFingerprint(string folder)
    {
        var hashed = InputKey.Compute(folder);
        return hashed.Key is { } key && hashed.ChangedWhileRead is null ? InputKey.Fingerprint(key) : null;
    }

    private sealed record Key(string Folder, AnalysisOptions Options, string? CacheDirectory);
}
