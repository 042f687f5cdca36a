using Instacart.Analysis.Answers;
using Instacart.Cluster.Client;
using Instacart.Cluster.Parts;
using Orleans.TestingHost;

namespace Instacart.Cluster.Tests;

/// <summary>An in-process Orleans cluster of three silos answers a partitioned sample with the in-process run's bytes.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TestingHostTests
{
    [Fact]
    public async Task RunAsync_ThreeSilosFiveParts_SameAnswersJsonAsTheInProcessRun()
    {
        using var data = new TestData(parts: 5);
        var builder = new TestClusterBuilder(3);
        builder.AddSiloBuilderConfigurator<PartGrainsConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        try
        {
            var done = new List<PartDone>();
            var run = await ClusterAnswers.RunAsync(cluster.Client, data.Dataset, RetryPolicy.Default, done.Add, null, CancellationToken.None);

            Assert.Equal(data.ExpectedAnswers, AnswersDocument.ToText(run.Partials.Finish()));
            Assert.Equal(Enumerable.Range(1, 5), done.Select(d => d.Done));
            Assert.Equal(Enumerable.Range(0, 5), done.Select(d => d.Part).Order());
            Assert.All(run.PartBytes, b => Assert.True(b > 0));
            Assert.Empty(run.RetriedParts);
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task RunAsync_PartFileChanged_FailsNamingThePartAndTheFile()
    {
        using var data = new TestData(parts: 2);
        var file = Directory.GetFiles(Path.Combine(data.Dataset.Folder, "part-001"), "orders-*.arrow").Single();
        File.AppendAllText(file, "x");
        var builder = new TestClusterBuilder(1);
        builder.AddSiloBuilderConfigurator<PartGrainsConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        try
        {
            var retries = new List<PartRetry>();
            var error = await Assert.ThrowsAsync<Data.Partitions.DatasetException>(() => ClusterAnswers.RunAsync(cluster.Client, data.Dataset, RetryPolicy.Default, null, retries.Add, CancellationToken.None));

            Assert.Contains($"part 1: part-001/{Path.GetFileName(file)}", error.Message, StringComparison.Ordinal);
            Assert.Empty(retries);
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    private sealed class PartGrainsConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddPartGrains(null);
    }
}
