using System.Text.Json.Nodes;

namespace Instacart.Cli.Tests;

/// <summary>
/// <c>run --data PARTITIONED</c>: the notebooks on a partitioned dataset, the cheap answers of the report from the parts
/// merged (the same as <c>answers --data PARTITIONED</c>), the models from the dataset's customer sample, and the report
/// describing the whole dataset.
/// </summary>
public sealed class PartitionedRunTests
{
    [Theory]
    [InlineData("1", "00-*,13-*")]
    [InlineData("2", "01-*,14-*")]
    public void Run_PartitionedDataset_WritesPagesAndTheCheapAnswersOfAnswers(string parallel, string only)
    {
        using var sample = new SampleCopy();
        var root = Path.GetDirectoryName(sample.Output)!;
        var dataset = Path.Combine(root, "dataset");
        var report = Path.Combine(root, "report");
        var cheap = Path.Combine(root, "cheap", "answers.json");
        Assert.Equal(0, CliProcess.Run("partition", "--data", sample.Folder, "--out", dataset, "--parts", "3", "--no-cache").ExitCode);
        Assert.Equal(0, CliProcess.Run("answers", "--data", dataset, "--out", cheap).ExitCode);

        var result = CliProcess.Run("run", "--notebooks", RepoPaths.Notebooks, "--data", dataset, "--out", report, "--only", only, "--parallel", parallel, "--cache", Path.Combine(root, "cache"));

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        Assert.Contains("The cache options do not apply to a partitioned dataset", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("parts done: 3 of 3", result.StandardOutput, StringComparison.Ordinal);
        Assert.Matches(@"Models on every customer \([0-9,]+\), gathered from the 3 parts \(rate 1, seed 17\); every other answer is exact", result.StandardOutput);
        Assert.False(Directory.Exists(Path.Combine(root, "cache")));
        foreach (var prefix in only.Split(',').Select(p => p.TrimEnd('*')))
        {
            Assert.Single(Directory.GetFiles(report, prefix + "*.html"));
        }

        // The model's page (in a child process with --parallel 2) says what it was fitted on.
        var modelPage = Directory.GetFiles(report, "1?-*.html").Single(f => Path.GetFileName(f) is ['1', '3' or '4', ..]);
        Assert.Contains("Fitted on every customer of the partitioned dataset", File.ReadAllText(modelPage), StringComparison.Ordinal);

        var expected = JsonNode.Parse(File.ReadAllText(cheap))!.AsObject();
        var actual = JsonNode.Parse(File.ReadAllText(Path.Combine(report, "answers.json")))!.AsObject();
        Assert.Equal(expected["format"]!.ToJsonString(), actual["format"]!.ToJsonString());
        Assert.Equal(expected["options"]!.ToJsonString(), actual["options"]!.ToJsonString());
        Assert.Equal(expected["reconciliation"]!.ToJsonString(), actual["reconciliation"]!.ToJsonString());
        var questions = actual["questions"]!.AsObject();
        Assert.All(expected["questions"]!.AsObject(), q => Assert.Equal(q.Value!.ToJsonString(), questions[q.Key]!.ToJsonString()));
        Assert.Contains("customer_segments", questions.Select(q => q.Key));
        Assert.Contains("reorder_prediction", questions.Select(q => q.Key));

        // The report describes the whole dataset: the source's fingerprint and its counts, not the sample's.
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(dataset, "dataset.json")))!;
        var run = JsonNode.Parse(File.ReadAllText(Path.Combine(report, "run.json")))!;
        Assert.Equal((string?)manifest["fingerprint"], (string?)run["dataset"]!["fingerprint"]);
        Assert.Equal((long)expected["reconciliation"]!["customers_rows"]!, (long)run["dataset"]!["customers"]!);
        Assert.Equal((long)expected["reconciliation"]!["lines_merged"]!, (long)run["dataset"]!["lines"]!);
    }
}
