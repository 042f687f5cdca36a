using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Instacart.Cli.Tests;

/// <summary>
/// <c>run --out</c> writes only into a folder that is new, empty or a report of ours, replaces only what an earlier run
/// wrote there, publishes whole or not at all, and refuses (exit 2, one line, nothing touched) everything else.
/// </summary>
public sealed class ReportFolderTests(GoodDataFixture fixture) : IClassFixture<GoodDataFixture>
{
    public static TheoryData<string, string> RefusedFolders() => new()
    {
        { "project", "contains the data folder" },
        { "project/data", "is the data folder" },
        { "project/data/report", "is inside the data folder" },
        { "project/data-link", "is the data folder" },
        { "project/data-link/report", "is inside the data folder" },
        { "project/src", "is not empty and is not an instacart report" },
        { "project/src/Program.cs", "is a file, not a folder" },
        { "project/README.md", "is a file, not a folder" },
        { "notebooks", "is the notebooks folder" },
    };

    [Theory]
    [MemberData(nameof(RefusedFolders))]
    public void Run_OutIsNotOurs_ExitsTwoWithOneLineAndTouchesNothing(string output, string reason)
    {
        using var workspace = new Workspace(fixture.Data);
        Directory.CreateSymbolicLink(Path.Combine(workspace.Project, "data-link"), workspace.Data);
        var notebooks = CopyOfNotebooks(workspace);
        var before = FolderSnapshot.Of(workspace.Root);

        var target = Path.Combine(workspace.Root, output);
        var result = CliProcess.Run("run", "--notebooks", notebooks, "--data", workspace.Data, "--out", target, "--no-cache");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(Lines(result.StandardError));
        Assert.StartsWith("error: the report folder ", line);
        Assert.Contains(reason, line);
        Assert.Empty(FolderSnapshot.Differences(before, FolderSnapshot.Of(workspace.Root)));
    }

    [Fact]
    public void Run_OutIsAGitWorkTreeRoot_ExitsTwoAndTouchesNothing()
    {
        using var workspace = new Workspace(fixture.Data);
        var repository = Path.Combine(workspace.Root, "other-repository");
        Directory.CreateDirectory(Path.Combine(repository, ".git"));
        var before = FolderSnapshot.Of(workspace.Root);

        var result = CliProcess.Run("run", "--notebooks", RepoNotebooks, "--data", workspace.Data, "--out", repository, "--no-cache");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is the root of a git work tree", Assert.Single(Lines(result.StandardError)));
        Assert.Empty(FolderSnapshot.Differences(before, FolderSnapshot.Of(workspace.Root)));
    }

    [Fact]
    public void Run_OnlyMatchingNothing_ExitsTwoNamingTheKnownNotebooksAndWritesNothing()
    {
        using var workspace = new Workspace(fixture.Data);
        var output = Path.Combine(workspace.Reports, "report");

        var result = CliProcess.Run("run", "--notebooks", RepoNotebooks, "--data", workspace.Data, "--out", output, "--only", "99-*", "--no-cache");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(Lines(result.StandardError));
        Assert.StartsWith("error: no notebook matches '99-*' (known: 00-data-preparation, 01-busiest-days, ", line);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Run_IntoItsOwnReportHoldingAUsersFiles_ReplacesOnlyWhatItWrote()
    {
        using var workspace = new Workspace(fixture.Data);
        var output = Path.Combine(workspace.Reports, "report");
        AssertRan(Run(workspace, output, "--only", "01-*"));
        File.WriteAllText(Path.Combine(output, "notes.txt"), "the user's notes");
        Directory.CreateDirectory(Path.Combine(output, "mine"));
        File.WriteAllText(Path.Combine(output, "mine", "keep.txt"), "kept");

        AssertRan(Run(workspace, output, "--only", "02-*"));

        Assert.Equal("the user's notes", File.ReadAllText(Path.Combine(output, "notes.txt")));
        Assert.Equal("kept", File.ReadAllText(Path.Combine(output, "mine", "keep.txt")));
        Assert.True(File.Exists(Path.Combine(output, "01-busiest-days.html")));
        Assert.True(File.Exists(Path.Combine(output, "02-busiest-hours.html")));
        var marker = JsonNode.Parse(File.ReadAllText(Path.Combine(output, ".instacart-report.json")))!;
        Assert.Equal("instacart", (string?)marker["tool"]);
        Assert.DoesNotContain("notes.txt", marker["files"]!.AsArray().Select(f => (string?)f));
        Assert.Empty(Directory.GetDirectories(output, ".instacart-staging-*"));
    }

    [Fact]
    public void Run_OnlyIntoAReportOfTheSameData_KeepsTheOtherPagesAndRecordsTheFingerprint()
    {
        using var workspace = new Workspace(fixture.Data);
        var output = Path.Combine(workspace.Reports, "report");
        AssertRan(Run(workspace, output, "--only", "01-*,02-*"));
        var page01 = File.ReadAllBytes(Path.Combine(output, "01-busiest-days.html"));

        var second = Run(workspace, output, "--only", "02-*");
        AssertRan(second);

        // The last line names the file to open.
        Assert.Equal($"Open the report: {Path.Combine(output, "index.html")}", Lines(second.StandardOutput)[^1]);
        var run = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "run.json")))!;
        Assert.Equal(["01-busiest-days", "02-busiest-hours"], run["notebooks"]!.AsArray().Select(n => (string?)n!["name"]));
        var fingerprint = (string?)run["dataset"]!["fingerprint"];
        Assert.False(string.IsNullOrEmpty(fingerprint));
        Assert.Equal(page01, File.ReadAllBytes(Path.Combine(output, "01-busiest-days.html")));
        Assert.Contains(fingerprint!, File.ReadAllText(Path.Combine(output, "02-busiest-hours.html")));
        Assert.Contains(fingerprint!, File.ReadAllText(Path.Combine(output, "index.html")));
        Assert.Contains("02-busiest-hours.html", File.ReadAllText(Path.Combine(output, "index.html")));
        Assert.Contains("01-busiest-days.html", File.ReadAllText(Path.Combine(output, "index.html")));
    }

    [Fact]
    public void Run_OnlyIntoAReportOfOtherDataOrOptions_ExitsTwoAndChangesNothing()
    {
        using var workspace = new Workspace(fixture.Data);
        var output = Path.Combine(workspace.Reports, "report");
        AssertRan(Run(workspace, output, "--only", "01-*"));
        var before = FolderSnapshot.Of(output);
        var other = Path.Combine(workspace.Root, "other-data");
        Directory.CreateDirectory(other);
        foreach (var file in Directory.GetFiles(workspace.Data))
        {
            File.Copy(file, Path.Combine(other, Path.GetFileName(file)));
        }

        // One order line fewer: other data, same layout.
        var lines = File.ReadAllLines(Path.Combine(other, "order_products__prior.csv")).ToList();
        lines.RemoveAt(lines.Count - 1);
        File.WriteAllText(Path.Combine(other, "order_products__prior.csv"), string.Join('\n', lines) + "\n");

        var otherData = CliProcess.Run("run", "--notebooks", RepoNotebooks, "--data", other, "--out", output, "--only", "02-*", "--no-cache");
        var otherOptions = Run(workspace, output, "--only", "02-*", "--on-bad-rows", "skip");

        Assert.Equal(2, otherData.ExitCode);
        Assert.Contains("would mix two datasets", Assert.Single(Lines(otherData.StandardError)));
        Assert.Equal(2, otherOptions.ExitCode);
        Assert.Contains("on_bad_rows fail there, skip here", Assert.Single(Lines(otherOptions.StandardError)));
        Assert.Empty(FolderSnapshot.Differences(before, FolderSnapshot.Of(output)));
    }

    [Fact]
    public async Task Run_WhileAnotherRunWritesTheSameFolder_ExitsTwoNamingThatRunsPid()
    {
        using var workspace = new Workspace(fixture.Data);
        var output = Path.Combine(workspace.Reports, "report");
        using var first = Start("run", "--notebooks", RepoNotebooks, "--data", workspace.Data, "--out", output, "--only", "00-*,01-*,02-*", "--no-cache");
        try
        {
            await WaitForAsync(() => Directory.Exists(output) && Directory.GetDirectories(output, ".instacart-staging-*").Length > 0);

            var second = Run(workspace, output, "--only", "03-*");

            Assert.Equal(2, second.ExitCode);
            var line = Assert.Single(Lines(second.StandardError));
            Assert.Contains($"is in use by another instacart run (pid {first.Id})", line);
        }
        finally
        {
            await first.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
        }

        Assert.Equal(0, first.ExitCode);
    }

    [Fact]
    public async Task Run_AfterARunWasKilled_RemovesItsStagingFolderAndPublishesWhole()
    {
        using var workspace = new Workspace(fixture.Data);
        var output = Path.Combine(workspace.Reports, "report");
        AssertRan(Run(workspace, output, "--only", "01-*"));
        var before = FolderSnapshot.Of(output);
        // --force: 01 runs again rather than keeping its unchanged page, so a page is staged while 02 still has to run;
        // without it only 02 ran, and its page could be staged and published between two looks.
        using (var killed = Start("run", "--notebooks", RepoNotebooks, "--data", workspace.Data, "--out", output, "--only", "01-*,02-*", "--no-cache", "--force"))
        {
            await WaitForAsync(() => Directory.GetFiles(output, "*", SearchOption.AllDirectories).Any(f => f.Contains(".instacart-staging-") && f.EndsWith(".html", StringComparison.Ordinal)));
            killed.Kill(entireProcessTree: true);
            await killed.WaitForExitAsync();
        }

        // The killed run changed nothing of the published report; it left its staging folder behind.
        var afterKill = FolderSnapshot.Of(output);
        Assert.All(before, entry => Assert.Equal(entry.Value, afterKill.GetValueOrDefault(entry.Key)));
        Assert.NotEmpty(Directory.GetDirectories(output, ".instacart-staging-*"));

        AssertRan(Run(workspace, output, "--only", "02-*"));

        Assert.Empty(Directory.GetDirectories(output, ".instacart-staging-*"));
        Assert.True(File.Exists(Path.Combine(output, "02-busiest-hours.html")));
    }

    [RootFact]
    public void Run_DiskFullWhileWriting_ExitsTwoAndLeavesThePreviousReportByteForByte()
    {
        using var workspace = new Workspace(fixture.Data);
        var mount = Path.Combine(workspace.Root, "small-disk");
        Directory.CreateDirectory(mount);
        // Room for one self-contained report of three notebooks (about 11 MB, plotly.js on each page), not for a second
        // beside it; --force so the second run writes every page again instead of keeping the unchanged ones.
        Mounts.Tmpfs(mount, "16m");
        try
        {
            var output = Path.Combine(mount, "report");
            AssertRan(Run(workspace, output, "--only", "01-*,02-*,03-*", "--self-contained"));
            var before = FolderSnapshot.Of(output);

            var result = Run(workspace, output, "--only", "01-*,02-*,03-*", "--self-contained", "--force");

            Assert.Equal(2, result.ExitCode);
            var line = Assert.Single(Lines(result.StandardError));
            Assert.StartsWith($"error: out of disk space writing {output}{Path.DirectorySeparatorChar}", line);
            Assert.Empty(FolderSnapshot.Differences(before, FolderSnapshot.Of(output)));
            Assert.Empty(Directory.GetDirectories(output, ".instacart-staging-*"));
        }
        finally
        {
            Mounts.Unmount(mount);
        }
    }

    [ChromiumFact]
    public void Run_PdfThatFailsToPrint_LeavesNoOldPdfInTheNewReport()
    {
        using var workspace = new Workspace(fixture.Data);
        var output = Path.Combine(workspace.Reports, "report");
        AssertRan(Run(workspace, output, "--only", "01-*", "--pdf"));
        Assert.True(File.Exists(Path.Combine(output, "report.pdf")));
        var broken = Path.Combine(workspace.Root, "broken-chromium");
        File.WriteAllText(broken, "#!/bin/sh\nexit 1\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(broken, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var result = CliProcess.Run(new Dictionary<string, string> { ["CHROMIUM_PATH"] = broken },
            "run", "--notebooks", RepoNotebooks, "--data", workspace.Data, "--out", output, "--only", "01-*", "--pdf", "--no-cache");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("report.pdf", result.StandardOutput + result.StandardError);
        Assert.False(File.Exists(Path.Combine(output, "report.pdf")));
        var run = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "run.json")))!;
        Assert.Equal("failed", (string?)run["reportFiles"]!.AsArray().Single(f => (string?)f!["name"] == "report.pdf")!["status"]);
    }

    private static string RepoNotebooks => RepoPaths.Notebooks;

    private static CliProcess.Result Run(Workspace workspace, string output, params string[] more) =>
        CliProcess.Run(["run", "--notebooks", RepoNotebooks, "--data", workspace.Data, "--out", output, "--no-cache", .. more]);

    private static void AssertRan(CliProcess.Result result) =>
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.StandardError}\n{result.StandardOutput}");

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The repository's notebooks copied into the workspace, so refusing them as --out is checked on a copy.</summary>
    private static string CopyOfNotebooks(Workspace workspace)
    {
        var copy = Path.Combine(workspace.Root, "notebooks");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(RepoNotebooks, "*.dib"))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        return copy;
    }

    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "instacart.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 1200 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "the condition was not met within a minute");
    }
}
