namespace Instacart.Cli.Tests;

/// <summary>
/// Every input file broken every way: <c>instacart answers</c> must exit with code 2 and one line naming the file
/// (and, for a bad value, line and column), print no stack trace, and leave no output behind.
/// </summary>
public sealed class BadInputCorpusTests(GoodDataFixture fixture) : IClassFixture<GoodDataFixture>
{
    private static readonly string[] RequiredFiles = ["orders.csv", "order_products__prior.csv", "products.csv", "departments.csv", "customers.csv"];
    private static readonly string[] AllFiles = [.. RequiredFiles, "order_products__train.csv", "aisles.csv"];

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var file in AllFiles)
        {
            foreach (var breakage in Breakage.Common())
            {
                if (Applies(file, breakage.Name))
                {
                    cases.Add(file, breakage.Name);
                }
            }
        }

        foreach (var (file, breakage) in Breakage.Specific())
        {
            cases.Add(file, breakage.Name);
        }

        return cases;
    }

    private static bool Applies(string file, string breakage) => (file, breakage) switch
    {
        // The optional files may be absent, and an aisle list with no rows is still a list.
        ("order_products__train.csv" or "aisles.csv", "missing file" or "header only") => false,
        // The wide departments file has no third line to break or a first field that is an id.
        ("departments.csv", "missing column" or "extra column" or "non-numeric id" or "negative id" or "decimal in an integer column" or "unbalanced quote" or "NUL byte" or "Latin-1 byte") => false,
        _ => true,
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Answers_BrokenInput_ExitsWithCodeTwoAndOneLineNamingTheFile(string file, string breakageName)
    {
        var breakage = Breakage.Common().Concat(Breakage.Specific().Where(s => s.File == file).Select(s => s.Breakage)).First(b => b.Name == breakageName);
        var folder = fixture.Data.Copy();
        var output = Path.Combine(Path.GetTempPath(), "instacart-cli-out-" + Guid.NewGuid().ToString("N"), "answers.json");
        try
        {
            var path = Path.Combine(folder, file);
            var broken = breakage.Apply(File.ReadAllBytes(path));
            if (broken is null)
            {
                File.Delete(path);
            }
            else
            {
                File.WriteAllBytes(path, broken);
            }

            var result = CliProcess.Run("answers", "--data", folder, "--out", output);

            Assert.Equal(2, result.ExitCode);
            var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var line = Assert.Single(lines);
            Assert.StartsWith($"error: {file}", line);
            Assert.DoesNotContain("   at ", result.StandardError);
            if (breakageName is not ("missing file"))
            {
                Assert.Matches(@"line \d+", line);
            }

            Assert.False(File.Exists(output));
            Assert.False(Directory.Exists(Path.GetDirectoryName(output)) && Directory.EnumerateFiles(Path.GetDirectoryName(output)!).Any());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("orders.csv", "day of week out of range")]
    [InlineData("order_products__prior.csv", "non-numeric id")]
    [InlineData("customers.csv", "empty age")]
    [InlineData("products.csv", "missing column")]
    public void Answers_SkipBadRows_CountsThemAndStillAnswers(string file, string breakageName)
    {
        var breakage = Breakage.Common().Concat(Breakage.Specific().Where(s => s.File == file).Select(s => s.Breakage)).First(b => b.Name == breakageName);
        var folder = fixture.Data.Copy();
        var output = Path.Combine(Path.GetTempPath(), "instacart-cli-out-" + Guid.NewGuid().ToString("N"), "answers.json");
        try
        {
            var path = Path.Combine(folder, file);
            File.WriteAllBytes(path, breakage.Apply(File.ReadAllBytes(path))!);

            var failed = CliProcess.Run("answers", "--data", folder, "--out", output, "--no-cache");
            var skipped = CliProcess.Run("answers", "--data", folder, "--out", output, "--no-cache", "--on-bad-rows", "skip");

            Assert.Equal(2, failed.ExitCode);
            Assert.Equal(0, skipped.ExitCode);
            Assert.Contains("Rows skipped as bad input", skipped.StandardOutput);
            Assert.Contains(file, skipped.StandardOutput);
            Assert.Contains("adds up", skipped.StandardOutput);
            Assert.True(File.Exists(output));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
            if (Directory.Exists(Path.GetDirectoryName(output)))
            {
                Directory.Delete(Path.GetDirectoryName(output)!, recursive: true);
            }
        }
    }

    [Fact]
    public void Answers_GoodInput_WritesAnswersAndExitsZero()
    {
        var output = Path.Combine(Path.GetTempPath(), "instacart-cli-out-" + Guid.NewGuid().ToString("N"), "answers.json");

        var result = CliProcess.Run("answers", "--data", fixture.Data.Folder, "--out", output);

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(output));
        Assert.Contains("adds up", result.StandardOutput);
        Directory.Delete(Path.GetDirectoryName(output)!, recursive: true);
    }

    [Fact]
    public void Answers_OutputInsideTheDataFolder_IsRefused()
    {
        var folder = fixture.Data.Copy();
        try
        {
            var result = CliProcess.Run("answers", "--data", folder, "--out", Path.Combine(folder, "answers.json"));

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("is inside the data folder", result.StandardError);
            Assert.False(File.Exists(Path.Combine(folder, "answers.json")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>One generated good folder shared by the corpus.</summary>
public sealed class GoodDataFixture : IDisposable
{
    public GoodData Data { get; } = new();

    public void Dispose() => Data.Dispose();
}
