using System.Text;
using Instacart.Analysis.Tests.Fixtures;
using Instacart.Data.Cache;
using Instacart.Data.Input;
using Instacart.Data.Lines;

namespace Instacart.Analysis.Tests.Input;

/// <summary>
/// The census taken while a lines file is hashed splits it exactly where the range parser's own count would, and the
/// ranges parsed from it give exactly what the sequential read gives; a census that cannot tell gives no ranges.
/// </summary>
public sealed class LineCensusTests
{
    private const string Header = "order_id,product_id,add_to_cart_order,reordered";

    [Theory]
    [InlineData(100, 2)]
    [InlineData(64, 3)]
    [InlineData(1_000, 4)]
    [InlineData(4_096, 8)]
    [InlineData(65_536, 4)]
    public void Ranges_AnyChunkSize_SplitAtLineStartsAndCountEveryBreak(int chunkBytes, int ranges)
    {
        var bytes = Encoding.UTF8.GetBytes(Lines(20_000, "\n", finalBreak: true));
        var census = Census(bytes, chunkBytes);

        var (bounds, breaks) = census.Ranges(ranges, bytes.Length) ?? throw new Xunit.Sdk.XunitException("no ranges");

        Assert.Equal(0, bounds[0]);
        Assert.Equal(bytes.Length, bounds[^1]);
        Assert.Equal(breaks.Length + 1, bounds.Length);
        Assert.InRange(breaks.Length, 2, ranges);
        for (var k = 0; k < breaks.Length; k++)
        {
            Assert.True(bounds[k] < bounds[k + 1]);
            Assert.True(k == 0 || bytes[bounds[k] - 1] == (byte)'\n');
            Assert.Equal(bytes.AsSpan((int)bounds[k], (int)(bounds[k + 1] - bounds[k])).Count((byte)'\n'), breaks[k]);
        }
    }

    [Theory]
    [InlineData("\n", true, false, 4_096)]
    [InlineData("\r\n", true, false, 1_000)]
    [InlineData("\n", false, false, 65_536)]
    [InlineData("\r\n", false, true, 4_096)]
    [InlineData("\n", true, true, 333)]
    public void TryLoadRanges_WithACensus_EqualsTheSequentialRead(string newline, bool finalBreak, bool bom, int chunkBytes)
    {
        using var temp = new TempFolder();
        var path = temp.File(InputFiles.PriorLines);
        File.WriteAllText(path, Lines(50_000, newline, finalBreak), new UTF8Encoding(bom));
        var census = Census(File.ReadAllBytes(path), chunkBytes);
        Assert.NotNull(census.Ranges(4, new FileInfo(path).Length));

        var fast = OrderLinesLoader.TryLoadRanges(path, 2, Parallelism.Default, census);

        Assert.NotNull(fast);
        AssertSame(OrderLinesLoader.LoadSequential(path), fast);
        AssertSame(OrderLinesLoader.LoadSequential(path), OrderLinesLoader.Load(path, threads: 3, minBytes: 0, census: census));
    }

    [Fact]
    public void Ranges_TheHeadersLetters_AreNoBadBytes()
    {
        var bytes = Encoding.UTF8.GetBytes(Lines(5_000, "\n", finalBreak: true));

        Assert.NotNull(Census(bytes, 1_000).Ranges(4, bytes.Length));
    }

    [Theory]
    [InlineData("49000,12,3,x")]
    [InlineData("49000,12,3,1 ")]
    [InlineData("49000;12;3;1")]
    public void Ranges_AByteNoDataRowHasAfterTheHeader_GiveNoneAndTheLoaderReportsIt(string bad)
    {
        using var temp = new TempFolder();
        var path = temp.File(InputFiles.PriorLines);
        var text = Lines(20_000, "\n", finalBreak: true).Replace("\n2857,", $"\n{bad}\n2857,", StringComparison.Ordinal);
        File.WriteAllText(path, text);
        var census = Census(File.ReadAllBytes(path), 1_000);

        Assert.Null(census.Ranges(4, new FileInfo(path).Length));
        var plain = Assert.Throws<InputException>(() => OrderLinesLoader.LoadSequential(path));
        var fast = Assert.Throws<InputException>(() => OrderLinesLoader.Load(path, threads: 4, minBytes: 0, census: census));
        Assert.Equal(plain.Message, fast.Message);
    }

    [Theory]
    [InlineData(997)]
    [InlineData(1_000)]
    [InlineData(1_003)]
    public void Load_AQuotedLineBreakAnywhere_GivesTheSequentialError(int chunkBytes)
    {
        using var temp = new TempFolder();
        var path = temp.File(InputFiles.PriorLines);
        File.WriteAllText(path, Lines(20_000, "\n", finalBreak: true).Replace("\n2857,", "\n49000,\"12\n\",3,1\n2857,", StringComparison.Ordinal));
        var census = Census(File.ReadAllBytes(path), chunkBytes);

        var plain = Assert.Throws<InputException>(() => OrderLinesLoader.LoadSequential(path));
        var fast = Assert.Throws<InputException>(() => OrderLinesLoader.Load(path, threads: 4, minBytes: 0, census: census));
        Assert.Equal(plain.Message, fast.Message);
    }

    [Fact]
    public void Ranges_FileOfAnotherLengthOrOneChunkOrAChunkNotScannedWhole_GiveNone()
    {
        var bytes = Encoding.UTF8.GetBytes(Lines(5_000, "\n", finalBreak: true));
        var whole = Census(bytes, 1_000);
        var partial = new LineCensus(bytes.Length, 1_000);
        partial.Take(0, 0, bytes.AsSpan(0, 1_000));

        Assert.Null(whole.Ranges(4, bytes.Length + 1));
        Assert.Null(Census(bytes, bytes.Length).Ranges(4, bytes.Length));
        Assert.Null(partial.Ranges(4, bytes.Length));
        Assert.NotNull(whole.Ranges(4, bytes.Length));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Load_CensusOfAnEarlierVersionOfTheSameLength_GivesTheRowsOfTheBytesNowThere(bool movedBreaks)
    {
        using var temp = new TempFolder();
        var path = temp.File(InputFiles.PriorLines);
        var before = Lines(30_000, "\n", finalBreak: true);
        File.WriteAllText(path, before);
        var census = Census(File.ReadAllBytes(path), 2_000);

        // Same length: the digits change, or the rows come in reverse (every break but the header's moves).
        var rows = before.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var after = movedBreaks
            ? string.Join('\n', [rows[0], .. rows.Skip(1).Reverse()]) + "\n"
            : before.Replace('7', '8');
        Assert.Equal(before.Length, after.Length);
        File.WriteAllText(path, after);

        var plain = OrderLinesLoader.LoadSequential(path);
        if (OrderLinesLoader.TryLoadRanges(path, 2, Parallelism.Default, census) is { } fast)
        {
            AssertSame(plain, fast);
        }

        var error = Record.Exception(() => OrderLinesLoader.Load(path, threads: 2, minBytes: 0, census: census));
        var plainError = Record.Exception(() => OrderLinesLoader.Load(path));
        Assert.Equal(plainError?.Message, error?.Message);
    }

    [Fact]
    public void ContentHash_TakingACensus_GivesTheSameHashAndRangesTheLoaderParses()
    {
        // Over two of the hash's 8 MiB chunks, so that the census splits the file.
        using var temp = new TempFolder();
        var path = temp.File(InputFiles.PriorLines);
        File.WriteAllText(path, Lines(1_300_000, "\n", finalBreak: true));

        var plain = ContentHash.Of([path])[0]!;
        var counted = ContentHash.Of([path], Parallelism.Default, [true])[0]!;

        Assert.Null(plain.Lines);
        Assert.Equal(plain.Hash, counted.Hash);
        var census = counted.Lines!;
        Assert.Equal(new FileInfo(path).Length, census.Length);
        Assert.True(census.Chunks >= 2);
        Assert.NotNull(census.Ranges(4, census.Length));
        var fast = OrderLinesLoader.TryLoadRanges(path, 2, Parallelism.Default, census);
        Assert.NotNull(fast);
        AssertSame(OrderLinesLoader.LoadSequential(path), fast);
    }

    [Fact]
    public void InputKey_Compute_TakesACensusOfTheOrdersAndEachLinesFileOnlyWhenAParseFollows()
    {
        var hashed = InputKey.Compute(RepoPaths.DataSample, census: true);

        Assert.Empty(InputKey.Compute(RepoPaths.DataSample).Lines!);

        Assert.Equal([InputFiles.PriorLines, InputFiles.TrainLines, InputFiles.Orders], hashed.Lines!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new FileInfo(Path.Combine(RepoPaths.DataSample, InputFiles.PriorLines)).Length, hashed.Lines[InputFiles.PriorLines].Length);
    }

    /// <summary>Lines of orders of seven, products and carts that vary in width, so that breaks fall anywhere in a chunk.</summary>
    private static string Lines(int rows, string newline, bool finalBreak)
    {
        var text = new StringBuilder(Header).Append(newline);
        for (var i = 0; i < rows; i++)
        {
            text.Append(i / 7).Append(',').Append(i % 997).Append(',').Append((i % 7) + 1).Append(',').Append(i % 2);
            if (finalBreak || i < rows - 1)
            {
                text.Append(newline);
            }
        }

        return text.ToString();
    }

    /// <summary>The census of <paramref name="bytes"/> as the hash takes it: each chunk in reads of a few hundred bytes.</summary>
    private static LineCensus Census(byte[] bytes, int chunkBytes)
    {
        var census = new LineCensus(bytes.Length, chunkBytes);
        for (var chunk = 0; chunk < census.Chunks; chunk++)
        {
            var start = (long)chunk * chunkBytes;
            var end = Math.Min(bytes.Length, start + chunkBytes);
            for (var at = start; at < end; at += 300)
            {
                var piece = (int)Math.Min(300, end - at);
                census.Take(chunk, at, bytes.AsSpan((int)at, piece));
            }
        }

        return census;
    }

    private static void AssertSame(OrderLinesTable expected, OrderLinesTable actual)
    {
        Assert.Equal(expected.OrderId, actual.OrderId);
        Assert.Equal(expected.ProductId, actual.ProductId);
        Assert.Equal(expected.AddToCartOrder, actual.AddToCartOrder);
        Assert.Equal(expected.Reordered, actual.Reordered);
    }
}
