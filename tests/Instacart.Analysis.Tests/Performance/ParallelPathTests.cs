using System.Text;
using Instacart.Analysis.Answers;
using Instacart.Analysis.Tests.Fixtures;
using Instacart.Data.Input;
using Instacart.Data.Lines;
using Instacart.Data;
using Instacart.Synthetic;

namespace Instacart.Analysis.Tests.Performance;

/// <summary>Every fast path (range-parallel lines parse, parallel merge and group-bys) gives exactly what the plain path gives.</summary>
public sealed class ParallelPathTests : IClassFixture<ParallelPathTests.QuirkyData>
{
    private readonly QuirkyData data;

    public ParallelPathTests(QuirkyData data) => this.data = data;

    /// <summary>Generated data with every quirk, large enough that the lines file is split into ranges.</summary>
    public sealed class QuirkyData : IDisposable
    {
        public QuirkyData() => SyntheticGenerator.Write(Folder.Path, new SyntheticOptions(4_000, 7));

        public TempFolder Folder { get; } = new();

        public string PriorLines => Folder.File(InputFiles.PriorLines);

        public void Dispose() => Folder.Dispose();
    }

    [Fact]
    public void Answers_ParallelAndSequential_AreTheSameText()
    {
        // Ranges of 40,000 lines split this data into 16 ranges: the merge and every group-by run range by range.
        string Answers(int degree, int minPerRange)
        {
            using var loaded = InstacartData.Load(data.Folder.Path, options: null, cache: null, new Parallelism(degree, minPerRange));
            return AnswersDocument.ToText(AnswersDocument.Compute(loaded));
        }

        var plain = Answers(1, Parallelism.DefaultMinPerRange);
        Assert.Equal(plain, Answers(2, Parallelism.DefaultMinPerRange));
        Assert.Equal(plain, Answers(1, 40_000));
        Assert.Equal(plain, Answers(2, 40_000));
        Assert.Equal(plain, Answers(5, 40_000));
    }

    [Fact]
    public void Answers_ParallelPath_MatchTheApprovedSampleSnapshot()
    {
        using var loaded = InstacartData.Load(RepoPaths.DataSample, options: null, cache: null, new Parallelism(3, 1_000));
        var text = AnswersDocument.ToText(AnswersDocument.Compute(loaded));
        var approved = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "Instacart.Analysis.Tests", "Answers", "approved", "data-sample.answers.json"));
        Assert.Equal(approved, text);
    }

    [Fact]
    public void Merge_UnknownOrderInALaterRange_ReportsTheFirstOneInFileOrder()
    {
        // The lines again in between, with other products and cart positions: no (order, product) or (order, cart) repeats.
        var again = string.Concat(TinyData.PriorLines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split(',')).Select(f => $"{f[0]},{int.Parse(f[1]) + 100},{int.Parse(f[2]) + 10},{f[3]}\n"));
        using var temp = TinyData.Write(new Dictionary<string, string>
        {
            [InputFiles.PriorLines] = TinyData.PriorLines + "999,1,1,0\n" + again + "998,1,1,0\n",
        });
        string Error(int degree)
        {
            return Assert.Throws<InputException>(() => InstacartData.Load(temp.Path, options: null, cache: null, new Parallelism(degree, 2))).Message;
        }

        Assert.Equal(Error(1), Error(3));
        Assert.Contains("'999'", Error(3), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public void LinesRanges_TakeTheFastPath_AndEqualTheSequentialRead(int threads)
    {
        var plain = OrderLinesLoader.LoadSequential(data.PriorLines);
        var fast = OrderLinesLoader.TryLoadRanges(data.PriorLines, threads);
        Assert.NotNull(fast);
        AssertSame(plain, fast);
    }

    [Fact]
    public void LinesRanges_CartsBelow256_KeepsThemOneByteEach()
    {
        var fast = OrderLinesLoader.TryLoadRanges(data.PriorLines, 3);

        Assert.NotNull(fast);
        Assert.NotNull(fast.Cart.Narrow);
        Assert.Equal(OrderLinesLoader.LoadSequential(data.PriorLines).AddToCartOrder, fast.AddToCartOrder);
    }

    [Fact]
    public void LinesRanges_ACartAbove255_ParsesAgainWithIntsAndEqualsTheSequentialRead()
    {
        using var temp = new TempFolder();
        var path = temp.File(InputFiles.PriorLines);
        var text = new StringBuilder("order_id,product_id,add_to_cart_order,reordered\n");
        for (var i = 0; i < 50_000; i++)
        {
            // Order 7000 holds 300 lines: its later positions need more than a byte.
            var (order, cart) = i < 300 ? (7_000, i + 1) : (i / 7, (i % 7) + 1);
            text.Append(order).Append(',').Append(i % 997).Append(',').Append(cart).Append(',').Append(i % 2).Append('\n');
        }

        File.WriteAllText(path, text.ToString());

        var fast = OrderLinesLoader.TryLoadRanges(path, 4);

        Assert.NotNull(fast);
        Assert.Null(fast.Cart.Narrow);
        AssertSame(OrderLinesLoader.LoadSequential(path), fast);
        Assert.Equal(300, fast.AddToCartOrder[299]);
    }

    [Theory]
    [InlineData("\n", true)]
    [InlineData("\r\n", true)]
    [InlineData("\n", false)]
    [InlineData("\r\n", false)]
    public void LinesRanges_LineEndingsBomAndNoFinalBreak_EqualTheSequentialRead(string newline, bool bom)
    {
        using var temp = new TempFolder();
        var path = temp.File(InputFiles.PriorLines);
        var text = new StringBuilder("order_id,product_id,add_to_cart_order,reordered").Append(newline);
        for (var i = 0; i < 50_000; i++)
        {
            text.Append(i / 7).Append(',').Append(i % 997).Append(',').Append((i % 7) + 1).Append(',').Append(i % 2);
            if (i < 49_999)
            {
                text.Append(newline);
            }
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(bom));
        var plain = OrderLinesLoader.LoadSequential(path);
        Assert.Equal(50_000, plain.Count);
        AssertSame(plain, OrderLinesLoader.Load(path, threads: 4, minBytes: 0));
    }

    [Theory]
    [InlineData("49000,12,3,x")]
    [InlineData("49000,12,0,1")]
    [InlineData("49000,12,3")]
    [InlineData("")]
    [InlineData("49000,\"12\n\",3,1")]
    [InlineData("49000,-12,3,1")]
    public void LinesRanges_BadRecordDeepInTheFile_GivesTheSequentialError(string bad)
    {
        using var temp = new TempFolder();
        var path = temp.File(InputFiles.PriorLines);
        var text = new StringBuilder("order_id,product_id,add_to_cart_order,reordered\n");
        for (var i = 0; i < 60_000; i++)
        {
            text.Append(i == 45_000 ? bad : $"{i / 7},{i % 997},{(i % 7) + 1},{i % 2}").Append('\n');
        }

        File.WriteAllText(path, text.ToString());
        var plain = Assert.Throws<InputException>(() => OrderLinesLoader.LoadSequential(path));
        var fast = Assert.Throws<InputException>(() => OrderLinesLoader.Load(path, threads: 4, minBytes: 0));
        Assert.Equal(plain.Message, fast.Message);
        Assert.Null(OrderLinesLoader.TryLoadRanges(path, 4));
    }

    private static void AssertSame(OrderLinesTable expected, OrderLinesTable actual)
    {
        Assert.Equal(expected.FileName, actual.FileName);
        Assert.Equal(expected.OrderId, actual.OrderId);
        Assert.Equal(expected.ProductId, actual.ProductId);
        Assert.Equal(expected.AddToCartOrder, actual.AddToCartOrder);
        Assert.Equal(expected.Reordered, actual.Reordered);
    }
}
