namespace Instacart.Cli.Tests;

/// <summary>A path that exists but is the wrong kind of thing says what it is, not "no such file".</summary>
public sealed class InputPathShapeTests
{
    [Fact]
    public void Answers_DataIsAFile_SaysItIsAFileNotAFolder()
    {
        using var sample = new SampleCopy();

        var result = CliProcess.Run("answers", "--data", sample.File("orders.csv"), "--out", sample.Output, "--no-cache");

        var message = CliAssert.OneLineError(result, sample.File("orders.csv"));
        Assert.Contains("found a file, not a folder", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DataIsAFile_SaysItIsAFileNotAFolder()
    {
        using var sample = new SampleCopy();
        var report = Path.Combine(Path.GetDirectoryName(sample.Output)!, "report");

        var result = CliProcess.Run("run", "--data", sample.File("orders.csv"), "--out", report, "--notebooks", RepoPaths.Notebooks, "--no-cache");

        var message = CliAssert.OneLineError(result, sample.File("orders.csv"));
        Assert.Contains("found a file, not a folder", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("orders.csv")]
    [InlineData("order_products__train.csv")]
    [InlineData("aisles.csv")]
    public void Answers_InputNameIsAFolder_SaysItIsAFolderNotAFile(string file)
    {
        using var sample = new SampleCopy();
        File.Delete(sample.File(file));
        Directory.CreateDirectory(sample.File(file));

        foreach (var cache in new[] { "--no-cache", "--cache" })
        {
            var result = cache == "--cache"
                ? CliProcess.Run("answers", "--data", sample.Folder, "--out", sample.Output, "--cache", Path.Combine(Path.GetDirectoryName(sample.Output)!, "cache"))
                : sample.Answers();

            var message = CliAssert.OneLineError(result, file);
            Assert.Contains("found a folder, not a file", message, StringComparison.Ordinal);
        }
    }
}
