using Instacart.Analysis.Answers;
using Instacart.Analysis.Cache;
using Instacart.Analysis.Synthetic;
using Instacart.Analysis.Tests.Fixtures;

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

    protected static string Answers(InstacartData data) => AnswersDocument.ToText(AnswersDocument.Compute(data));
}
