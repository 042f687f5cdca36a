using System.IO.Hashing;
using System.Text.Json;
using Instacart.Data.Input;

namespace Instacart.Data.Cache;

/// <summary>
/// Results kept in a cache entry beside its tables: bytes computed from the entry's input tables by a load of the same
/// exact bytes, under a name their maker gives (which says what they are and with which options and build they were
/// made). A result is read back only when the entry is valid for the folder's files now, every byte of them hashed, and
/// its own file is whole (length and checksum); anything else is no result, never an error.
/// </summary>
internal static class KeptResults
{
    /// <summary>The most results an entry keeps: a newer one pushes out the oldest, so an entry stays bounded whatever the options.</summary>
    public const int Most = 4;

    /// <summary>Whether <paramref name="name"/> can name a result: 1 to 64 lowercase ASCII letters, digits and hyphens (it becomes part of a file name).</summary>
    public static bool IsName(string name) =>
        name.Length is > 0 and <= 64 && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    /// <summary>Writes <paramref name="bytes"/> into <paramref name="entry"/> (a temporary file renamed to a name carrying its checksum) and describes it.</summary>
    public static KeptResult Write(string entry, string name, byte[] bytes)
    {
        var checksum = XxHash3.HashToUInt64(bytes);
        var file = $"result-{name}-{checksum:x16}.bin";
        var temporary = Path.Combine(entry, $"result-{name}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, Path.Combine(entry, file), overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return new KeptResult(name, file, bytes.Length, checksum.ToString("x16"));
    }

    /// <summary>
    /// The result named <paramref name="name"/> kept for <paramref name="folder"/> under <paramref name="cache"/>, with
    /// the check of the input files' bytes already running beside the caller; or null: no entry, an entry of another
    /// format or folder, a file whose presence, size or write time moved, no such result, or a damaged one. Nothing
    /// made from the bytes may be used before <see cref="KeptBytes.OfTheFilesNow"/> says true: every byte of every input
    /// file hashed and found the entry's key. A cache folder inside the data folder is refused as in a load
    /// (<see cref="CacheLocation"/>).
    /// </summary>
    public static KeptBytes? Read(string folder, CacheOptions cache, string name)
    {
        folder = Path.GetFullPath(folder);
        CacheLocation.EnsureOutsideDataFolder(folder, cache);
        if (InputKey.Stamps(folder) is not { } stamps)
        {
            return null;
        }

        var entry = InputCache.EntryDirectory(folder, cache);
        var manifestPath = Path.Combine(entry, CacheManifest.FileName);
        try
        {
            if (!File.Exists(manifestPath))
            {
                return null;
            }

            var json = File.ReadAllText(manifestPath);
            if (CacheManifest.FormatOf(json) != InputCache.FormatVersion
                || CacheManifest.Parse(json) is not { } manifest
                || manifest.Folder != folder
                || InputKey.FirstStampDifference(manifest.Inputs, stamps) is not null
                || manifest.Results?.FirstOrDefault(r => r.Name == name) is not { } kept
                || ReadWhole(entry, kept) is not { } bytes)
            {
                return null;
            }

            // The stamps say nothing of the bytes (cp -p keeps size and time): the entry answers only for its key.
            return new KeptBytes(bytes, Task.Run(() => IsKey(folder, manifest.Inputs)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Whether every byte of <paramref name="folder"/>'s input files is what <paramref name="key"/> says (a file that cannot be read: no).</summary>
    private static bool IsKey(string folder, IReadOnlyList<InputFingerprint> key)
    {
        try
        {
            var now = InputKey.Compute(folder);
            return now.Key is { } hashed && now.ChangedWhileRead is null && InputKey.FirstDifference(key, hashed) is null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The bytes of <paramref name="kept"/> in <paramref name="entry"/> when its length and checksum are what the manifest says, else null.</summary>
    public static byte[]? ReadWhole(string entry, KeptResult kept)
    {
        if (kept.File != Path.GetFileName(kept.File) || kept.Bytes is < 0 or > int.MaxValue)
        {
            return null;
        }

        var path = Path.Combine(entry, kept.File);
        var info = new FileInfo(path);
        if (!info.Exists || info.Length != kept.Bytes)
        {
            return null;
        }

        var bytes = File.ReadAllBytes(path);
        return bytes.Length == kept.Bytes && XxHash3.HashToUInt64(bytes).ToString("x16") == kept.Checksum ? bytes : null;
    }
}

/// <summary>A kept result's bytes, and whether they may be used: the check of the input files' bytes, running when handed out.</summary>
/// <param name="Bytes">The result's bytes, whole (length and checksum checked).</param>
/// <param name="OfTheFilesNow">True once every byte of every input file has been hashed and found the entry's key; false otherwise.</param>
internal sealed record KeptBytes(byte[] Bytes, Task<bool> OfTheFilesNow);
