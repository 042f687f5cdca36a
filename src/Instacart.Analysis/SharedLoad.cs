using Instacart.Analysis.Cache;
using Instacart.Analysis.Derivation;
using Instacart.Analysis.Input;

namespace Instacart.Analysis;

/// <summary>
/// The last folder loaded by <see cref="InstacartData.Load(string, AnalysisOptions?)"/> in this process, kept so that
/// loading it again with the same options and unchanged files returns the same data instead of loading it anew: every
/// notebook of an <c>instacart run</c> shares the kernel host's process and the run's own load, and a notebook cell run
/// twice in VS Code does not reload. A file written since (size or time changed) makes it a new load. Only the last
/// load is held on to; earlier ones are found again only while their caller still holds them (weak references).
/// </summary>
internal static class SharedLoad
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<Key, WeakReference<InstacartData>> Earlier = [];
    private static (Key Key, Lazy<InstacartData> Data)? _last;

    /// <summary>
    /// The data loaded for this key last (or earlier, while something still holds it), else <paramref name="load"/>'s,
    /// which then becomes the one kept.
    /// </summary>
    public static InstacartData Get(string folder, AnalysisOptions options, CacheOptions? cache, Func<InstacartData> load)
    {
        var key = new Key(Path.GetFullPath(folder), options, cache?.Directory, Stamp(folder));
        Lazy<InstacartData> data;
        lock (Gate)
        {
            foreach (var dead in Earlier.Where(e => !e.Value.TryGetTarget(out _)).Select(e => e.Key).ToList())
            {
                Earlier.Remove(dead);
            }

            if (_last is { } last && last.Key == key)
            {
                data = last.Data;
            }
            else if (Earlier.TryGetValue(key, out var weak) && weak.TryGetTarget(out var held))
            {
                data = new Lazy<InstacartData>(held);
                _last = (key, data);
            }
            else
            {
                data = new Lazy<InstacartData>(load, LazyThreadSafetyMode.ExecutionAndPublication);
                _last = (key, data);
            }
        }

        try
        {
            var loaded = data.Value;
            lock (Gate)
            {
                Earlier[key] = new WeakReference<InstacartData>(loaded);
            }

            return loaded;
        }
        catch
        {
            // A failed load (bad input) is not kept: the next call reads the files again.
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

    /// <summary>Each input file's size and last write time (or its absence), in a fixed order.</summary>
    private static string Stamp(string folder)
    {
        string[] names = [InputFiles.Orders, InputFiles.PriorLines, InputFiles.TrainLines, InputFiles.Products, InputFiles.Departments, InputFiles.Aisles, InputFiles.Customers];
        return string.Join('|', names.Select(name =>
        {
            var file = new FileInfo(Path.Combine(folder, name));
            return file.Exists ? FormattableString.Invariant($"{name}:{file.Length}:{file.LastWriteTimeUtc.Ticks}") : name + ":-";
        }));
    }

    private sealed record Key(string Folder, AnalysisOptions Options, string? CacheDirectory, string Files);
}
