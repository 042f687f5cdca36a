using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Instacart.Data.Files;

namespace Instacart.Notebooks.Publishing;

/// <summary>
/// The staging folder of one run, inside its report folder: every report file is written here (flushed to disk, its
/// length and SHA-256 noted) and checked again by <see cref="Verify"/> before anything of the previous report is
/// replaced. A write that fails (a full disk above all) is a <see cref="ReportWriteException"/> naming the file.
/// </summary>
public sealed class ReportStaging
{
    private static readonly UTF8Encoding Utf8 = new(false);
    private readonly ConcurrentDictionary<string, ReportFileDigest> written = new(StringComparer.Ordinal);

    internal ReportStaging(string folder, string report)
    {
        Folder = folder;
        Report = report;
    }

    /// <summary>Where this run writes.</summary>
    public string Folder { get; }

    /// <summary>The report folder the files are published to.</summary>
    public string Report { get; }

    /// <summary>The names of the files written so far.</summary>
    public IReadOnlyCollection<string> Files => [.. written.Keys];

    /// <summary>Writes <paramref name="text"/> (UTF-8, no BOM) as report file <paramref name="name"/>.</summary>
    public void WriteAllText(string name, string text) => WriteAllBytes(name, Utf8.GetBytes(text));

    /// <summary>Writes <paramref name="bytes"/> as report file <paramref name="name"/>.</summary>
    public void WriteAllBytes(string name, byte[] bytes) => Record(name, WriteFile(Folder, name, bytes, Report));

    /// <summary>Writes what <paramref name="write"/> produces as report file <paramref name="name"/>.</summary>
    public async Task WriteAsync(string name, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await write(buffer, cancellationToken);
        WriteAllBytes(name, buffer.ToArray());
    }

    /// <summary>Copies report file <paramref name="name"/> of the published report into this run (a page an <c>--only</c> run keeps).</summary>
    public void Keep(string name)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(Path.Combine(Report, name));
        }
        catch (IOException e)
        {
            throw new ReportWriteException(Path.Combine(Report, name), e);
        }

        WriteAllBytes(name, bytes);
    }

    /// <summary>Notes a file another process wrote into this staging folder (a notebook run in a worker process).</summary>
    public void Record(string name, ReportFileDigest digest)
    {
        if (!ReportMarker.IsPlainName(name))
        {
            throw new ArgumentException($"'{name}' is not a file name", nameof(name));
        }

        written[name] = digest;
    }

    /// <summary>
    /// Reads every written file back and checks its length and SHA-256 against what was written: a file cut short or
    /// damaged on the way to the disk is a <see cref="ReportWriteException"/>, and nothing is published.
    /// </summary>
    public void Verify()
    {
        foreach (var (name, digest) in written)
        {
            var path = Path.Combine(Folder, name);
            ReportFileDigest found;
            try
            {
                found = ReportFileDigest.Of(File.ReadAllBytes(path));
            }
            catch (IOException e)
            {
                throw new ReportWriteException(Path.Combine(Report, name), e);
            }

            if (found != digest)
            {
                throw new ReportWriteException(Path.Combine(Report, name), $"could not write {Path.Combine(Report, name)}: it reads back as {found.Length} bytes, not the {digest.Length} written");
            }
        }
    }

    /// <summary>Removes the staging folder and everything this run wrote; the published report is untouched.</summary>
    public void Discard()
    {
        if (Directory.Exists(Folder))
        {
            ReportFolder.RemoveStaging(Folder);
        }
    }

    /// <summary>
    /// Writes <paramref name="bytes"/> to <paramref name="name"/> in <paramref name="folder"/> with <see cref="AtomicFile"/>
    /// (a temporary name, flushed to disk, then renamed); any failure is a <see cref="ReportWriteException"/> naming the
    /// file as it will be in <paramref name="report"/>.
    /// </summary>
    internal static ReportFileDigest WriteFile(string folder, string name, byte[] bytes, string report)
    {
        try
        {
            AtomicFile.WriteAllBytes(Path.Combine(folder, name), bytes);
        }
        catch (FileWriteException e)
        {
            throw new ReportWriteException(Path.Combine(report, name), e.InnerException ?? e);
        }

        return ReportFileDigest.Of(bytes);
    }
}

/// <summary>A written report file's length and SHA-256, to check it reads back as written.</summary>
/// <param name="Length">Bytes.</param>
/// <param name="Sha256">SHA-256, lower-case hex.</param>
public sealed record ReportFileDigest(long Length, string Sha256)
{
    /// <summary>The digest of <paramref name="bytes"/>.</summary>
    public static ReportFileDigest Of(byte[] bytes) => new(bytes.LongLength, Convert.ToHexStringLower(SHA256.HashData(bytes)));
}
