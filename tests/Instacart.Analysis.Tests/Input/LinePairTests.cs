using System.Text;
using Instacart.Analysis.Answers;
using Instacart.Analysis.Tests.Fixtures;
using Instacart.Analysis.Tests.References;
using Instacart.Data.Derivation;
using Instacart.Data.Input;
using Instacart.Data.Lines;
using Instacart.Data;

namespace Instacart.Analysis.Tests.Input;

/// <summary>
/// SPEC §3: in both line files <c>(order_id, product_id)</c> and <c>(order_id, add_to_cart_order)</c> are unique. A
/// repeat is bad input naming its line and the line it repeats; under skip it is left out and counted once.
/// </summary>
public class LinePairTests
{
    private const string Prior = "order_products__prior.csv";
    private const string ProductReason = "product_id: expected a unique (order_id, product_id)";
    private const string CartReason = "add_to_cart_order: expected a unique (order_id, add_to_cart_order)";
    private const string Header = "order_id,product_id,add_to_cart_order,reordered\n";
    private static readonly AnalysisOptions Skip = AnalysisOptions.Default with { OnBadRows = BadRowPolicy.Skip };

    private static InputException LoadFails(string file, string text)
    {
        using var folder = TinyData.Write(new Dictionary<string, string> { [file] = text });
        return Assert.Throws<InputException>(() => InstacartData.Load(folder.Path, AnalysisOptions.Default, cache: null));
    }

    [Fact]
    public void Load_RepeatedProductInPriorLines_NamesTheLineAndTheFirstLine()
    {
        // Order 101's first line (line 2) holds product 1; line 18 is order 101 with product 1 again.
        var error = LoadFails(Prior, TinyData.PriorLines + "101,1,3,0\n");

        Assert.Equal(
            "order_products__prior.csv: line 18, column 2 (product_id): expected a unique (order_id, product_id), found order_id 101 with product_id 1, already on line 2",
            error.Message);
    }

    [Fact]
    public void Load_RepeatedCartPositionInPriorLines_NamesTheLineAndTheFirstLine()
    {
        // A swapped-in product at a cart position order 101 already uses (2, line 3).
        var error = LoadFails(Prior, TinyData.PriorLines + "101,3,2,0\n");

        Assert.Equal(
            "order_products__prior.csv: line 18, column 3 (add_to_cart_order): expected a unique (order_id, add_to_cart_order), found order_id 101 with add_to_cart_order 2, already on line 3",
            error.Message);
    }

    [Theory]
    [InlineData("105,1,3,0\n", 2, "product_id 1, already on line 2")]
    [InlineData("105,7,2,0\n", 3, "add_to_cart_order 2, already on line 3")]
    public void Load_RepeatedPairInTrainLines_NamesTheTrainFile(string repeat, int column, string found)
    {
        var error = LoadFails("order_products__train.csv", TinyData.TrainLines + repeat);

        Assert.Equal(("order_products__train.csv", 4L, column), (error.File, error.Line, error.Column));
        Assert.EndsWith(found, error.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ExactlyRepeatedRow_IsReportedAsARepeatedProduct()
    {
        var error = LoadFails(Prior, TinyData.PriorLines.Replace("103,3,1,0\n", "103,3,1,0\n103,3,1,0\n"));

        Assert.Equal((7L, 2), (error.Line, error.Column));
        Assert.EndsWith("already on line 6", error.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TheFileAppendedToItself_ReportsTheFirstRepeatInFileOrder()
    {
        // Every order comes back in a second run: the check of whole orders finds line 18 repeating line 2.
        var error = LoadFails(Prior, TinyData.PriorLines + TinyData.PriorLines.Split('\n', 2)[1]);

        Assert.Equal((18L, 2), (error.Line, error.Column));
        Assert.EndsWith("already on line 2", error.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AnOrdersLinesInTwoRunsWithoutARepeat_IsAccepted()
    {
        // Order 101 gets a third line after other orders' lines: unusual, but no pair repeats.
        using var folder = TinyData.Write(new Dictionary<string, string> { [Prior] = TinyData.PriorLines + "101,3,3,0\n" });

        var data = InstacartData.Load(folder.Path, AnalysisOptions.Default, cache: null);

        Assert.Equal(17, data.Reconciliation.OrderLinesRows);
    }

    [Fact]
    public void Load_SkipPolicy_LeavesRepeatsOutCountsEachOnceAndAnswersAsTheOriginal()
    {
        // The last three lines again (105's line, then 501's two), a swapped cart position, and an exact repeat
        // that repeats both pairs (counted once, as a product).
        var repeated = TinyData.PriorLines + "501,1,1,0\n501,4,2,0\n105,1,1,1\n" + "204,7,1,0\n" + "203,2,1,1\n";
        using var broken = TinyData.Write(new Dictionary<string, string> { [Prior] = repeated });
        using var clean = TinyData.Write();

        var skipped = InstacartData.Load(broken.Path, Skip, cache: null);
        var expected = InstacartData.Load(clean.Path, AnalysisOptions.Default, cache: null);

        Assert.Equal(5, skipped.BadRows.Total);
        var groups = skipped.BadRows.Groups.Select(g => (g.File, g.Reason, g.Rows)).ToList();
        Assert.Equal([(Prior, CartReason, 1L), (Prior, ProductReason, 4L)], groups);
        var product = skipped.BadRows.Groups.Single(g => g.Reason == ProductReason);
        Assert.Equal([18L, 19L, 20L], product.Examples.Select(e => long.Parse(e.Split("line ")[1].Split(',')[0], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.StartsWith("order_products__prior.csv: line 18, column 2 (product_id)", product.Examples[0], StringComparison.Ordinal);
        Assert.EndsWith("already on line 15", product.Examples[0], StringComparison.Ordinal);
        Assert.EndsWith("already on line 13", skipped.BadRows.Groups.Single(g => g.Reason == CartReason).Examples[0], StringComparison.Ordinal);
        Assert.Equal(expected.Reconciliation, skipped.Reconciliation);
        Assert.True(skipped.Reconciliation.AddsUp);
        Assert.Equal(AnswersDocument.ToText(AnswersDocument.Compute(expected)), AnswersDocument.ToText(AnswersDocument.Compute(skipped)));
    }

    [Fact]
    public void Load_SkipPolicy_RepeatAfterASkippedBadRow_KeepsTrueFileLines()
    {
        // Line 3 does not parse and is skipped; the repeat on line 18 of line 4 must still say 18 and 4.
        var lines = TinyData.PriorLines.Replace("101,2,2,0", "101,2.5,2,0") + "102,1,3,0\n";
        using var folder = TinyData.Write(new Dictionary<string, string> { [Prior] = lines });

        var data = InstacartData.Load(folder.Path, Skip, cache: null);

        var example = Assert.Single(data.BadRows.Groups.Single(g => g.Reason == ProductReason).Examples);
        Assert.Equal("order_products__prior.csv: line 18, column 2 (product_id): expected a unique (order_id, product_id), found order_id 102 with product_id 1, already on line 4", example);
        Assert.Equal(15, data.Reconciliation.OrderLinesRows);
        Assert.True(data.Reconciliation.AddsUp);
    }

    [Fact]
    public void Check_SkipPolicy_KeptRowsKeepTheirFileLines()
    {
        using var temp = new TempFolder();
        var path = temp.File(Prior);
        File.WriteAllText(path, Header + "1,1,1,0\n1,x,2,0\n1,1,2,0\n1,2,2,0\n2,5,1,0\n1,2,3,0\n3,1,1,0\n");
        var log = new BadRowLog(BadRowPolicy.Skip);

        var lines = OrderLinesLoader.Load(path, log);

        // Kept: lines 2, 5 and 6, 8; line 3 does not parse, line 4 repeats (1, 1), line 7 repeats (1, 2).
        Assert.Equal([1, 1, 2, 3], lines.OrderId);
        Assert.Equal([2L, 5L, 6L, 8L], Enumerable.Range(0, lines.Count).Select(lines.LineOf));
        Assert.Equal(3, log.Total);
    }

    [Fact]
    public void Check_SkipPolicy_ALineDroppedAsARepeatIsNoOnesFirst()
    {
        using var temp = new TempFolder();
        var path = temp.File(Prior);
        // Line 3 repeats line 2's product and goes; line 4 then repeats no kept line (cart 2 is free again).
        File.WriteAllText(path, Header + "1,1,1,0\n1,1,2,0\n1,2,2,0\n");
        var log = new BadRowLog(BadRowPolicy.Skip);

        var lines = OrderLinesLoader.Load(path, log);

        Assert.Equal([1, 2], lines.ProductId);
        Assert.Equal(1, log.Total);
    }

    [Theory]
    [InlineData(1, 1 << 20)]
    [InlineData(2, 1_000)]
    [InlineData(4, 1_000)]
    [InlineData(3, 777)]
    public void Load_RepeatDeepInALargeFile_FastAndSequentialPathsGiveTheSameError(int degree, int minPerRange)
    {
        using var temp = new TempFolder();
        var path = temp.File(Prior);
        // Orders of seven lines; line 45,003 (row 45,001, order 6,428) takes the product of the line before it.
        var text = new StringBuilder(Header);
        for (var i = 0; i < 60_000; i++)
        {
            var product = i == 45_001 ? 45_000 % 997 : i % 997;
            text.Append(i / 7).Append(',').Append(product).Append(',').Append((i % 7) + 1).Append(',').Append(i % 2).Append('\n');
        }

        File.WriteAllText(path, text.ToString());
        string Error(int threads)
        {
            return Assert.Throws<InputException>(() => OrderLinesLoader.Load(path, threads, minBytes: 0, new Parallelism(degree, minPerRange))).Message;
        }

        var sequential = Error(1);
        Assert.Equal(sequential, Error(4));
        Assert.Equal("order_products__prior.csv: line 45003, column 2 (product_id): expected a unique (order_id, product_id), found order_id 6428 with product_id 135, already on line 45002", sequential);
        Assert.NotNull(OrderLinesLoader.TryLoadRanges(path, 4));
    }

    [Theory]
    [InlineData(1, 1 << 20)]
    [InlineData(2, 50)]
    [InlineData(5, 13)]
    public void Find_RandomLines_MatchesAPlainSetOfKeptPairs(int degree, int minPerRange)
    {
        var random = new Random(20240611);
        for (var round = 0; round < 200; round++)
        {
            // Few orders, products and cart positions, so that repeats, split orders and both pairs at once all occur.
            var count = random.Next(0, 400);
            var orders = random.Next(1, 40);
            var contiguous = round % 3 != 0;
            var orderId = new int[count];
            var productId = new int[count];
            var cartOrder = new int[count];
            for (var i = 0; i < count; i++)
            {
                orderId[i] = contiguous ? (int)((long)i * orders / Math.Max(1, count)) : random.Next(orders) * (round % 5 == 0 ? 40_000_000 : 1);
                productId[i] = random.Next(round % 2 == 0 ? 30 : 5_000_000);
                cartOrder[i] = random.Next(1, 25);
            }

            var parallelism = new Parallelism(degree, minPerRange);
            var expected = ReferenceLinePairs.Repeats(orderId, productId, cartOrder);
            Assert.Equal(expected, UniqueLinePairs.Find(orderId, productId, cartOrder, all: true, parallelism));
            Assert.Equal(expected.Take(1), UniqueLinePairs.Find(orderId, productId, cartOrder, all: false, parallelism));
        }
    }

    [Fact]
    public void Find_LongRunsInOrder_FindsTheRepeatsAsAPlainSetDoes()
    {
        // Runs longer than the pair-by-pair search, with cart positions 1, 2, 3, ... and one of them shuffled.
        var orderId = new int[3_000];
        var productId = new int[3_000];
        var cartOrder = new int[3_000];
        for (var i = 0; i < orderId.Length; i++)
        {
            (orderId[i], productId[i], cartOrder[i]) = (i / 100, (i * 7) % 100, (i % 100) + 1);
        }

        productId[250] = productId[240];
        (cartOrder[1_510], cartOrder[1_590]) = (cartOrder[1_590], cartOrder[1_510]);
        cartOrder[2_020] = cartOrder[2_090];

        var found = UniqueLinePairs.Find(orderId, productId, cartOrder, all: true);

        Assert.Equal(ReferenceLinePairs.Repeats(orderId, productId, cartOrder), found);
        Assert.Equal([250, 2_090], found.Select(r => r.Row));
    }

    [Fact]
    public void RealSubset_BothLineFiles_HaveNoRepeatedPair()
    {
        if (RepoPaths.RealData is not { } real || !Directory.Exists(Path.Combine(real, "orders-subset")))
        {
            return;
        }

        foreach (var file in new[] { Prior, "order_products__train.csv" })
        {
            var path = Path.Combine(real, "orders-subset", file);
            var lines = OrderLinesLoader.LoadSequential(path);
            Assert.Empty(UniqueLinePairs.Find(lines.OrderId, lines.ProductId, lines.AddToCartOrder, all: true));
            Assert.Equal(lines.Count, OrderLinesLoader.Load(path).Count);
        }
    }
}
