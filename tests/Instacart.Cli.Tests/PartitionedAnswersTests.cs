namespace Instacart.Cli.Tests;

/// <summary><c>answers --data PARTITIONED</c>: the parts' partial answers merged give the folder's own answers.json.</summary>
public sealed class PartitionedAnswersTests
{
    [Fact]
    public void Answers_PartitionedDatasetInProcess_SameBytesAsTheFolder()
    {
        using var sample = new SampleCopy();
        var root = Path.GetDirectoryName(sample.Output)!;
        var dataset = Path.Combine(root, "dataset");
        var fromParts = Path.Combine(root, "parts", "answers.json");
        Assert.Equal(0, CliProcess.Run("partition", "--data", sample.Folder, "--out", dataset, "--parts", "3", "--no-cache").ExitCode);

        var whole = sample.Answers();
        var parts = CliProcess.Run("answers", "--data", dataset, "--out", fromParts);

        Assert.Equal(0, whole.ExitCode);
        Assert.Equal(0, parts.ExitCode);
        Assert.Contains("parts done: 3 of 3", parts.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(sample.Output), File.ReadAllBytes(fromParts));
    }

    [Fact]
    public void Answers_ClusterOnAFolderThatIsNotADataset_RefusedBeforeConnecting()
    {
        using var sample = new SampleCopy();

        var result = CliProcess.Run("answers", "--cluster", "redis://127.0.0.1:1", "--data", sample.Folder, "--out", sample.Output);

        var line = CliAssert.OneLineError(result, sample.Folder);
        Assert.Contains("not a partitioned dataset", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1:6379")]
    [InlineData("redis://host")]
    public void Answers_MalformedClusterAddress_IsAUsageError(string cluster)
    {
        using var sample = new SampleCopy();

        var result = CliProcess.Run("answers", "--cluster", cluster, "--data", sample.Folder, "--out", sample.Output);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("redis://HOST:PORT", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Answers_PartitionedWithAnotherDayConvention_RefusedNamingTheConventions()
    {
        using var sample = new SampleCopy();
        var dataset = Path.Combine(Path.GetDirectoryName(sample.Output)!, "dataset");
        Assert.Equal(0, CliProcess.Run("partition", "--data", sample.Folder, "--out", dataset, "--parts", "2", "--no-cache").ExitCode);

        var result = CliProcess.Run("answers", "--data", dataset, "--out", sample.Output, "--day-convention", "sunday-first");

        var line = CliAssert.OneLineError(result, dataset);
        Assert.Contains("partitioned with --day-convention saturday-first", line, StringComparison.Ordinal);
        Assert.False(File.Exists(sample.Output));
    }
}
