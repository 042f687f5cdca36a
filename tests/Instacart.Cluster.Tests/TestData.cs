using Instacart.Analysis.Answers;
using Instacart.Data;
using Instacart.Data.Partitions;

namespace Instacart.Cluster.Tests;

/// <summary>The committed sample, its answers.json as the in-process run writes it, and a partitioned copy in a temporary folder.</summary>
public sealed class TestData : IDisposable
{
    public TestData(int parts)
    {
        Root = Path.Combine(Path.GetTempPath(), "instacart-cluster-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        using var whole = InstacartData.Load(DataSample);
        ExpectedAnswers = AnswersDocument.ToText(AnswersDocument.Compute(whole));
        Dataset = PartitionedDataset.Write(whole, Path.Combine(Root, "dataset"), parts);
    }

    /// <summary>The repository's <c>data-sample</c>.</summary>
    public static string DataSample { get; } = FindDataSample();

    /// <summary>Everything the test made.</summary>
    public string Root { get; }

    /// <summary>The sample split into parts.</summary>
    public PartitionedDataset Dataset { get; }

    /// <summary><c>answers.json</c> of the whole sample, as <c>instacart answers</c> writes it.</summary>
    public string ExpectedAnswers { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string FindDataSample()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Instacart.Notebooks.sln")))
            {
                return Path.Combine(dir.FullName, "data-sample");
            }
        }

        throw new InvalidOperationException("the repository root was not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>The cluster tests use every core: they run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection
{
    public const string Name = "cluster";
}
