namespace Instacart.Cli.Tests;

/// <summary><c>generate --out</c> writes only into a new, empty or generated folder, and marks what it wrote as synthetic.</summary>
public sealed class GenerateCommandTests(GoodDataFixture fixture) : IClassFixture<GoodDataFixture>
{
    [Theory]
    [InlineData("project", "is the root of a git work tree")]
    [InlineData("project/src", "is not empty and holds no generated data")]
    [InlineData("project/data", "is not empty and holds no generated data")]
    [InlineData("project/README.md", "is a file, not a folder")]
    public void Generate_IntoAFolderThatIsNotItsOwn_ExitsTwoAndTouchesNothing(string output, string reason)
    {
        using var workspace = new Workspace(fixture.Data);
        var before = FolderSnapshot.Of(workspace.Root);

        var result = CliProcess.Run("generate", "--out", Path.Combine(workspace.Root, output), "--users", "20");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(reason, Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Empty(FolderSnapshot.Differences(before, FolderSnapshot.Of(workspace.Root)));
    }

    [Fact]
    public void Generate_IntoItsOwnFolder_ReplacesItsFilesAndLeavesTheUsersAlone()
    {
        using var workspace = new Workspace(fixture.Data);
        var output = Path.Combine(workspace.Reports, "generated");
        Assert.Equal(0, CliProcess.Run("generate", "--out", output, "--users", "20", "--seed", "1").ExitCode);
        var first = File.ReadAllBytes(Path.Combine(output, "orders.csv"));
        File.WriteAllText(Path.Combine(output, "README.md"), "the user's notes");

        var second = CliProcess.Run("generate", "--out", output, "--users", "20", "--seed", "2");

        Assert.Equal(0, second.ExitCode);
        Assert.NotEqual(first, File.ReadAllBytes(Path.Combine(output, "orders.csv")));
        Assert.Equal("the user's notes", File.ReadAllText(Path.Combine(output, "README.md")));
        Assert.Contains("\"synthetic\": true", File.ReadAllText(Path.Combine(output, ".instacart-synthetic.json")));
        Assert.Contains("\"seed\": 2", File.ReadAllText(Path.Combine(output, ".instacart-synthetic.json")));
        Assert.Empty(Directory.GetDirectories(output));
    }
}
