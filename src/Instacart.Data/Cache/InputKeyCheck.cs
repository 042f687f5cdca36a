using Instacart.Data.Input;

namespace Instacart.Data.Cache;

/// <summary>
/// Whether a load's input tables are of the files' bytes, and their key when they are. Every load hands one on, and
/// nothing is answered from the tables before <see cref="Wait"/> says so; the hash it waits for runs beside the
/// stages that follow the load. Two kinds: tables parsed from CSV after a complete hash of the files, checked against
/// a second hash taken after the parse (any byte that moved in between shows); and tables read from a cache entry,
/// checked against a hash of the files taken while the entry was read.
/// </summary>
internal sealed class InputKeyCheck
{
    private readonly HashedInputs? before;
    private readonly IReadOnlyList<InputFingerprint>? entryKey;

    private InputKeyCheck(HashedInputs? before, IReadOnlyList<InputFingerprint>? entryKey, Task<HashedInputs> hashing, int attempt)
    {
        this.before = before;
        this.entryKey = entryKey;
        Hashing = hashing;
        Attempt = attempt;
    }

    /// <summary>The hash the check waits for: taken after the parse, or beside the entry's read.</summary>
    public Task<HashedInputs> Hashing { get; }

    /// <summary>Which parse of the files this is (1 for the first; see <see cref="KeyedRead.Attempts"/>).</summary>
    public int Attempt { get; }

    /// <summary>Tables parsed after the complete hash <paramref name="before"/>, with <paramref name="after"/> started once the parse was done.</summary>
    public static InputKeyCheck Parsed(HashedInputs before, Task<HashedInputs> after, int attempt) => new(before, null, after, attempt);

    /// <summary>Tables of a cache entry made from the bytes <paramref name="entryKey"/> names, while <paramref name="hashing"/> hashes the files now.</summary>
    public static InputKeyCheck Cached(IReadOnlyList<InputFingerprint> entryKey, Task<HashedInputs> hashing) => new(null, entryKey, hashing, 0);

    /// <summary>
    /// Waits for the hash: the key of the files' bytes when the tables are of them, else why not (then the folder is to
    /// be loaded again, passing this check on).
    /// </summary>
    /// <exception cref="InputException">A file changed under each of <see cref="KeyedRead.Attempts"/> parses.</exception>
    public (IReadOnlyList<InputFingerprint>? Key, string? Stale) Wait()
    {
        var (key, stale, file) = Outcome();
        if (stale is not null && before is not null && Attempt >= KeyedRead.Attempts)
        {
            throw KeyedRead.KeepsChanging(file!);
        }

        return (key, stale);
    }

    /// <summary>As <see cref="Wait"/>, without throwing: the key, or null when the tables are not of the files' bytes.</summary>
    public IReadOnlyList<InputFingerprint>? KeyOrNull() => Outcome().Key;

    private (IReadOnlyList<InputFingerprint>? Key, string? Stale, string? File) Outcome()
    {
        var now = Hashing.GetAwaiter().GetResult();
        if (before is not null)
        {
            var moved = KeyedRead.ChangedBetween(before, now) ?? (now.Key is null ? KeyedRead.FolderFiles : null);
            return moved is null ? (now.Key, null, null) : (null, $"{moved} changed while it was read", moved);
        }

        var changed = now.Key is null ? "an input file"
            : now.ChangedWhileRead ?? InputKey.FirstDifference(entryKey!, now.Key);
        return changed is null ? (now.Key, null, null) : (null, $"{changed} changed", changed);
    }
}
