namespace Instacart.Cli.Tests;

/// <summary>Usage errors exit 2 with one line and a hint (never 1, which means a notebook cell failed), and --help documents the exit codes.</summary>
public sealed class UsageTests(GoodDataFixture fixture) : IClassFixture<GoodDataFixture>
{
    public static TheoryData<string[], string> UsageErrors() => new()
    {
        { ["run", "--bogus"], "--bogus" },
        { ["run", "--parallel", "0"], "--parallel must be a whole number of at least 1" },
        { ["run", "--parallel", "-3"], "--parallel must be a whole number of at least 1" },
        { ["run", "--parallel", "two"], "two" },
        { ["run", "--data", ""], "--data needs a path" },
        { ["run", "--out", " "], "--out needs a path" },
        { ["run", "--only"], "--only" },
        { ["answers", "--day-convention", "monday-first"], "monday-first" },
        { ["answers", "--on-bad-rows", "ignore"], "ignore" },
        { ["answers", "--data", ""], "--data needs a path" },
        { ["generate"], "--out" },
        { ["frobnicate"], "frobnicate" },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public void Command_UsageError_ExitsTwoWithOneLineAndAHint(string[] args, string mentioned)
    {
        var result = CliProcess.Run(args);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line);
        Assert.Contains(mentioned, line);
        Assert.Contains("--help", line);
        Assert.Equal("", result.StandardOutput.Trim());
    }

    [Theory]
    [InlineData("run")]
    [InlineData("answers")]
    public void Help_EveryCommand_DocumentsTheExitCodes(string command)
    {
        var result = CliProcess.Run(command, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Exit codes: 0 done; 1 a notebook cell failed", result.StandardOutput.ReplaceLineEndings(" "));
    }

    public static TheoryData<string, string> RefusedAnswersPaths() => new()
    {
        { "data/answers.json", "is inside the data folder" },
        { "data-link/answers.json", "is inside the data folder" },
        { "src", "is a folder" },
        { "README.md", "exists and was not written by instacart" },
        { "src/Program.cs", "exists and was not written by instacart" },
    };

    [Theory]
    [MemberData(nameof(RefusedAnswersPaths))]
    public void Answers_OutNotOurs_ExitsTwoAndTouchesNothing(string output, string reason)
    {
        using var workspace = new Workspace(fixture.Data);
        Directory.CreateSymbolicLink(Path.Combine(workspace.Project, "data-link"), workspace.Data);
        var before = FolderSnapshot.Of(workspace.Root);

        var result = CliProcess.Run("answers", "--data", workspace.Data, "--out", Path.Combine(workspace.Project, output), "--no-cache");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(reason, Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Empty(FolderSnapshot.Differences(before, FolderSnapshot.Of(workspace.Root)));
    }

    [Fact]
    public void Answers_OutIsItsOwnEarlierAnswers_ReplacesThem()
    {
        using var workspace = new Workspace(fixture.Data);
        var output = Path.Combine(workspace.Reports, "answers.json");

        var first = CliProcess.Run("answers", "--data", workspace.Data, "--out", output, "--no-cache");
        File.AppendAllText(output, " ");
        var second = CliProcess.Run("answers", "--data", workspace.Data, "--out", output, "--no-cache");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.EndsWith("}\n", File.ReadAllText(output));
    }
}
