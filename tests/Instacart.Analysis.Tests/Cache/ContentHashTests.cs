using Instacart.Data.Cache;
using Instacart.Data.Lines;
using Instacart.Analysis.Tests.Fixtures;

namespace Instacart.Analysis.Tests.Cache;

/// <summary>The hash of every byte of a file: the same for the same bytes whatever the cores, another for any other byte.</summary>
public sealed class ContentHashTests : IDisposable
{
    public const int MiB = 1 << 20;

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Of_SameBytesOnOneOrManyThreads_IsTheSame()
    {
        var path = Write("big.bin", 2 * ContentHash.ChunkBytes + 12345);

        var many = ContentHash.Of([path])[0]!;
        var one = ContentHash.Of([path], new Parallelism(1))[0]!;

        Assert.Equal(many, one);
        Assert.Matches("^[0-9a-f]{32}$", many.Hash);
        Assert.False(many.ChangedWhileRead);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(ContentHash.ChunkBytes - 1)]
    [InlineData(ContentHash.ChunkBytes)]
    [InlineData(ContentHash.ChunkBytes + (3 * MiB / 2))]
    [InlineData(2 * ContentHash.ChunkBytes + 12344)]
    public void Of_OneByteFlippedAnywhere_ChangesTheHash(int at)
    {
        var path = Write("big.bin", 2 * ContentHash.ChunkBytes + 12345);
        var before = ContentHash.Of([path])[0]!.Hash;
        var bytes = File.ReadAllBytes(path);
        bytes[at] ^= 0x40;
        File.WriteAllBytes(path, bytes);

        Assert.NotEqual(before, ContentHash.Of([path])[0]!.Hash);
    }

    [Fact]
    public void Of_SameBytesDifferentLengthOrAbsent_AreTold()
    {
        var empty = Write("empty.bin", 0);
        var one = Write("one.bin", 1);
        var hashes = ContentHash.Of([empty, one, null, folder.File("missing.bin")]);

        Assert.NotEqual(hashes[0]!.Hash, hashes[1]!.Hash);
        Assert.Equal(0, hashes[0]!.Size);
        Assert.Null(hashes[2]);
        Assert.Null(hashes[3]);
    }

    private string Write(string name, int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        var path = folder.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
