using System.Security.Cryptography;
using Instacart.Analysis.Input;
using Microsoft.Win32.SafeHandles;

namespace Instacart.Analysis.Cache;

/// <summary>
/// What one input file looked like when its tables were cached: present or not, size, last write time and a hash of
/// its head and tail. Any difference makes the entry stale.
/// </summary>
/// <param name="File">The file name (<see cref="InputFiles"/>).</param>
/// <param name="Present">Whether the file exists (the optional files may not).</param>
/// <param name="Size">Its length in bytes.</param>
/// <param name="LastWriteUtcTicks">Its last write time, UTC ticks.</param>
/// <param name="HeadTailSha256">SHA-256 of its first and last MiB (the whole file when it is at most 2 MiB), hex.</param>
internal sealed record InputFingerprint(string File, bool Present, long Size, long LastWriteUtcTicks, string HeadTailSha256);

/// <summary>Fingerprints of every input file of a data folder, in a fixed order.</summary>
internal static class InputKey
{
    /// <summary>How much of each end of a file is hashed.</summary>
    public const int EdgeBytes = 1 << 20;

    private static readonly (string File, bool Required)[] Files =
    [
        (InputFiles.Orders, true),
        (InputFiles.PriorLines, true),
        (InputFiles.TrainLines, false),
        (InputFiles.Products, true),
        (InputFiles.Departments, true),
        (InputFiles.Aisles, false),
        (InputFiles.Customers, true),
    ];

    /// <summary>
    /// The fingerprints of <paramref name="folder"/>'s files, or <see langword="null"/> when the folder or a required
    /// file is missing (the plain loader then reports it as bad input).
    /// </summary>
    public static IReadOnlyList<InputFingerprint>? Compute(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return null;
        }

        var prints = new List<InputFingerprint>(Files.Length);
        foreach (var (file, required) in Files)
        {
            var path = Path.Combine(folder, file);
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                if (required)
                {
                    return null;
                }

                prints.Add(new InputFingerprint(file, false, 0, 0, string.Empty));
                continue;
            }

            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
            var size = RandomAccess.GetLength(handle);
            prints.Add(new InputFingerprint(file, true, size, info.LastWriteTimeUtc.Ticks, HashEdges(handle, size)));
        }

        return prints;
    }

    /// <summary>The first file whose fingerprint differs, or <see langword="null"/> when all are equal.</summary>
    public static string? FirstDifference(IReadOnlyList<InputFingerprint> cached, IReadOnlyList<InputFingerprint> now)
    {
        for (var i = 0; i < now.Count; i++)
        {
            if (i >= cached.Count || cached[i] != now[i])
            {
                return now[i].File;
            }
        }

        return cached.Count == now.Count ? null : "the list of input files";
    }

    private static string HashEdges(SafeFileHandle handle, long size)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[EdgeBytes];
        if (size <= 2L * EdgeBytes)
        {
            for (long offset = 0; offset < size;)
            {
                var read = RandomAccess.Read(handle, buffer, offset);
                if (read == 0)
                {
                    break;
                }

                hash.AppendData(buffer, 0, read);
                offset += read;
            }
        }
        else
        {
            hash.AppendData(buffer, 0, ReadFully(handle, buffer, 0));
            hash.AppendData(buffer, 0, ReadFully(handle, buffer, size - EdgeBytes));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static int ReadFully(SafeFileHandle handle, byte[] buffer, long offset)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = RandomAccess.Read(handle, buffer.AsSpan(total), offset + total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
