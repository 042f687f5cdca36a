namespace Instacart.Cli.Tests;

/// <summary><c>--cache DIR</c> and <c>--no-cache</c> on the commands that load data.</summary>
public sealed class CacheOptionTests : IDisposable
{
    private readonly GoodData data = new();
    private readonly string scratch = Path.Combine(Path.GetTempPath(), "instacart-cli-cache-" + Guid.NewGuid().ToString("N"));

    public CacheOptionTests() => Directory.CreateDirectory(scratch);

    public void Dispose()
    {
        data.Dispose();
        Directory.Delete(scratch, recursive: true);
    }

    [Fact]
    public void Answers_WithNoCache_WritesNoCache()
    {
        var cache = Path.Combine(scratch, "cache");
        var result = CliProcess.Run("answers", "--data", data.Folder, "--out", Path.Combine(scratch, "a.json"), "--cache", cache, "--no-cache");

        Assert.True(result.ExitCode == 0, result.StandardError + result.StandardOutput);
        Assert.False(Directory.Exists(cache));
    }

    [Fact]
    public void Answers_FromTheCache_EqualAnswersFromCsv()
    {
        var cache = Path.Combine(scratch, "cache");
        var plain = CliProcess.Run("answers", "--data", data.Folder, "--out", Path.Combine(scratch, "plain.json"), "--no-cache");
        var first = CliProcess.Run("answers", "--data", data.Folder, "--out", Path.Combine(scratch, "first.json"), "--cache", cache);
        var second = CliProcess.Run("bench", "--data", data.Folder, "--cache", cache);
        var cached = CliProcess.Run("answers", "--data", data.Folder, "--out", Path.Combine(scratch, "cached.json"), "--cache", cache);

        Assert.All(new[] { plain, first, second, cached }, r => Assert.True(r.ExitCode == 0, r.StandardError + r.StandardOutput));
        Assert.Single(Directory.GetDirectories(cache));
        Assert.Contains("cache: hit", second.StandardOutput);
        Assert.Equal(File.ReadAllText(Path.Combine(scratch, "plain.json")), File.ReadAllText(Path.Combine(scratch, "first.json")));
        Assert.Equal(File.ReadAllText(Path.Combine(scratch, "plain.json")), File.ReadAllText(Path.Combine(scratch, "cached.json")));
    }
}
