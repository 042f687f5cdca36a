using Instacart.Synthetic;
using Instacart.Analysis.Tests.Fixtures;

namespace Instacart.Analysis.Tests.Synthetic;

public sealed class SyntheticDeterminismTests
{
    [Fact]
    public void Sample_Options_AreThousandUsersSeed42WithEveryOtherKnobAtItsDefault()
    {
        Assert.Equal(new SyntheticOptions(1000, 42), SyntheticOptions.Sample);
        Assert.Null(SyntheticOptions.Sample.Products);
        Assert.True(SyntheticOptions.Sample.Quirks);
        Assert.Equal(2_000, SyntheticOptions.Sample.ProductCount);
    }

    [Fact]
    public void Write_SampleOptions_ReproducesTheCommittedDataSampleByteForByte()
    {
        string sample = Path.Combine(SyntheticTestSupport.RepoRoot(), "data-sample");
        using var temp = new TempFolder();
        SyntheticGenerator.Write(temp.Path, SyntheticOptions.Sample);

        var committed = Directory.GetFiles(sample, "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(SyntheticTestSupport.FileNames.Order(StringComparer.Ordinal), committed);
        foreach (string name in SyntheticTestSupport.FileNames.Append(SyntheticMarker.FileName))
        {
            AssertSameBytes(Path.Combine(sample, name), temp.File(name));
        }
    }

    [Fact]
    public void Write_SameOptionsTwice_GivesIdenticalBytes()
    {
        var options = new SyntheticOptions(1_500, 3);
        using var first = new TempFolder();
        using var second = new TempFolder();
        SyntheticGenerator.Write(first.Path, options);
        SyntheticGenerator.Write(second.Path, options);
        foreach (string name in SyntheticTestSupport.FileNames)
        {
            AssertSameBytes(first.File(name), second.File(name));
        }
    }

    [Fact]
    public void Write_DifferentSeed_GivesDifferentBytesInEveryRandomFile()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();
        SyntheticGenerator.Write(first.Path, new SyntheticOptions(1_500, 3));
        SyntheticGenerator.Write(second.Path, new SyntheticOptions(1_500, 4));
        foreach (string name in SyntheticTestSupport.FileNames.Where(n => n != "departments.csv"))
        {
            Assert.False(File.ReadAllBytes(first.File(name)).AsSpan().SequenceEqual(File.ReadAllBytes(second.File(name))), name + " did not change with the seed");
        }

        // The departments are fixed facts, not random.
        AssertSameBytes(first.File("departments.csv"), second.File("departments.csv"));
    }

    [Fact]
    public void Write_SequentialAndParallel_GiveIdenticalBytes()
    {
        // 5 chunks of users, so chunks really run concurrently and finish out of order.
        var options = new SyntheticOptions(4 * OrderSimulation.ChunkUsers + 100, 11) { Products = 3_000 };
        using var sequential = new TempFolder();
        using var parallel = new TempFolder();
        var one = SyntheticGenerator.Write(sequential.Path, options, parallelism: 1);
        var many = SyntheticGenerator.Write(parallel.Path, options, parallelism: 4);
        foreach (string name in SyntheticTestSupport.FileNames)
        {
            AssertSameBytes(sequential.File(name), parallel.File(name));
        }

        Assert.Equal(one.Files, many.Files);
        Assert.Equal(one.PriorReordered, many.PriorReordered);
    }

    [Fact]
    public void Write_UsersBelowOneOrTooFewProducts_Throws()
    {
        using var temp = new TempFolder();
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticGenerator.Write(temp.Path, new SyntheticOptions(0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticGenerator.Write(temp.Path, new SyntheticOptions(10) { Products = 100 }));
    }

    [Fact]
    public void Write_MissingOutputFolder_IsCreated()
    {
        using var temp = new TempFolder();
        string nested = Path.Combine(temp.Path, "a", "b");
        var summary = SyntheticGenerator.Write(nested, new SyntheticOptions(5, 2));
        Assert.Equal(Path.GetFullPath(nested), summary.OutDir);
        Assert.All(SyntheticTestSupport.FileNames, name => Assert.True(File.Exists(Path.Combine(nested, name)), name));
    }

    private static void AssertSameBytes(string expectedPath, string actualPath)
    {
        byte[] expected = File.ReadAllBytes(expectedPath);
        byte[] actual = File.ReadAllBytes(actualPath);
        int common = Math.Min(expected.Length, actual.Length);
        int at = expected.AsSpan(0, common).CommonPrefixLength(actual.AsSpan(0, common));
        Assert.True(at == common && expected.Length == actual.Length,
            $"{Path.GetFileName(expectedPath)} differs at byte {at} (lengths {expected.Length} and {actual.Length})");
    }
}
