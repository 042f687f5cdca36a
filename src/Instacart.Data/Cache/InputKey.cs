using System.IO.Hashing;
using System.Text;
using Instacart.Data.Input;
using Instacart.Data.Lines;

namespace Instacart.Data.Cache;

/// <summary>
/// What one input file was when its tables were read: present or not, size, last write time and the hash of all its
/// bytes. The cache is valid only for equal fingerprints; the dataset fingerprint is made of the content hashes.
/// </summary>
/// <param name="File">The file name (<see cref="InputFiles"/>).</param>
/// <param name="Present">Whether the file exists (the optional files may not).</param>
/// <param name="Size">Its length in bytes.</param>
/// <param name="LastWriteUtcTicks">Its last write time, UTC ticks (a touched file makes a new entry, so that a user can force one).</param>
/// <param name="ContentXxh128">The <see cref="ContentHash"/> of every byte of it, 32 hex digits; empty when absent.</param>
internal sealed record InputFingerprint(string File, bool Present, long Size, long LastWriteUtcTicks, string ContentXxh128)
{
    /// <summary>Whether the file's bytes (presence, length, content) are the same as <paramref name="other"/>'s, whatever the write times.</summary>
    public bool SameBytes(InputFingerprint other) =>
        File == other.File && Present == other.Present && Size == other.Size && ContentXxh128 == other.ContentXxh128;

    /// <summary>Whether presence, size and write time are the same as <paramref name="other"/>'s: what can be told without reading the file.</summary>
    public bool SameStamp(InputFingerprint other) =>
        File == other.File && Present == other.Present && Size == other.Size && LastWriteUtcTicks == other.LastWriteUtcTicks;
}

/// <summary>What hashing a data folder's files found.</summary>
/// <param name="Key">Every file's fingerprint in <see cref="InputKey.Files"/>' order; null when the folder or a required file is missing.</param>
/// <param name="ChangedWhileRead">The first file whose length or write time moved while it was hashed (its hash is of no one version), or null.</param>
/// <param name="Lines">The <see cref="LineCensus"/> of <c>orders.csv</c> and each order-lines file hashed, by file name: what the parse after the hash needs not count again.</param>
internal sealed record HashedInputs(IReadOnlyList<InputFingerprint>? Key, string? ChangedWhileRead, IReadOnlyDictionary<string, LineCensus>? Lines = null);

/// <summary>The fingerprints of every input file of a data folder, in a fixed order: the cache key.</summary>
internal static class InputKey
{
    /// <summary>The prefix of <see cref="Fingerprint"/>'s value, naming its hash.</summary>
    public const string FingerprintPrefix = "xxh128:";

    /// <summary>Every input file in the key's order, and whether a data folder must have it.</summary>
    public static readonly IReadOnlyList<(string File, bool Required)> Files = InputFiles.All;

    /// <summary>
    /// The fingerprints of <paramref name="folder"/>'s files (of <paramref name="files"/> only when given, in
    /// <see cref="Files"/>' order), every byte of each hashed on every core; <see cref="HashedInputs.Key"/> is
    /// <see langword="null"/> when the folder or a required file is missing (the plain loader then reports it as bad input).
    /// With <paramref name="census"/> (a hash a parse is to follow), <see cref="HashedInputs.Lines"/> holds what the
    /// parse needs not count again.
    /// </summary>
    public static HashedInputs Compute(string folder, IReadOnlyList<(string File, bool Required)>? files = null, bool census = false)
    {
        files ??= Files;
        if (!Directory.Exists(folder))
        {
            return new HashedInputs(null, null);
        }

        var hashes = ContentHash.Of([.. files.Select(f => (string?)Path.Combine(folder, f.File))], Parallelism.Default, [.. files.Select(f => census && (f.File is InputFiles.PriorLines or InputFiles.TrainLines or InputFiles.Orders))]);
        var prints = new List<InputFingerprint>(files.Count);
        var lines = new Dictionary<string, LineCensus>();
        string? moved = null;
        for (var i = 0; i < files.Count; i++)
        {
            var (file, required) = files[i];
            if (hashes[i] is not { } hash)
            {
                if (required)
                {
                    return new HashedInputs(null, null);
                }

                prints.Add(new InputFingerprint(file, false, 0, 0, string.Empty));
                continue;
            }

            moved ??= hash.ChangedWhileRead ? file : null;
            prints.Add(new InputFingerprint(file, true, hash.Size, hash.LastWriteUtcTicks, hash.Hash));
            if (hash.Lines is { } taken)
            {
                lines[file] = taken;
            }
        }

        return new HashedInputs(prints, moved, lines);
    }

    /// <summary><see cref="Compute"/> started on the thread pool, so that the hash runs beside whatever the caller does next.</summary>
    public static Task<HashedInputs> Start(string folder, IReadOnlyList<(string File, bool Required)>? files = null, bool census = false) =>
        Task.Run(() => Compute(folder, files, census));

    /// <summary>
    /// Presence, size and write time of every file, nothing read (<see cref="InputFingerprint.ContentXxh128"/> empty),
    /// or <see langword="null"/> when the folder or a required file is missing: enough to tell most stale entries at once.
    /// </summary>
    public static IReadOnlyList<InputFingerprint>? Stamps(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return null;
        }

        var stamps = new List<InputFingerprint>(Files.Count);
        foreach (var (file, required) in Files)
        {
            var info = new FileInfo(Path.Combine(folder, file));
            if (!info.Exists && required)
            {
                return null;
            }

            stamps.Add(info.Exists
                ? new InputFingerprint(file, true, info.Length, info.LastWriteTimeUtc.Ticks, string.Empty)
                : new InputFingerprint(file, false, 0, 0, string.Empty));
        }

        return stamps;
    }

    /// <summary>The first file whose fingerprint differs, or <see langword="null"/> when all are equal.</summary>
    public static string? FirstDifference(IReadOnlyList<InputFingerprint> cached, IReadOnlyList<InputFingerprint> now) =>
        FirstDifference(cached, now, (a, b) => a == b);

    /// <summary>The first file whose presence, size or write time differs (nothing read), or <see langword="null"/>.</summary>
    public static string? FirstStampDifference(IReadOnlyList<InputFingerprint> cached, IReadOnlyList<InputFingerprint> now) =>
        FirstDifference(cached, now, (a, b) => a.SameStamp(b));

    /// <summary>The first file whose bytes differ (write times aside), or <see langword="null"/>.</summary>
    public static string? FirstContentDifference(IReadOnlyList<InputFingerprint> cached, IReadOnlyList<InputFingerprint> now) =>
        FirstDifference(cached, now, (a, b) => a.SameBytes(b));

    /// <summary>
    /// The dataset fingerprint: <see cref="FingerprintPrefix"/> and 32 hex digits of the XxHash128 of, file by file in
    /// <see cref="Files"/>' order, its name (UTF-8), a zero byte, whether it is present, and its content hash. It
    /// depends on the bytes only: equal files in another folder, or touched, have the same fingerprint.
    /// </summary>
    public static string Fingerprint(IReadOnlyList<InputFingerprint> key)
    {
        var hash = new XxHash128();
        foreach (var print in key)
        {
            hash.Append(Encoding.UTF8.GetBytes(print.File));
            hash.Append([0, print.Present ? (byte)1 : (byte)0]);
            if (print.Present)
            {
                hash.Append(Convert.FromHexString(print.ContentXxh128));
            }
        }

        return FingerprintPrefix + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string? FirstDifference(IReadOnlyList<InputFingerprint> cached, IReadOnlyList<InputFingerprint> now, Func<InputFingerprint, InputFingerprint, bool> same)
    {
        for (var i = 0; i < now.Count; i++)
        {
            if (i >= cached.Count || !same(cached[i], now[i]))
            {
                return now[i].File;
            }
        }

        return cached.Count == now.Count ? null : "the list of input files";
    }
}
