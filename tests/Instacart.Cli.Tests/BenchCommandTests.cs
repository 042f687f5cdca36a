using System.Text.Json.Nodes;

namespace Instacart.Cli.Tests;

/// <summary><c>instacart bench</c>: what its JSON record holds.</summary>
public sealed class BenchCommandTests : IDisposable
{
    private readonly GoodData data = new();
    private readonly string scratch = Path.Combine(Path.GetTempPath(), "instacart-cli-bench-" + Guid.NewGuid().ToString("N"));

    public BenchCommandTests() => Directory.CreateDirectory(scratch);

    public void Dispose()
    {
        data.Dispose();
        Directory.Delete(scratch, recursive: true);
    }

    [Fact]
    public void Bench_WithJson_RecordsEveryStageWithTheWorkingSetAfterIt()
    {
        var json = Path.Combine(scratch, "bench.json");
        var result = CliProcess.Run("bench", "--data", data.Folder, "--no-cache", "--json", json);

        Assert.True(result.ExitCode == 0, result.StandardError + result.StandardOutput);
        Assert.Contains("working set after", result.StandardOutput);
        var document = JsonNode.Parse(File.ReadAllText(json))!;
        Assert.Equal("instacart-bench/1", (string?)document["format"]);
        var stages = document["stages"]!.AsArray().Select(s => s!).ToList();
        Assert.Equal(
            ["load", "clean", "index", "merge", "totals", "derive", "questions (11)", "extras + document", "answers.json text"],
            stages.Select(s => (string?)s["stage"]));
        var peak = (long)document["peak_working_set_bytes"]!;
        Assert.All(stages, s => Assert.InRange((long)s["working_set_after_bytes"]!, 1, peak));
    }
}
