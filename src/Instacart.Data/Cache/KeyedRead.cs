using Instacart.Data.Input;

namespace Instacart.Data.Cache;

/// <summary>
/// Parses input files between two hashes of every byte of them, so that the tables, the cache entry written from them
/// and the dataset fingerprint are all of one version of the files: a hash complete before the parse starts, and one
/// started once it is done (it runs beside the stages after the load; <see cref="InputKeyCheck"/> compares them).
/// A file that changed meanwhile (a copy still being written, a <c>cp -p</c> over it) is read again; if it keeps
/// changing, that is bad input.
/// </summary>
/// <remarks>
/// The first hash is complete before the parse starts rather than running beside it: a hash beside the parse can
/// reach a part of a file after the parse did, and a change that lands in between would then be in both hashes and
/// not in the tables. Taken before, any change after it shows in the second hash. The second hash, not the first, is
/// what runs beside other work, so the cost is the same.
/// </remarks>
internal static class KeyedRead
{
    /// <summary>How many times the files are parsed before a file that keeps changing is reported.</summary>
    public const int Attempts = 3;

    /// <summary>What is named when a file came or went between two hashes.</summary>
    public const string FolderFiles = "the data folder's files";

    /// <summary>
    /// The tables <paramref name="parse"/> reads from <paramref name="folder"/> and the check of the bytes they are of.
    /// <paramref name="before"/>, when given, is a hash of the folder taken already (waited for before the parse);
    /// <paramref name="attempt"/> counts the parses of a load so far, this one included. <paramref name="parse"/> is
    /// handed what the first hash learned of the big files (<see cref="HashedInputs.Lines"/>), of the bytes it saw.
    /// </summary>
    /// <exception cref="InputException">A file kept changing over <see cref="Attempts"/> reads, or the parse's own bad input.</exception>
    public static (InputTables Tables, InputKeyCheck Check) Parse(string folder, Func<IReadOnlyDictionary<string, LineCensus>?, InputTables> parse, Task<HashedInputs>? before = null, int attempt = 1)
    {
        for (; ; attempt++)
        {
            var hashed = (before ?? InputKey.Start(folder, census: true)).GetAwaiter().GetResult();
            before = null;
            if (hashed.ChangedWhileRead is { } moving)
            {
                // Being written right now: no parse would be of one version.
                ThrowIfLast(attempt, moving);
                continue;
            }

            try
            {
                var tables = parse(hashed.Lines);
                return (tables, InputKeyCheck.Parsed(hashed, InputKey.Start(folder), attempt));
            }
            catch (Exception e) when (e is InputException or IOException)
            {
                // Bad input read from a file that was being replaced is no finding about the file: read it again.
                var now = InputKey.Compute(folder, census: true);
                if (ChangedBetween(hashed, now) is not { } changed)
                {
                    throw;
                }

                ThrowIfLast(attempt, changed);
                before = Task.FromResult(now);
            }
        }
    }

    /// <summary>
    /// One parse of <paramref name="files"/> of <paramref name="folder"/> between two hashes of them: what was parsed
    /// and the key after when no byte moved in between, else the first file that changed. The parse's own exception is
    /// thrown unless a file changed under it, which is then what is reported.
    /// </summary>
    public static (T Value, IReadOnlyList<InputFingerprint>? Key, string? Changed) Once<T>(string folder, IReadOnlyList<(string File, bool Required)> files, Func<T> parse)
    {
        var before = InputKey.Compute(folder, files);
        T value;
        try
        {
            value = parse();
        }
        catch (Exception e) when (e is InputException or IOException)
        {
            if (ChangedBetween(before, InputKey.Compute(folder, files)) is { } moved)
            {
                return (default!, null, moved);
            }

            throw;
        }

        var after = InputKey.Compute(folder, files);
        var changed = ChangedBetween(before, after);
        return after.Key is { } key && changed is null ? (value, key, null) : (value, null, changed ?? FolderFiles);
    }

    /// <summary>The first file whose bytes differ between two hashes or that moved during either, or null.</summary>
    public static string? ChangedBetween(HashedInputs before, HashedInputs after) =>
        before.ChangedWhileRead ?? after.ChangedWhileRead
            ?? (before.Key is null || after.Key is null
                ? (before.Key is null && after.Key is null ? null : FolderFiles)
                : InputKey.FirstContentDifference(before.Key, after.Key));

    /// <summary>The bad input of a file that changed under every parse.</summary>
    public static InputException KeepsChanging(string file) =>
        new(file, 0, 0, null, "a file that stays the same while it is read", $"it changed during each of {Attempts} reads (load again once it is written whole)");

    private static void ThrowIfLast(int attempt, string file)
    {
        if (attempt >= Attempts)
        {
            throw KeepsChanging(file);
        }
    }
}
