using Instacart.Analysis.Derivation;
using Instacart.Analysis.Input;
using Instacart.Analysis.Tests.Fixtures;

namespace Instacart.Analysis.Tests.Cache;

/// <summary>The process-wide reuse of a load (<see cref="InstacartData.Load(string, AnalysisOptions?)"/>) is for the exact bytes too.</summary>
public sealed class SharedLoadBytesTests
{
    [Fact]
    public void Load_FileRewrittenWithSameSizeAndTime_ReturnsFreshData()
    {
        using var temp = TinyData.Write();
        var lines = temp.File(InputFiles.PriorLines);
        var first = InstacartData.Load(temp.Path);
        Assert.Same(first, InstacartData.Load(temp.Path));

        var written = File.GetLastWriteTimeUtc(lines);
        var text = File.ReadAllText(lines);
        File.WriteAllText(lines, text.Replace("201,5,1,0", "201,5,1,1", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(lines, written);
        Assert.Equal(text.Length, new FileInfo(lines).Length);
        var second = InstacartData.Load(temp.Path);

        Assert.NotSame(first, second);
        Assert.NotEqual(first.Fingerprint, second.Fingerprint);
        Assert.Equal(Sum(first.Lines.Reordered) + 1, Sum(second.Lines.Reordered));
        Assert.Same(second, InstacartData.Load(temp.Path));
    }

    [Fact]
    public void Load_FileRewrittenAndThenRestored_GivesTheHeldDataAgain()
    {
        using var temp = TinyData.Write();
        var lines = temp.File(InputFiles.PriorLines);
        var text = File.ReadAllText(lines);
        var first = InstacartData.Load(temp.Path);

        File.WriteAllText(lines, text.Replace("201,5,1,0", "201,5,1,1", StringComparison.Ordinal));
        var second = InstacartData.Load(temp.Path);
        File.WriteAllText(lines, text);

        Assert.NotSame(first, second);
        Assert.Same(first, InstacartData.Load(temp.Path));
    }

    private static long Sum(byte[] flags) => flags.Sum(f => (long)f);
}
