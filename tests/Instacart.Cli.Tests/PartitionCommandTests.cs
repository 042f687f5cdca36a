namespace Instacart.Cli.Tests;

/// <summary><c>instacart partition</c>: checks the input as <c>answers</c> does, writes whole or not at all, replaces only its own datasets.</summary>
public sealed class PartitionCommandTests
{
    [Fact]
    public void Partition_DataSample_WritesEveryPartAndPrintsProgress()
    {
        using var sample = new SampleCopy();
        var target = Path.Combine(Path.GetDirectoryName(sample.Output)!, "dataset");

        var result = CliProcess.Run("partition", "--data", sample.Folder, "--out", target, "--parts", "3", "--no-cache");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("parts written: 3 of 3", result.StandardOutput, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(target, "dataset.json")));
        Assert.Equal(["dimensions", "part-000", "part-001", "part-002"], Directory.GetDirectories(target).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Partition_BadValue_FailsLikeAnswersNamingFileLineAndColumn()
    {
        using var sample = new SampleCopy();
        var path = sample.File("orders.csv");
        var lines = File.ReadAllLines(path);
        var fields = lines[5].Split(',');
        fields[4] = "9";
        lines[5] = string.Join(',', fields);
        File.WriteAllLines(path, lines);
        var target = Path.Combine(Path.GetDirectoryName(sample.Output)!, "dataset");

        var partition = CliProcess.Run("partition", "--data", sample.Folder, "--out", target, "--parts", "2", "--no-cache");
        var answers = sample.Answers();

        var line = CliAssert.OneLineError(partition, "orders.csv");
        Assert.Matches(@"line 6, column \d+", line);
        Assert.Equal(answers.StandardError, partition.StandardError);
        Assert.False(Directory.Exists(target));
        Assert.False(Directory.Exists(Path.GetDirectoryName(target)) && Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(target)!).Any());
    }

    [Fact]
    public void Partition_OutIsSomeoneElsesFolder_RefusedAndNothingDeleted()
    {
        using var sample = new SampleCopy();
        var target = Path.Combine(Path.GetDirectoryName(sample.Output)!, "mine");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "thesis.tex"), "years of work");

        var result = CliProcess.Run("partition", "--data", sample.Folder, "--out", target, "--parts", "2", "--no-cache");

        CliAssert.OneLineError(result, target);
        Assert.Equal("years of work", File.ReadAllText(Path.Combine(target, "thesis.tex")));
        Assert.Single(Directory.EnumerateFileSystemEntries(target));
    }

    [Fact]
    public void Partition_ZeroParts_IsAUsageError()
    {
        using var sample = new SampleCopy();

        var result = CliProcess.Run("partition", "--data", sample.Folder, "--out", Path.Combine(Path.GetDirectoryName(sample.Output)!, "d"), "--parts", "0");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--parts", result.StandardError, StringComparison.Ordinal);
    }
}
