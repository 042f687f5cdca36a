using Instacart.Notebooks.Publishing;

namespace Instacart.Notebooks.Tests.Publishing;

public sealed class ReportFolderTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "instacart-report-folder-" + Guid.NewGuid().ToString("N"));

    public ReportFolderTests() => Directory.CreateDirectory(root);

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Open_KilledWhilePublishing_NextOpenFinishesThePublication()
    {
        var report = Path.Combine(root, "report");
        Directory.CreateDirectory(report);
        File.WriteAllText(Path.Combine(report, ReportMarker.FileName), new ReportMarker(["a.html", "old.html"]).ToJson());
        File.WriteAllText(Path.Combine(report, "a.html"), "a, old");
        File.WriteAllText(Path.Combine(report, "old.html"), "a page the new run no longer makes");
        File.WriteAllText(Path.Combine(report, "notes.txt"), "the user's");
        // A run killed mid-publication: its journal is written and b.html already moved; a.html still waits in staging.
        var staging = Path.Combine(report, ReportFolder.StagingPrefix + "999999");
        Directory.CreateDirectory(staging);
        File.WriteAllText(Path.Combine(staging, "a.html"), "a, new");
        File.WriteAllText(Path.Combine(report, "b.html"), "b, new");
        new PublishJournal(["a.html", "b.html"], ["old.html"]).Write(staging);

        using (var folder = ReportFolder.Open(report, []))
        {
            Assert.Equal(["a.html", "b.html"], folder.Marker.Files);
        }

        Assert.Equal("a, new", File.ReadAllText(Path.Combine(report, "a.html")));
        Assert.Equal("b, new", File.ReadAllText(Path.Combine(report, "b.html")));
        Assert.False(File.Exists(Path.Combine(report, "old.html")));
        Assert.Equal("the user's", File.ReadAllText(Path.Combine(report, "notes.txt")));
        Assert.False(Directory.Exists(staging));
    }

    [Fact]
    public void Open_KilledBeforePublishing_NextOpenDropsThePartialFiles()
    {
        var report = Path.Combine(root, "report");
        Directory.CreateDirectory(report);
        File.WriteAllText(Path.Combine(report, ReportMarker.FileName), new ReportMarker(["a.html"]).ToJson());
        File.WriteAllText(Path.Combine(report, "a.html"), "a, old");
        var staging = Path.Combine(report, ReportFolder.StagingPrefix + "999999");
        Directory.CreateDirectory(staging);
        File.WriteAllText(Path.Combine(staging, "a.html"), "a, half writ");

        using (ReportFolder.Open(report, []))
        {
        }

        Assert.Equal("a, old", File.ReadAllText(Path.Combine(report, "a.html")));
        Assert.False(Directory.Exists(staging));
    }

    [Fact]
    public void Open_WhileAnotherOpenHoldsTheFolder_IsRefusedNamingThisProcess()
    {
        var report = Path.Combine(root, "report");
        using var first = ReportFolder.Open(report, []);

        var refused = Assert.Throws<ReportRefusedException>(() => ReportFolder.Open(report, []));

        Assert.Contains($"pid {Environment.ProcessId}", refused.Message);
    }

    [Fact]
    public void Open_NewFolderThatNeverPublishes_IsRemovedAgain()
    {
        var report = Path.Combine(root, "new-report");

        using (var folder = ReportFolder.Open(report, []))
        {
            folder.BeginStaging().Discard();
        }

        Assert.False(Directory.Exists(report));
    }

    [Fact]
    public void Publish_StagedFileChangedAfterItWasWritten_IsAWriteErrorAndPublishesNothing()
    {
        var report = Path.Combine(root, "report");
        using var folder = ReportFolder.Open(report, []);
        var staging = folder.BeginStaging();
        staging.WriteAllText("index.html", "whole");
        File.WriteAllText(Path.Combine(staging.Folder, "index.html"), "cut");

        var error = Assert.Throws<ReportWriteException>(() => folder.Publish(staging));

        Assert.Contains("index.html", error.Message);
        Assert.False(File.Exists(Path.Combine(report, "index.html")));
    }
}
