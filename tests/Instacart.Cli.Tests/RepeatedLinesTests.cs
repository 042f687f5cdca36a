using System.Text;
using System.Text.RegularExpressions;

namespace Instacart.Cli.Tests;

/// <summary>
/// SPEC §3 on the sample data: order lines appended again (a file doubled in part) are bad input, not doubled
/// counts; with <c>--on-bad-rows skip</c> the answers are those of the file without the repeats, and the repeats are counted.
/// </summary>
public sealed class RepeatedLinesTests
{
    private const string Prior = "order_products__prior.csv";
    private const int Appended = 1_000;

    /// <summary>A copy of the sample's CSV files (its marker and README are not inputs), deleted at the end.</summary>
    private sealed class SampleCopy : IDisposable
    {
        public SampleCopy()
        {
            Directory.CreateDirectory(Folder);
            foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "data-sample"), "*.csv"))
            {
                File.Copy(file, Path.Combine(Folder, Path.GetFileName(file)));
            }
        }

        public string Folder { get; } = Path.Combine(Path.GetTempPath(), "instacart-cli-pairs-" + Guid.NewGuid().ToString("N"));

        public string Output { get; } = Path.Combine(Path.GetTempPath(), "instacart-cli-pairs-out-" + Guid.NewGuid().ToString("N"));

        public string Prior => Path.Combine(Folder, RepeatedLinesTests.Prior);

        /// <summary>The prior file's lines, header included, without the final line break.</summary>
        public List<string> PriorLines() => [.. File.ReadAllText(Prior).TrimEnd('\n').Split('\n')];

        public void Dispose()
        {
            foreach (var folder in new[] { Folder, Output })
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }
    }

    /// <summary>Appends the last <see cref="Appended"/> lines again; returns the line of the first repeat and the line it repeats.</summary>
    private static (int Line, int First) AppendTailAgain(SampleCopy copy)
    {
        var lines = copy.PriorLines();
        File.AppendAllText(copy.Prior, string.Join('\n', lines[^Appended..]) + "\n", new UTF8Encoding(false));
        return (lines.Count + 1, lines.Count - Appended + 1);
    }

    [Fact]
    public void Answers_PriorTailAppendedAgain_ExitsTwoWithOneLineNamingTheRepeatAndItsFirstLine()
    {
        using var copy = new SampleCopy();
        var (line, first) = AppendTailAgain(copy);
        var output = Path.Combine(copy.Output, "answers.json");

        var result = CliProcess.Run("answers", "--data", copy.Folder, "--out", output, "--no-cache");

        Assert.Equal(2, result.ExitCode);
        var error = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: {Prior}: line {line}, column 2 (product_id): expected a unique (order_id, product_id), found order_id ", error);
        Assert.EndsWith($", already on line {first}", error);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Run_PriorTailAppendedAgain_ExitsTwoWithOneLineAndWritesNoReport()
    {
        using var copy = new SampleCopy();
        var (line, first) = AppendTailAgain(copy);

        var result = CliProcess.Run("run", "--notebooks", RepoPaths.Notebooks, "--data", copy.Folder, "--out", copy.Output, "--no-cache");

        Assert.Equal(2, result.ExitCode);
        var error = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: {Prior}: line {line}, column 2 (product_id)", error);
        Assert.EndsWith($", already on line {first}", error);
        Assert.False(Directory.Exists(copy.Output) && Directory.EnumerateFileSystemEntries(copy.Output).Any());
    }

    [Fact]
    public void Answers_SkipBadRows_PriorTailAppendedAgain_AnswersAsTheOriginalAndCountsTheRepeats()
    {
        using var copy = new SampleCopy();
        var original = Path.Combine(copy.Output, "original.json");
        var skipped = Path.Combine(copy.Output, "skipped.json");
        var clean = CliProcess.Run("answers", "--data", copy.Folder, "--out", original, "--no-cache");
        AppendTailAgain(copy);

        var result = CliProcess.Run("answers", "--data", copy.Folder, "--out", skipped, "--no-cache", "--on-bad-rows", "skip");

        Assert.Equal(0, clean.ExitCode);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllText(original), File.ReadAllText(skipped));
        var table = result.StandardOutput[result.StandardOutput.IndexOf("Rows skipped as bad input", StringComparison.Ordinal)..];
        Assert.Matches(new Regex(@"│ order_products__prior\.csv\s*│ product_id:\s*│\s*1,000 │"), table);
        Assert.Contains("adds up", result.StandardOutput);
    }

    [Fact]
    public void Answers_SwappedCartPosition_ExitsTwoNamingTheCartColumnAndItsFirstLine()
    {
        using var copy = new SampleCopy();
        var lines = copy.PriorLines();
        // The last order's first line again, with a product that order does not hold: only the cart position repeats.
        var last = lines[^1].Split(',')[0];
        var orderLines = Enumerable.Range(1, lines.Count - 1).Where(i => lines[i].Split(',')[0] == last).ToList();
        var products = orderLines.Select(i => lines[i].Split(',')[1]).ToHashSet();
        var product = Enumerable.Range(1, 10_000).Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture)).First(p => !products.Contains(p));
        var firstLine = lines[orderLines[0]].Split(',');
        File.AppendAllText(copy.Prior, $"{last},{product},{firstLine[2]},0\n");
        var output = Path.Combine(copy.Output, "answers.json");

        var result = CliProcess.Run("answers", "--data", copy.Folder, "--out", output, "--no-cache");

        Assert.Equal(2, result.ExitCode);
        var error = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(
            $"error: {Prior}: line {lines.Count + 1}, column 3 (add_to_cart_order): expected a unique (order_id, add_to_cart_order), found order_id {last} with add_to_cart_order {firstLine[2]}, already on line {orderLines[0] + 1}",
            error);
    }
}
