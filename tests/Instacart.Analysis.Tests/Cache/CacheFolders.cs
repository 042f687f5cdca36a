using Instacart.Analysis.Answers;
using Instacart.Analysis.Tests.Fixtures;
using Instacart.Data.Cache;
using Instacart.Data;
using Instacart.Synthetic;

namespace Instacart.Analysis.Tests.Cache;

/// <summary>A generated data folder and an empty cache folder for a cache test, and the ways the tests damage an entry.</summary>
public abstract class CacheFolders : IDisposable
{
    /// <summary>Generates <paramref name="users"/> users' data with every quirk of the course files.</summary>
    protected CacheFolders(int users, int seed) => SyntheticGenerator.Write(Data.Path, new SyntheticOptions(users, seed) { Products = 500 });

    protected TempFolder Data { get; } = new();

    protected TempFolder CacheRoot { get; } = new();

    protected CacheOptions Cache => new(CacheRoot.Path);

    protected string Entry => InputCache.EntryDirectory(Data.Path, Cache);

    public void Dispose()
    {
        Data.Dispose();
        CacheRoot.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The entry's file of table <paramref name="name"/>.</summary>
    protected string Table(string name) => Directory.GetFiles(Entry, name + "-*.arrow").Single();

    /// <summary>Flips one bit in the middle of <paramref name="file"/>.</summary>
    protected static void Flip(string file)
    {
        var bytes = File.ReadAllBytes(file);
        bytes[bytes.Length / 2] ^= 0x10;
        File.WriteAllBytes(file, bytes);
    }

    /// <summary>
    /// What a corrected export copied with <c>cp -p</c> or <c>rsync -t</c> looks like: the <c>reordered</c> flag of the
    /// lines file's line at <paramref name="where"/> (a fraction of its length) flipped, so the size stays, and the
    /// last write time set back to what it was. Returns the offset of the changed byte.
    /// </summary>
    protected static long FlipReorderedKeepingSizeAndTime(string linesFile, double where = 0.5)
    {
        var written = File.GetLastWriteTimeUtc(linesFile);
        var bytes = File.ReadAllBytes(linesFile);
        var end = Array.IndexOf(bytes, (byte)'\n', (int)(bytes.Length * where));
        var digit = bytes[end - 1] == '\r' ? end - 2 : end - 1;
        Assert.True(bytes[digit] is (byte)'0' or (byte)'1', "the line ends with its reordered flag");
        bytes[digit] = bytes[digit] == '0' ? (byte)'1' : (byte)'0';
        using (var stream = new FileStream(linesFile, FileMode.Open, FileAccess.Write))
        {
            // In place, as cp -p writes over the file.
            stream.Write(bytes);
        }

        File.SetLastWriteTimeUtc(linesFile, written);
        Assert.Equal(bytes.Length, new FileInfo(linesFile).Length);
        return digit;
    }

    protected static string Answers(InstacartData data) => AnswersDocument.ToText(AnswersDocument.Compute(data));
}
