using Instacart.Data.Files;

namespace Instacart.Analysis.Tests.Files;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("instacart-atomic-file-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void WriteAllText_ExistingFile_IsReplacedWholeAsUtf8WithoutBomAndLeavesNoTemporaryFile()
    {
        var path = Path.Combine(root, "answers.json");
        File.WriteAllText(path, "old and longer than the new text");

        AtomicFile.WriteAllText(path, "née\n");

        Assert.Equal("née\n"u8.ToArray(), File.ReadAllBytes(path));
        Assert.Equal(["answers.json"], Directory.GetFiles(root).Select(Path.GetFileName));
    }

    [Fact]
    public void Write_WriterThatThrows_LeavesTheOldFileAndNoTemporaryFile()
    {
        var path = Path.Combine(root, "report.pdf");
        File.WriteAllText(path, "old");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("half"u8);
            throw new InvalidOperationException("the writer failed");
        }));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal(["report.pdf"], Directory.GetFiles(root).Select(Path.GetFileName));
    }

    [Fact]
    public void WriteAllBytes_MissingFolder_IsAFileWriteErrorNamingTheFile()
    {
        var path = Path.Combine(root, "missing", "bench.json");

        var error = Assert.Throws<FileWriteException>(() => AtomicFile.WriteAllBytes(path, [1]));

        Assert.Equal(path, error.FilePath);
        Assert.StartsWith($"could not write {path}: ", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(root));
    }

    [Fact]
    public void TemporaryPattern_OfAKilledWrite_MatchesItsTemporaryNameOnly()
    {
        File.WriteAllText(Path.Combine(root, ".marker.json.123.0123456789abcdef.tmp"), "");
        File.WriteAllText(Path.Combine(root, "marker.json"), "");

        Assert.Equal([".marker.json.123.0123456789abcdef.tmp"], Directory.GetFiles(root, AtomicFile.TemporaryPattern("marker.json")).Select(Path.GetFileName));
    }

    [Fact]
    public void IsDiskFull_NoSpaceLeftWrapped_IsTrueAndNamesTheFileSo()
    {
        var noSpace = new IOException("No space left on device", OperatingSystem.IsWindows() ? unchecked((int)0x80070070) : 28);

        var error = new FileWriteException("/reports/a.html", new IOException("outer", noSpace));

        Assert.True(FileWriteException.IsDiskFull(error));
        Assert.Equal("out of disk space writing /reports/a.html", error.Message);
        Assert.False(FileWriteException.IsDiskFull(new IOException("other", 5)));
    }
}
