using System.Text.RegularExpressions;
using Instacart.Notebooks.Publishing;
using Instacart.Notebooks.Refresh;

namespace Instacart.Notebooks.Tests.Refresh;

/// <summary>
/// A run into an existing report re-runs only the notebooks whose record (source, build, data, options) differs and
/// reuses the others' pages, giving the same report as a full re-run.
/// </summary>
public sealed partial class RefreshTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "instacart-refresh-" + Guid.NewGuid().ToString("N"));

    public RefreshTests()
    {
        Directory.CreateDirectory(Path.Combine(root, "notebooks"));
        Directory.CreateDirectory(Path.Combine(root, "data"));
        foreach (var name in new[] { "a", "b", "c" })
        {
            WriteNotebook(name, $"$\"the answer of {name} is {{1 + 1}}\"");
        }
    }

    private string Notebooks => Path.Combine(root, "notebooks");

    private string Report => Path.Combine(root, "report");

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task RunAsync_IntoItsUnchangedReport_ReusesEveryNotebookAndMatchesAFullRunButForTimings()
    {
        var first = await RunAsync(Options());
        var full = Snapshot();

        var reused = await RunAsync(Options());
        var afterReuse = Snapshot();
        var forced = await RunAsync(Options() with { Force = true });
        var afterForce = Snapshot();

        Assert.All(first.Refresh, d => Assert.False(d.Reused));
        Assert.All(reused.Refresh, d => Assert.Equal((true, "unchanged since the last run"), (d.Reused, d.Reason)));
        Assert.All(forced.Refresh, d => Assert.Equal((false, "--force"), (d.Reused, d.Reason)));

        // What differs between two runs of the same report is run.json's timings (every "durationMs" and
        // "kernelStartMs" value) and nothing else: every other file is byte for byte the same.
        Assert.Equal(full.Keys, afterReuse.Keys);
        Assert.Equal(full.Keys, afterForce.Keys);
        foreach (var (name, bytes) in full)
        {
            Assert.True(Masked(name, bytes).SequenceEqual(Masked(name, afterReuse[name])), $"{name} differs after reuse");
            Assert.True(Masked(name, bytes).SequenceEqual(Masked(name, afterForce[name])), $"{name} differs after a full re-run");
        }
    }

    [Fact]
    public async Task RunAsync_OneNotebookChanged_RunsThatNotebookAlone()
    {
        await RunAsync(Options());
        var pageA = File.ReadAllBytes(Path.Combine(Report, "a.html"));
        WriteNotebook("b", "$\"b now says {2 + 2}\"");

        var report = await RunAsync(Options());

        Assert.Equal(
            [("a", true, "unchanged since the last run"), ("b", false, "its source changed"), ("c", true, "unchanged since the last run")],
            report.Refresh.Select(d => (d.Name, d.Reused, d.Reason)));
        Assert.Equal(pageA, File.ReadAllBytes(Path.Combine(Report, "a.html")));
        Assert.Contains("b now says 4", File.ReadAllText(Path.Combine(Report, "b.html")));
        Assert.Contains("b now says 4", File.ReadAllText(Path.Combine(Report, "index.html")));
        Assert.Contains("the answer of a is 2", File.ReadAllText(Path.Combine(Report, "index.html")));
        Assert.Equal(["Reused 2 notebooks, unchanged since the last run: a, c.", "Ran b: its source changed."], RefreshSummary.Lines(report.Refresh));
    }

    [Fact]
    public async Task RunAsync_DataOptionsOrBuildChanged_RunsEveryNotebook()
    {
        await RunAsync(Options());

        var otherData = await RunAsync(Options() with { Dataset = new DatasetIdentity("fingerprint-b", "data") });
        var otherOptions = await RunAsync(Options() with
        {
            Dataset = new DatasetIdentity("fingerprint-b", "data"),
            RecordedOptions = new Dictionary<string, string> { ["on_bad_rows"] = "skip" },
        });
        var otherBuild = await RunAsync(Options() with
        {
            Dataset = new DatasetIdentity("fingerprint-b", "data"),
            RecordedOptions = new Dictionary<string, string> { ["on_bad_rows"] = "skip" },
            BuildIdentity = "another build",
        });

        Assert.All(otherData.Refresh, d => Assert.Equal((false, "the data changed"), (d.Reused, d.Reason)));
        Assert.All(otherOptions.Refresh, d => Assert.Equal((false, "the options changed (on_bad_rows fail → skip)"), (d.Reused, d.Reason)));
        Assert.All(otherBuild.Refresh, d => Assert.Equal((false, "the library build changed"), (d.Reused, d.Reason)));
        Assert.Equal(3, otherBuild.Refresh.Count);
        Assert.Equal(["Ran all 3 notebooks: the library build changed."], RefreshSummary.Lines(otherBuild.Refresh));
    }

    [Fact]
    public async Task RunAsync_NotebookThatFailed_RunsAgainAndSaysWhy()
    {
        WriteNotebook("c", "throw new System.InvalidOperationException(\"broken\");");
        var failed = await RunAsync(Options());

        var again = await RunAsync(Options());

        Assert.Equal(RunStatus.Failed, failed.Notebooks.Single(n => n.Name == "c").Status);
        Assert.Equal((false, "it failed last time"), again.Refresh.Where(d => d.Name == "c").Select(d => (d.Reused, d.Reason)).Single());
        Assert.All(again.Refresh.Where(d => d.Name != "c"), d => Assert.True(d.Reused));
    }

    private RunOptions Options() => new(Notebooks, Report)
    {
        DataDirectory = Path.Combine(root, "data"),
        Dataset = new DatasetIdentity("fingerprint-a", "data"),
        RecordedOptions = new Dictionary<string, string> { ["on_bad_rows"] = "fail" },
    };

    private static Task<RunReport> RunAsync(RunOptions options) => NotebookRunner.RunAsync(options);

    private void WriteNotebook(string name, string code) =>
        File.WriteAllText(Path.Combine(Notebooks, name + ".dib"), $$$"""
            #!meta

            {"kernelInfo":{"defaultKernelName":"csharp","items":[{"aliases":[],"name":"csharp"}]}}

            #!markdown

            # Notebook {{{name}}}

            #!csharp

            {{{code}}}

            """);

    /// <summary>Every report file (not the lock and its owner, which belong to the run, not the report), by name.</summary>
    private Dictionary<string, byte[]> Snapshot() =>
        Directory.GetFiles(Report)
            .Where(f => Path.GetFileName(f) is not (ReportLock.FileName or ReportLock.OwnerFileName))
            .ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal);

    /// <summary>The file with run.json's timings zeroed (and nothing else touched).</summary>
    private static byte[] Masked(string name, byte[] bytes) =>
        name == RunReport.FileName
            ? System.Text.Encoding.UTF8.GetBytes(Timings().Replace(System.Text.Encoding.UTF8.GetString(bytes), "\"${name}\": 0"))
            : bytes;

    [GeneratedRegex("\"(?<name>durationMs|kernelStartMs)\": [0-9]+")]
    private static partial Regex Timings();
}
