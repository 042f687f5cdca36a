using System.IO.Compression;
using System.Text;

namespace Instacart.Cli.Tests;

/// <summary>
/// Input files that are not CSV text, or whose records never end, on copies of <c>data-sample</c>: <c>answers</c>
/// exits with code 2 and one line on standard error naming the file (and the line where there is one), within a
/// bounded heap: memory follows the valid data, not the garbage.
/// </summary>
public sealed class GarbageInputTests
{
    private static readonly string[] Files =
        ["orders.csv", "order_products__prior.csv", "order_products__train.csv", "products.csv", "departments.csv", "aisles.csv", "customers.csv"];

    /// <summary>Each kind: how it is made from the good bytes, the line named (0: none), and what the message says.</summary>
    private static readonly Dictionary<string, (Func<byte[], byte[]> Make, Func<byte[], long> Line, string Says)> Kinds = new()
    {
        ["all NUL bytes"] = (_ => new byte[1 << 20], _ => 1, "NUL bytes"),
        ["gzip of the file"] = (Gzip, _ => 0, "a gzip archive: unpack it first"),
        ["zip of the file"] = (Zip, _ => 0, "a zip archive: unpack it first"),
        ["UTF-16 with a byte order mark"] = (b => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Convert(Encoding.UTF8, Encoding.Unicode, b)], _ => 0, "UTF-16 text (a UTF-16 byte order mark)"),
        ["UTF-16 without a byte order mark"] = (b => Encoding.Convert(Encoding.UTF8, Encoding.Unicode, b), _ => 1, "UTF-16 text without a byte order mark"),
        ["header then NUL bytes"] = (b => [.. b[..(Array.IndexOf(b, (byte)'\n') + 1)], .. new byte[1 << 20]], _ => 2, "NUL bytes"),
        ["one enormous line without a line break"] = (b => [.. b, .. Encoding.ASCII.GetBytes(new string('7', 3 << 20))], b => Lines(b) + 1, "over 1 MiB"),
        ["one huge quoted field"] = (b => [.. b, .. "9,\""u8, .. Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("ab\n", 1 << 20)))], b => Lines(b) + 1, "never closed"),
        ["a trailing blank line"] = (b => [.. b, .. (b.Contains((byte)'\r') ? "\r\n"u8 : "\n"u8)], b => Lines(b) + 1, "a blank line at the end of the file"),
        [@"\r\r\n line endings"] = (b => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(b).Replace("\r\n", "\n").Replace("\n", "\r\r\n")), _ => 1, @"a stray carriage return (a \r\r\n line ending)"),
    };

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var file in Files)
        {
            foreach (var kind in Kinds.Keys)
            {
                cases.Add(file, kind);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Answers_GarbageFile_ExitsTwoWithOneLineNamingFileAndLine(string file, string kind)
    {
        using var sample = new SampleCopy();
        var (make, line, says) = Kinds[kind];
        var good = File.ReadAllBytes(sample.File(file));
        File.WriteAllBytes(sample.File(file), make(good));

        var result = sample.Answers();

        var message = CliAssert.OneLineError(result, file);
        var where = line(good) > 0 ? $"error: {file}: line {line(good)}: " : $"error: {file}: expected ";
        Assert.StartsWith(where, message, StringComparison.Ordinal);
        Assert.Contains(says, message, StringComparison.Ordinal);
        Assert.False(File.Exists(sample.Output));
    }

    [Theory]
    [InlineData("orders.csv", false)]
    [InlineData("orders.csv", true)]
    [InlineData("order_products__prior.csv", false)]
    [InlineData("order_products__prior.csv", true)]
    public void Answers_GigabyteOfNulBytesUnderAHeapLimit_ExitsTwoWithOneLine(string file, bool afterTheHeader)
    {
        // An unfinished download: a sparse file of zeros (cheap to make), its header kept or not, read under a 768 MB heap.
        using var sample = new SampleCopy();
        var header = File.ReadLines(sample.File(file)).First() + "\n";
        using (var stream = new FileStream(sample.File(file), FileMode.Create))
        {
            if (afterTheHeader)
            {
                stream.Write(Encoding.UTF8.GetBytes(header));
            }

            stream.SetLength(1L << 30);
        }

        var result = sample.Answers(new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0x30000000" });

        var message = CliAssert.OneLineError(result, file);
        Assert.StartsWith($"error: {file}: line {(afterTheHeader ? 2 : 1)}: ", message, StringComparison.Ordinal);
        Assert.Contains("NUL bytes", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Answers_SkipPolicy_StillStopsAtGarbage()
    {
        using var sample = new SampleCopy();
        File.WriteAllBytes(sample.File("orders.csv"), Gzip(File.ReadAllBytes(sample.File("orders.csv"))));

        var result = sample.Answers("--on-bad-rows", "skip");

        Assert.Contains("gzip archive", CliAssert.OneLineError(result, "orders.csv"), StringComparison.Ordinal);
    }

    [Fact]
    public void Answers_TrailingBlankLineUnderSkip_IsSkippedAndReported()
    {
        using var sample = new SampleCopy();
        File.AppendAllText(sample.File("orders.csv"), "\n");

        var result = sample.Answers("--on-bad-rows", "skip");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Rows skipped as bad input", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("blank line", result.StandardOutput, StringComparison.Ordinal);
    }

    private static long Lines(byte[] bytes) => bytes.Count(b => b == (byte)'\n');

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    private static byte[] Zip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create))
        {
            using var entry = zip.CreateEntry("data.csv").Open();
            entry.Write(bytes);
        }

        return output.ToArray();
    }
}
