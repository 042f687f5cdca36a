using System.Buffers.Binary;
using System.IO.Hashing;
using Instacart.Data.Files;
using Instacart.Data.Input;
using Instacart.Data.Lines;
using Microsoft.Win32.SafeHandles;

namespace Instacart.Data.Cache;

/// <summary>What hashing one file saw: its length and write time when opened, the hash of all its bytes, and whether it moved meanwhile.</summary>
/// <param name="Size">Its length in bytes when it was opened.</param>
/// <param name="LastWriteUtcTicks">Its last write time when it was opened, UTC ticks.</param>
/// <param name="Hash">The <see cref="ContentHash"/> of its bytes, 32 lowercase hex digits.</param>
/// <param name="ChangedWhileRead">Its length or write time differed after the last byte was read, or it ended early: the hash is of no one version.</param>
/// <param name="Lines">The <see cref="LineCensus"/> taken of its bytes while they were hashed, when one was asked for.</param>
internal sealed record FileHash(long Size, long LastWriteUtcTicks, string Hash, bool ChangedWhileRead, LineCensus? Lines = null);

/// <summary>
/// The hash of every byte of a file, taken on every core at once: XxHash128 (System.IO.Hashing) of each fixed
/// <see cref="ChunkBytes"/> chunk, and the file's hash the XxHash128 of its length and of its chunks' hashes in order.
/// The chunking is fixed, so the value depends only on the bytes, not on the machine or its cores.
/// </summary>
/// <remarks>
/// XxHash128 rather than SHA-256: it runs at memory speed (several GB/s a core against about 1.5 GB/s for SHA-256
/// with the CPU's SHA extensions, less without), and the key guards against stale data, not against an attacker.
/// 128 bits make an accidental collision between two versions of a file out of the question.
/// </remarks>
internal static class ContentHash
{
    /// <summary>The bytes hashed as one unit of work (and one leaf of the tree).</summary>
    public const int ChunkBytes = 8 << 20;

    private const int ReadBytes = 256 << 10;

    /// <summary>
    /// Hashes the files at <paramref name="paths"/> (null: an absent file, whose result is null) together, their chunks
    /// spread over one thread per processor. A file that cannot be opened is an absent one.
    /// </summary>
    public static FileHash?[] Of(IReadOnlyList<string?> paths) => Of(paths, Parallelism.Default);

    /// <summary>
    /// As <see cref="Of(IReadOnlyList{string?})"/>, the chunks spread over <paramref name="parallelism"/>'s threads; of
    /// each file whose <paramref name="census"/> entry is true, a <see cref="LineCensus"/> is taken from the same bytes.
    /// </summary>
    public static FileHash?[] Of(IReadOnlyList<string?> paths, Parallelism parallelism, IReadOnlyList<bool>? census = null)
    {
        var files = new OpenFile?[paths.Count];
        try
        {
            for (var i = 0; i < paths.Count; i++)
            {
                files[i] = paths[i] is { } path ? OpenFile.TryOpen(path, census is not null && census[i]) : null;
            }

            var work = new List<(int File, int Chunk)>();
            for (var i = 0; i < files.Length; i++)
            {
                for (var c = 0; files[i] is { } file && c < file.Chunks.Length; c++)
                {
                    work.Add((i, c));
                }
            }

            // Chunks are of equal size, so workers taking the next one stay balanced whatever the files' sizes.
            var next = -1;
            var workers = Math.Max(1, Math.Min(parallelism.Degree, work.Count));
            parallelism.For(workers, _ =>
            {
                var buffer = new byte[ReadBytes];
                var hash = new XxHash128();
                int item;
                while ((item = Interlocked.Increment(ref next)) < work.Count)
                {
                    var (f, c) = work[item];
                    files[f]!.HashChunk(c, hash, buffer);
                }
            });

            return [.. files.Select(f => f?.Finish())];
        }
        finally
        {
            foreach (var file in files)
            {
                file?.Handle.Dispose();
            }
        }
    }

    /// <summary>One file being hashed: its handle, what it looked like when opened, and its chunks' hashes.</summary>
    private sealed class OpenFile
    {
        private readonly long size;
        private readonly long ticks;
        private volatile bool shortRead;

        private readonly LineCensus? census;

        private OpenFile(SafeFileHandle handle, bool takeCensus)
        {
            Handle = handle;
            size = RandomAccess.GetLength(handle);
            ticks = File.GetLastWriteTimeUtc(handle).Ticks;
            Chunks = new byte[(size + ChunkBytes - 1) / ChunkBytes][];
            census = takeCensus ? new LineCensus(size, ChunkBytes) : null;
        }

        public SafeFileHandle Handle { get; }

        public byte[][] Chunks { get; }

        public static OpenFile? TryOpen(string path, bool takeCensus)
        {
            try
            {
                // Shared for writing and deleting: a writer at work is detected (length, time, the hash after the read), never waited for.
                return new OpenFile(File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete), takeCensus);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException
                || (e is UnauthorizedAccessException && Directory.Exists(path)))
            {
                // A folder where a file belongs is no file to hash: the loader reports it (DataFolder.Locate).
                return null;
            }
        }

        public void HashChunk(int chunk, XxHash128 hash, byte[] buffer)
        {
            // The chunks a few on asked of the disk now (the workers take the chunks in order): a file not in the page
            // cache is read at the disk's pace rather than the kernel's read-ahead's.
            if (chunk == 0)
            {
                ReadAhead.Advise(Handle, 0, Math.Min(size, ReadAhead.Chunks * (long)ChunkBytes));
            }
            else if (chunk + ReadAhead.Chunks - 1 < Chunks.Length)
            {
                ReadAhead.Advise(Handle, (long)(chunk + ReadAhead.Chunks - 1) * ChunkBytes, ChunkBytes);
            }

            var start = (long)chunk * ChunkBytes;
            var end = Math.Min(size, start + ChunkBytes);
            for (var offset = start; offset < end;)
            {
                var read = RandomAccess.Read(Handle, buffer.AsSpan(0, (int)Math.Min(buffer.Length, end - offset)), offset);
                if (read <= 0)
                {
                    // Shorter than when it was opened: cut while being read.
                    shortRead = true;
                    break;
                }

                hash.Append(buffer.AsSpan(0, read));
                census?.Take(chunk, offset, buffer.AsSpan(0, read));
                offset += read;
            }

            Chunks[chunk] = hash.GetHashAndReset();
        }

        public FileHash Finish()
        {
            var tree = new XxHash128();
            Span<byte> length = stackalloc byte[sizeof(long)];
            BinaryPrimitives.WriteInt64LittleEndian(length, size);
            tree.Append(length);
            foreach (var chunk in Chunks)
            {
                tree.Append(chunk);
            }

            var moved = shortRead || RandomAccess.GetLength(Handle) != size || File.GetLastWriteTimeUtc(Handle).Ticks != ticks;
            return new FileHash(size, ticks, Convert.ToHexStringLower(tree.GetHashAndReset()), moved, census);
        }
    }
}
