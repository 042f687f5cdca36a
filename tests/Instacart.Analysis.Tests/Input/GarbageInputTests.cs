using System.IO.Compression;
using System.Text;
using Instacart.Analysis.Tests.Fixtures;
using Instacart.Data.Derivation;
using Instacart.Data.Input;
using Instacart.Data.Lines;
using Instacart.Data;

namespace Instacart.Analysis.Tests.Input;

/// <summary>
/// Files that are not CSV text at all, or whose records never end: each is one <see cref="InputException"/> naming
/// the file (and the line where there is one), whatever the policy for bad rows, and read with bounded memory.
/// </summary>
public class GarbageInputTests
{
    private const string Aisles = "aisle_id,aisle\n1,fresh fruits\n2,packaged cheese\n";

    private static readonly AnalysisOptions Skip = AnalysisOptions.Default with { OnBadRows = BadRowPolicy.Skip };

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var file in Files.Keys)
        {
            foreach (var kind in Kinds.Keys)
            {
                cases.Add(file, kind);
            }
        }

        return cases;
    }

    private static readonly Dictionary<string, string> Files = new()
    {
        [InputFiles.Orders] = TinyData.Orders,
        [InputFiles.PriorLines] = TinyData.PriorLines,
        [InputFiles.TrainLines] = TinyData.TrainLines,
        [InputFiles.Products] = TinyData.Products,
        [InputFiles.Departments] = TinyData.Departments,
        [InputFiles.Aisles] = Aisles,
        [InputFiles.Customers] = TinyData.Customers,
    };

    /// <summary>
    /// Each kind of garbage: how it is made from a good file's text, the line it must name (0: none), and what the
    /// message must say. Only a blank line is a row that can be skipped; the rest stop the load under either policy.
    /// </summary>
    private static readonly Dictionary<string, (Func<string, byte[]> Make, Func<string, long> Line, string Says)> Kinds = new()
    {
        ["all NUL bytes"] = (_ => new byte[300_000], _ => 1, "NUL bytes"),
        ["gzip of the file"] = (Gzip, _ => 0, "gzip archive"),
        ["zip of the file"] = (Zip, _ => 0, "zip archive"),
        ["UTF-16 with a byte order mark"] = (t => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(t)], _ => 0, "UTF-16"),
        ["header then NUL bytes"] = (t => [.. Encoding.UTF8.GetBytes(FirstLine(t)), .. new byte[300_000]], _ => 2, "NUL bytes"),
        ["one enormous line without a line break"] = (t => [.. Encoding.UTF8.GetBytes(t), .. Encoding.ASCII.GetBytes(new string('7', 3 << 20))], t => LinesOf(t) + 1, "over 1 MiB"),
        ["one huge quoted field"] = (t => [.. Encoding.UTF8.GetBytes(t + "9,\""), .. Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("ab\n", 1 << 20)))], t => LinesOf(t) + 1, "never closed"),
        ["a trailing blank line"] = (t => Encoding.UTF8.GetBytes(t + (t.Contains('\r') ? "\r\n" : "\n")), t => LinesOf(t) + 1, "a blank line at the end of the file"),
        [@"\r\r\n line endings"] = (t => Encoding.UTF8.GetBytes(t.Replace("\r\n", "\n").Replace("\n", "\r\r\n")), _ => 1, "stray carriage return"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Load_Garbage_IsOneLineNamingTheFileAndLine(string file, string kind)
    {
        var (make, line, says) = Kinds[kind];
        using var folder = TinyData.Write(new Dictionary<string, string> { [InputFiles.Aisles] = Aisles });
        File.WriteAllBytes(folder.File(file), make(Files[file]));

        var error = Assert.Throws<InputException>(() => InstacartData.Load(folder.Path, AnalysisOptions.Default, cache: null));
        var expected = line(Files[file]) > 0 ? $"{file}: line {line(Files[file])}: " : $"{file}: ";

        Assert.Equal(file, error.File);
        Assert.Equal(line(Files[file]), error.Line);
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        if (says.Contains("blank line", StringComparison.Ordinal))
        {
            var skipped = InstacartData.Load(folder.Path, Skip, cache: null).BadRows.Groups.Single(g => g.File == file);
            Assert.Equal(1, skipped.Rows);
            Assert.Equal(error.Message, Assert.Single(skipped.Examples));
        }
        else
        {
            Assert.Equal(error.Message, Assert.Throws<InputException>(() => InstacartData.Load(folder.Path, Skip, cache: null)).Message);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(TextSniff.Bytes * 2)]
    public void Load_FileOfNothingButNulBytes_IsBinaryWhateverItsLength(int length)
    {
        using var folder = TinyData.Write();
        File.WriteAllBytes(folder.File(InputFiles.Customers), new byte[length]);

        var error = Assert.Throws<InputException>(() => InstacartData.Load(folder.Path, Skip, cache: null));

        Assert.Equal("customers.csv: line 1: expected UTF-8 CSV text, found NUL bytes from the first byte on (binary data, such as an unfinished download)", error.Message);
    }

    [Fact]
    public void Load_OneNulByteInAField_IsABadValueThatCanBeSkipped()
    {
        using var folder = TinyData.Write(new Dictionary<string, string> { [InputFiles.Orders] = TinyData.Orders.Replace("104,1,prior,4,2,4,", "104,1,prior,4,2\0,4,") });

        var error = Assert.Throws<InputException>(() => InstacartData.Load(folder.Path, AnalysisOptions.Default, cache: null));
        var skipped = InstacartData.Load(folder.Path, Skip, cache: null);

        Assert.Equal((5L, 5), (error.Line, error.Column));
        Assert.Equal(1, skipped.BadRows.Groups.Single(g => g.File == InputFiles.Orders).Rows);
    }

    [Fact]
    public void Load_BlankLineUnderSkip_IsSkippedAndCountedAsABlankLine()
    {
        using var folder = TinyData.Write(new Dictionary<string, string> { [InputFiles.Orders] = TinyData.Orders.Replace("104,1,prior,4,2,4,20.0\n", "104,1,prior,4,2,4,20.0\n\n") });

        var error = Assert.Throws<InputException>(() => InstacartData.Load(folder.Path, AnalysisOptions.Default, cache: null));
        var skipped = InstacartData.Load(folder.Path, Skip, cache: null);

        Assert.Equal("orders.csv: line 6: expected 7 comma-separated fields, found a blank line", error.Message);
        var group = Assert.Single(skipped.BadRows.Groups);
        Assert.Equal("orders.csv: line 6: expected 7 comma-separated fields, found a blank line", Assert.Single(group.Examples));
        Assert.Equal(TinyData.Load().Reconciliation.OrdersRows, skipped.Reconciliation.OrdersRows);
    }

    [Fact]
    public void Load_StrayCarriageReturnOnADataLine_NamesThatLine()
    {
        using var folder = TinyData.Write(new Dictionary<string, string> { [InputFiles.Customers] = TinyData.Customers.Replace("Texas,36,2/3/2018,2,married,50000\r\n", "Texas,36,2/3/2018,2,married,50000\r\r\n") });

        var error = Assert.Throws<InputException>(() => InstacartData.Load(folder.Path, Skip, cache: null));

        Assert.Equal(@"customers.csv: line 3: expected LF or CRLF line endings, found a stray carriage return (a \r\r\n line ending)", error.Message);
    }

    [Fact]
    public void LoadLines_NulTailPastTheFirstBytes_NamesItsLineOnBothPaths()
    {
        using var temp = new TempFolder();
        var path = temp.File(InputFiles.PriorLines);
        var text = new StringBuilder("order_id,product_id,add_to_cart_order,reordered\n");
        for (var i = 0; i < 40_000; i++)
        {
            text.Append(i / 7).Append(',').Append(i % 997).Append(",1,0\n");
        }

        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes(text.ToString()), .. new byte[3 << 20]]);

        var plain = Assert.Throws<InputException>(() => OrderLinesLoader.LoadSequential(path));
        var fast = Assert.Throws<InputException>(() => OrderLinesLoader.Load(path, threads: 4, minBytes: 0));

        Assert.Equal(plain.Message, fast.Message);
        Assert.Equal(40_002, plain.Line);
        Assert.Contains("NUL bytes", plain.Found, StringComparison.Ordinal);
        Assert.Null(OrderLinesLoader.TryLoadRanges(path, 4));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\0\0\0\0\0\0\0\0\0\n")]
    [InlineData("1,2,3,4,5,6,7,8,9,0,x\n")]
    public void LoadLinesRanges_GarbageLinesAfterTheHeader_AllocateNothingForThem(string garbage)
    {
        // 16 MB of lines that are not rows: sized by their line breaks, the columns would take 10 to 200 MB more
        // than the 8 MB of read buffers that four threads' ranges need.
        using var temp = new TempFolder();
        var path = temp.File(InputFiles.PriorLines);
        var line = Encoding.ASCII.GetBytes(garbage);
        using (var stream = File.Create(path))
        {
            stream.Write("order_id,product_id,add_to_cart_order,reordered\n1,1,1,0\n"u8);
            for (var written = 0; written < 16 << 20; written += line.Length)
            {
                stream.Write(line);
            }
        }

        // Four ranges' worth of work, run on this thread so that its allocations are what this thread counts.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var fast = OrderLinesLoader.TryLoadRanges(path, 4, new Parallelism(1));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Null(fast);
        Assert.True(allocated < 12 << 20, $"{allocated:N0} bytes allocated for garbage");
    }

    [Fact]
    public void ColumnBuilder_AHugeGuess_AllocatesOnlyAFirstChunk()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var column = new ColumnBuilder<int>(Array.MaxLength);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated <= (ColumnBuilder<int>.FirstCapacity * sizeof(int)) + 1024, $"{allocated:N0} bytes");
        for (var i = 0; i < 200_000; i++)
        {
            column.Add(i);
        }

        Assert.Equal(Enumerable.Range(0, 200_000), column.ToArray());
    }

    [Fact]
    public void ColumnBuilder_AGoodGuess_EndsAtTheGuess()
    {
        var column = new ColumnBuilder<int>(100_000);
        for (var i = 0; i < 100_000; i++)
        {
            column.Add(i);
        }

        Assert.Equal(100_000, column.ToArray().Length);
    }

    private static string FirstLine(string text) => text[..(text.IndexOf('\n') + 1)];

    private static long LinesOf(string text) => text.Count(c => c == '\n');

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }

    private static byte[] Zip(string text)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create))
        {
            using var entry = zip.CreateEntry("data.csv").Open();
            entry.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }
}
