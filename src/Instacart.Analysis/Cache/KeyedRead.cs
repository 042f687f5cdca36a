using Instacart.Analysis.Input;

namespace Instacart.Analysis.Cache;

/// <summary>
/// Parses input files while every byte of them is hashed beside the parse, then hashes them again once the parse is
/// done: what was parsed is returned with its key only when the two hashes agree, so the tables, the cache entry
/// written from them and the dataset fingerprint are all of one version of the files. A file that changed meanwhile
/// (a copy still being written, a <c>cp -p</c> over it) is read again; if it keeps changing, that is bad input.
/// </summary>
internal static class KeyedRead
{
    /// <summary>How many times the files are parsed before a file that keeps changing is reported.</summary>
    public const int Attempts = 3;

    /// <summary>What is named when a file came or went between two hashes.</summary>
    private const string FolderFiles = "the data folder's files";

    /// <summary>
    /// The tables <paramref name="parse"/> reads from <paramref name="folder"/> and the key of the bytes they were read
    /// from. <paramref name="started"/>, when given, is a hash of the folder started before the parse (the cache's,
    /// whose entry turned out stale); it stands for the first attempt's hash beside the parse.
    /// </summary>
    /// <exception cref="InputException">A file kept changing over <see cref="Attempts"/> reads, or the parse's own bad input.</exception>
    public static (InputTables Tables, IReadOnlyList<InputFingerprint> Key) Parse(string folder, Func<InputTables> parse, Task<HashedInputs>? started = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (tables, key, changed) = Once(folder, InputKey.Files, parse, started);
            started = null;
            if (changed is null)
            {
                return (tables, key!);
            }

            if (attempt == Attempts)
            {
                throw new InputException(changed, 0, 0, null, "a file that stays the same while it is read", $"it changed during each of {Attempts} reads (load again once it is written whole)");
            }
        }
    }

    /// <summary>
    /// One parse of <paramref name="files"/> of <paramref name="folder"/> between two hashes of them: what was parsed,
    /// the key after, and the first file that changed in between (null when none did, and only then is the key set).
    /// The parse's own exception is thrown unless a file changed under it, which is then what is reported.
    /// </summary>
    public static (T Value, IReadOnlyList<InputFingerprint>? Key, string? Changed) Once<T>(string folder, IReadOnlyList<(string File, bool Required)> files, Func<T> parse, Task<HashedInputs>? started = null)
    {
        var during = started ?? InputKey.Start(folder, files);
        T value;
        try
        {
            value = parse();
        }
        catch (Exception e) when (e is InputException or IOException)
        {
            // Bad input read from a file that was being replaced is no finding about the file: say it changed.
            var before = during.GetAwaiter().GetResult();
            var now = InputKey.Compute(folder, files);
            if (ChangedBetween(before, now) is { } moved)
            {
                return (default!, null, moved);
            }

            throw;
        }
        catch
        {
            ObserveQuietly(during);
            throw;
        }

        var after = InputKey.Compute(folder, files);
        var changed = ChangedBetween(during.GetAwaiter().GetResult(), after);
        return after.Key is { } key && changed is null ? (value, key, null) : (value, null, changed ?? FolderFiles);
    }

    /// <summary>The first file whose bytes differ between two hashes or that moved during either, or null.</summary>
    private static string? ChangedBetween(HashedInputs before, HashedInputs after) =>
        before.ChangedWhileRead ?? after.ChangedWhileRead
            ?? (before.Key is null || after.Key is null
                ? (before.Key is null && after.Key is null ? null : FolderFiles)
                : InputKey.FirstContentDifference(before.Key, after.Key));

    private static void ObserveQuietly(Task task)
    {
        try
        {
            task.Wait();
        }
        catch (AggregateException)
        {
        }
    }
}
