using Instacart.Analysis.Answers;
using Instacart.Analysis.Prediction;
using Instacart.Analysis.Tests.Fixtures;
using Instacart.Analysis.Tests.References;
using Instacart.Data;
using Instacart.Data.Cache;
using Instacart.Data.Derivation;
using Instacart.Data.Input;
using Instacart.Data.Lines;
using Instacart.Synthetic;

namespace Instacart.Analysis.Tests.Performance;

/// <summary>
/// Real exports are not always sorted. The same data with the data rows of <c>orders.csv</c> and both line files
/// shuffled (neither orders grouped by customer nor lines by order) takes the grouped paths (<see cref="RowGroups"/>:
/// the pair check and the totals); it answers with the same bytes as the sorted files, from CSV and from the cache,
/// every path equals the plain reference, and a repeated pair is reported as the rule says, by file order.
/// </summary>
public sealed class ShuffledInputTests : IClassFixture<ShuffledInputTests.SortedAndShuffled>
{
    private readonly SortedAndShuffled data;

    public ShuffledInputTests(SortedAndShuffled data) => this.data = data;

    /// <summary>Generated data with every quirk (sorted, as the generator writes it) and a copy with its rows shuffled.</summary>
    public sealed class SortedAndShuffled : IDisposable
    {
        public SortedAndShuffled()
        {
            SyntheticGenerator.Write(Sorted.Path, new SyntheticOptions(3_000, 11));
            foreach (var file in Directory.GetFiles(Sorted.Path))
            {
                var name = Path.GetFileName(file);
                var shuffle = name is InputFiles.Orders or InputFiles.PriorLines or InputFiles.TrainLines;
                File.WriteAllBytes(Shuffled.File(name), shuffle ? ShuffleRows(File.ReadAllBytes(file), seed: name.Length) : File.ReadAllBytes(file));
            }
        }

        public TempFolder Sorted { get; } = new();

        public TempFolder Shuffled { get; } = new();

        public void Dispose()
        {
            Sorted.Dispose();
            Shuffled.Dispose();
        }
    }

    /// <summary>The header line first, then the data lines (each with its line break) in a seeded random order.</summary>
    internal static byte[] ShuffleRows(byte[] file, int seed)
    {
        var text = System.Text.Encoding.UTF8.GetString(file);
        var header = text.IndexOf('\n', StringComparison.Ordinal) + 1;
        var rows = text[header..].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        new Random(seed).Shuffle(rows);
        return System.Text.Encoding.UTF8.GetBytes(text[..header] + string.Concat(rows.Select(row => row + "\n")));
    }

    /// <summary>
    /// A copy of <paramref name="folder"/> laid out as the shop's own files are: the line files' data rows by
    /// <c>order_id</c> (stable, each order's lines in their order), everything else as it is.
    /// </summary>
    internal static TempFolder ByOrderIdCopy(string folder, params string[] lineFiles)
    {
        var copy = new TempFolder();
        foreach (var file in Directory.GetFiles(folder))
        {
            var name = Path.GetFileName(file);
            var lines = File.ReadAllLines(file);
            File.WriteAllLines(
                copy.File(name),
                lineFiles.Contains(name)
                    ? [lines[0], .. lines.Skip(1).OrderBy(line => int.Parse(line[..line.IndexOf(',', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture))]
                    : lines);
        }

        return copy;
    }

    private static string Answers(InstacartData loaded) => AnswersDocument.ToText(AnswersDocument.Compute(loaded));

    private static string Answers(string folder, Parallelism parallelism, AnalysisOptions? options = null)
    {
        using var loaded = InstacartData.Load(folder, options, cache: null, parallelism);
        return Answers(loaded);
    }

    [Fact]
    public void Files_AreShuffled_NeitherOrdersByCustomerNorLinesByOrder()
    {
        var sorted = OrderLinesLoader.Load(data.Sorted.File(InputFiles.PriorLines));
        var shuffled = OrderLinesLoader.Load(data.Shuffled.File(InputFiles.PriorLines));
        static int Runs(int[] ids) => 1 + Enumerable.Range(1, ids.Length - 1).Count(i => ids[i] != ids[i - 1]);
        Assert.Equal(sorted.Count, shuffled.Count);
        Assert.True(Runs(shuffled.OrderId) * 2 > shuffled.Count, "lines not in runs of one order");
        Assert.True(Runs(sorted.OrderId) * 2 <= sorted.Count, "the generator writes each order's lines together");
    }

    [Theory]
    [InlineData(1, Parallelism.DefaultMinPerRange)]
    [InlineData(2, 20_000)]
    [InlineData(5, 7_000)]
    public void Answers_ShuffledFromCsv_AreTheSortedBytes(int degree, int minPerRange)
    {
        var parallelism = new Parallelism(degree, minPerRange);
        var sorted = Answers(data.Sorted.Path, new Parallelism(1));
        Assert.Equal(sorted, Answers(data.Shuffled.Path, parallelism));
        Assert.Equal(sorted, Answers(data.Sorted.Path, parallelism));
    }

    [Theory]
    [InlineData(1, Parallelism.DefaultMinPerRange)]
    [InlineData(3, 9_000)]
    public void Answers_LinesSortedByOrderId_AreTheFileOrderBytes(int degree, int minPerRange)
    {
        // The shop's own files list lines by order_id, and orders by customer: each order's lines are together, but
        // not in the orders table's order, so the merge finds each run's order in the index rather than on the next row.
        using var byOrderId = ByOrderIdCopy(data.Sorted.Path, InputFiles.PriorLines);

        var parallelism = new Parallelism(degree, minPerRange);
        using var loaded = InstacartData.Load(byOrderId.Path, options: null, cache: null, parallelism);
        var orderIds = loaded.Input.PriorLines.OrderId;
        Assert.True(Enumerable.Range(1, orderIds.Length - 1).All(i => orderIds[i - 1] <= orderIds[i]), "lines by order_id");
        Assert.Equal(Answers(data.Sorted.Path, new Parallelism(1)), Answers(loaded));
    }

    [Fact]
    public void Answers_ShuffledFromAFreshAndAReadCacheEntry_AreTheSortedBytes()
    {
        using var cacheRoot = new TempFolder();
        var cache = new CacheOptions(cacheRoot.Path);
        var sorted = Answers(data.Sorted.Path, new Parallelism(1));

        using (var written = InstacartData.Load(data.Shuffled.Path, null, cache))
        {
            Assert.Equal(CacheUse.Written, written.Cache.Use);
            Assert.Equal(sorted, Answers(written));
        }

        using (var read = InstacartData.Load(data.Shuffled.Path, null, cache))
        {
            Assert.Equal(CacheUse.Hit, read.Cache.Use);
            Assert.Equal(sorted, Answers(read));
        }

        // Another price limit totals the cached (shuffled) merged lines anew: the grouped totals from the cache.
        var cheap = AnalysisOptions.Default with { PriceOutlierAbove = 12 };
        using var anew = InstacartData.Load(data.Shuffled.Path, cheap, cache);
        Assert.Equal(Answers(data.Sorted.Path, new Parallelism(1), cheap), Answers(anew));
    }

    [Fact]
    public void FolderAnswers_ShuffledFromTheKeptState_AreTheSortedBytes()
    {
        using var cacheRoot = new TempFolder();
        var cache = new CacheOptions(cacheRoot.Path);
        var sorted = Answers(data.Sorted.Path, new Parallelism(1));

        foreach (var expectKept in new[] { false, true })
        {
            using var answers = FolderAnswers.Compute(data.Shuffled.Path, null, cache);
            Assert.Equal(expectKept, answers.FromKeptState);
            Assert.Equal(sorted, AnswersDocument.ToText(answers.Document));
        }
    }

    [Fact]
    public void CartPositions_ShuffledLinesFromTheKeptPositions_AreThoseMadeFromTheCsv()
    {
        using var cacheRoot = new TempFolder();
        var cache = new CacheOptions(cacheRoot.Path);
        using var fromCsv = InstacartData.Load(data.Shuffled.Path, null, null);
        var expected = CandidateTable.CartPositions(fromCsv);
        using (var written = InstacartData.Load(data.Shuffled.Path, null, cache))
        {
            Assert.Equal(expected, CandidateTable.CartPositions(written));
        }

        using var read = InstacartData.Load(data.Shuffled.Path, null, cache);
        Assert.Equal(expected, CandidateTable.CartPositions(read));
    }

    [Theory]
    [InlineData(1, Parallelism.DefaultMinPerRange)]
    [InlineData(3, 9_000)]
    public void GroupBys_Shuffled_EqualTheReference(int degree, int minPerRange)
    {
        using var loaded = InstacartData.Load(data.Shuffled.Path, options: null, cache: null, new Parallelism(degree, minPerRange));
        Assert.Empty(GroupByCases.Differences(loaded));
    }

    [Fact]
    public void Totals_Shuffled_EqualTheSortedTotalsOrderByOrder()
    {
        using var sorted = InstacartData.Load(data.Sorted.Path, options: null, cache: null, new Parallelism(1));
        using var shuffled = InstacartData.Load(data.Shuffled.Path, options: null, cache: null, new Parallelism(3, 9_000));

        // The orders table rows differ: compare by order id.
        var rowOf = shuffled.Orders.OrderId.Select((id, row) => (id, row)).ToDictionary(p => p.id, p => p.row);
        for (var o = 0; o < sorted.Orders.Count; o++)
        {
            var s = rowOf[sorted.Orders.OrderId[o]];
            Assert.Equal(sorted.Totals.OrderLines[o], shuffled.Totals.OrderLines[s]);
            Assert.Equal(sorted.Totals.OrderRevenueUnits[o], shuffled.Totals.OrderRevenueUnits[s]);
            Assert.Equal(sorted.Totals.OrderDepartments![o], shuffled.Totals.OrderDepartments![s]);
        }

        Assert.Equal(sorted.Totals.ProductLines, shuffled.Totals.ProductLines);
        Assert.Equal(sorted.Totals.CustomerDepartmentLines, shuffled.Totals.CustomerDepartmentLines);
        Assert.Equal(sorted.Totals.CustomerMedianDays, shuffled.Totals.CustomerMedianDays);
    }

    [Fact]
    public void CartPositions_SortedLines_TheMatchByPairEqualsTheFileOrderWalk()
    {
        using var sorted = InstacartData.Load(data.Sorted.Path, options: null, cache: null, new Parallelism(1));

        var walked = CandidateTable.CartPositionsInFileOrder(sorted, sorted.Input.PriorLines);

        Assert.NotNull(walked);
        Assert.Equal(walked, CandidateTable.CartPositionsByPair(sorted, sorted.Input.PriorLines));
    }

    [Fact]
    public void CartPositions_ShuffledLines_GiveEachLineThePositionItHasInTheSortedFiles()
    {
        using var sorted = InstacartData.Load(data.Sorted.Path, options: null, cache: null, new Parallelism(1));
        using var shuffled = InstacartData.Load(data.Shuffled.Path, options: null, cache: null, new Parallelism(3, 9_000));

        // Merged in the grouping by order, not in file order: the walk cannot match them, the pairs can.
        Assert.Null(CandidateTable.CartPositionsInFileOrder(shuffled, shuffled.Input.PriorLines));
        static Dictionary<(int Order, int Product), int> ByIds(InstacartData loaded, int[] cart) =>
            Enumerable.Range(0, cart.Length).ToDictionary(
                m => (loaded.Orders.OrderId[loaded.Lines.Order[m]], loaded.Products.ProductId[loaded.Lines.Product[m]]),
                m => cart[m]);
        var expected = ByIds(sorted, CandidateTable.CartPositions(sorted));
        var actual = ByIds(shuffled, CandidateTable.CartPositions(shuffled));
        Assert.Equal(expected.Count, actual.Count);
        Assert.All(expected, pair => Assert.Equal(pair.Value, actual[pair.Key]));
    }

    [Fact]
    public void ReorderModel_ShuffledLines_IsFitted()
    {
        using var shuffled = InstacartData.Load(data.Shuffled.Path, options: null, cache: null, new Parallelism(1));

        var answer = ReorderPrediction.Compute(shuffled);

        Assert.All(answer.Models, model => Assert.InRange(model.Auc, 0.5, 1.0));
    }

    [Theory]
    [InlineData(1, Parallelism.DefaultMinPerRange)]
    [InlineData(3, 9_000)]
    public void Merge_ShuffledLinesInTheChecksGrouping_EqualsTheFileOrderMergeInRowOrder(int degree, int minPerRange)
    {
        // The pair check keeps its grouping of shuffled lines for the merge; the merge in it makes the same lines
        // and counts as the merge in file order, each order's lines together in file order, orders in the orders
        // table's row order (the ids are dense: each order's group is found by arithmetic).
        var parallelism = new Parallelism(degree, minPerRange);
        using var loaded = InstacartData.Load(data.Shuffled.Path, options: null, cache: null, parallelism);
        var input = loaded.Input;
        var prior = OrderLinesLoader.Load(data.Shuffled.File(InputFiles.PriorLines), degree, 1, parallelism);
        Assert.Null(loaded.Input.PriorLines.TakeByOrder());
        var byOrder = prior.TakeByOrder();
        Assert.NotNull(byOrder);
        Assert.True(byOrder.IsDense);
        Assert.Null(prior.TakeByOrder());
        var orderIndex = LineMerge.OrderIndex(input.Orders);
        var grouped = LineMerge.Build(input.Orders, prior, loaded.Products, input.Customers, orderIndex, parallelism, byOrder);
        var fileOrder = LineMerge.Build(input.Orders, prior, loaded.Products, input.Customers, orderIndex, parallelism);

        Assert.Equal((fileOrder.LinesJoinedOrders, fileOrder.LinesWithoutProduct, fileOrder.LinesWithoutCustomer), (grouped.LinesJoinedOrders, grouped.LinesWithoutProduct, grouped.LinesWithoutCustomer));
        Assert.Equal(fileOrder.OrderCustomer, grouped.OrderCustomer);
        var expected = Enumerable.Range(0, fileOrder.Lines.Count)
            .Select(i => (Order: fileOrder.Lines.Order[i], Product: fileOrder.Lines.Product[i], Reordered: fileOrder.Lines.Reordered[i]))
            .OrderBy(line => line.Order)
            .ToArray();
        var actual = Enumerable.Range(0, grouped.Lines.Count).Select(i => (grouped.Lines.Order[i], grouped.Lines.Product[i], grouped.Lines.Reordered[i])).ToArray();
        Assert.Equal(expected, actual);
        Assert.Equal(loaded.Lines.Order, grouped.Lines.Order);

        // The lines in file order (shuffled) take the totals' own grouping, and total the same.
        var totals = LineTotals.Compute(fileOrder.Lines, fileOrder.OrderCustomer, loaded.Products, input.Orders, input.Customers.Count, loaded.Totals.Departments, parallelism);
        Assert.Equal(loaded.Totals.OrderLines, totals.OrderLines);
        Assert.Equal(loaded.Totals.OrderRevenueUnits, totals.OrderRevenueUnits);
        Assert.Equal(loaded.Totals.ProductReordered, totals.ProductReordered);
        Assert.Equal(loaded.Totals.CustomerDepartmentLines, totals.CustomerDepartmentLines);
    }

    [Theory]
    [InlineData(1, Parallelism.DefaultMinPerRange)]
    [InlineData(3, 9_000)]
    public void Merge_ShuffledLinesWithSparseOrderIds_EqualsTheFileOrderMergeByOrderId(int degree, int minPerRange)
    {
        // Order ids far apart: the grouping has one group per distinct id, found by search, not arithmetic; the merge
        // then reads the groups in id order, and makes the same lines and counts as the merge in file order.
        using var folder = new TempFolder();
        foreach (var file in Directory.GetFiles(data.Shuffled.Path))
        {
            var name = Path.GetFileName(file);
            var spread = name is InputFiles.Orders or InputFiles.PriorLines or InputFiles.TrainLines;
            File.WriteAllLines(folder.File(name), spread ? File.ReadAllLines(file).Select((line, i) => i == 0 ? line : SpreadOrderId(line)) : File.ReadAllLines(file));
        }

        static string SpreadOrderId(string line)
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            return $"{(long.Parse(line[..comma], System.Globalization.CultureInfo.InvariantCulture) * 1_000) + 7}{line[comma..]}";
        }

        var parallelism = new Parallelism(degree, minPerRange);
        using var loaded = InstacartData.Load(folder.Path, options: null, cache: null, parallelism);
        var input = loaded.Input;
        var prior = OrderLinesLoader.Load(folder.File(InputFiles.PriorLines), degree, 1, parallelism);
        var byOrder = prior.TakeByOrder();
        Assert.NotNull(byOrder);
        Assert.False(byOrder.IsDense);
        var orderIndex = LineMerge.OrderIndex(input.Orders);
        var grouped = LineMerge.Build(input.Orders, prior, loaded.Products, input.Customers, orderIndex, parallelism, byOrder);
        var fileOrder = LineMerge.Build(input.Orders, prior, loaded.Products, input.Customers, orderIndex, parallelism);

        Assert.Equal((fileOrder.LinesJoinedOrders, fileOrder.LinesWithoutProduct, fileOrder.LinesWithoutCustomer), (grouped.LinesJoinedOrders, grouped.LinesWithoutProduct, grouped.LinesWithoutCustomer));
        var expected = Enumerable.Range(0, fileOrder.Lines.Count)
            .Select(i => (Order: fileOrder.Lines.Order[i], Product: fileOrder.Lines.Product[i], Reordered: fileOrder.Lines.Reordered[i]))
            .OrderBy(line => input.Orders.OrderId[line.Order])
            .ToArray();
        Assert.Equal(expected, Enumerable.Range(0, grouped.Lines.Count).Select(i => (grouped.Lines.Order[i], grouped.Lines.Product[i], grouped.Lines.Reordered[i])).ToArray());
        using var sortedLoad = InstacartData.Load(data.Sorted.Path, options: null, cache: null, parallelism);
        Assert.Equal(Answers(sortedLoad), Answers(loaded));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(3, false)]
    [InlineData(1, true)]
    [InlineData(3, true)]
    public void Load_UnknownOrdersInShuffledLines_NamesTheFirstInFileOrder(int degree, bool amongTheIds)
    {
        // Two lines of orders not in orders.csv, the one with the larger id first: the error names the first line.
        // Among the ids (just past the largest of orders.csv), the grouping stays one group per id, and the merge in row order,
        // which walks the orders, must still find the groups no order has.
        var lines = File.ReadAllText(data.Shuffled.File(InputFiles.PriorLines)).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        var largest = File.ReadLines(data.Shuffled.File(InputFiles.Orders)).Skip(1).Max(line => int.Parse(line[..line.IndexOf(',', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture));
        var (unknown, smaller) = amongTheIds ? (largest + 2, largest + 1) : (99999999, 99999998);
        var at = lines.Count - 20;
        lines.Insert(at, $"{unknown},1,1,0");
        lines.Insert(lines.Count - 5, $"{smaller},1,1,0");
        using var folder = new TempFolder();
        foreach (var file in Directory.GetFiles(data.Shuffled.Path))
        {
            File.Copy(file, folder.File(Path.GetFileName(file)));
        }

        File.WriteAllText(folder.File(InputFiles.PriorLines), string.Join('\n', lines) + "\n");
        var error = Assert.Throws<InputException>(() => InstacartData.Load(folder.Path, AnalysisOptions.Default, cache: null, new Parallelism(degree, 9_000)));

        Assert.Equal($"order_products__prior.csv: line {at + 1}, column 1 (order_id): expected an order_id of orders.csv, found '{unknown}'", error.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Load_RepeatedPairInShuffledLines_NamesTheFirstRepeatInFileOrderAndTheLineItRepeats(int degree)
    {
        // Two repeats: line 2's product again near the end, and a cart position of a later line again after it.
        var text = File.ReadAllText(data.Shuffled.File(InputFiles.PriorLines));
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        var first = lines[1].Split(',');
        var other = lines[1000].Split(',');
        var repeatAt = lines.Count - 10;
        lines.Insert(repeatAt, $"{first[0]},{first[1]},999,0");
        lines.Insert(lines.Count - 5, $"{other[0]},999999,{other[2]},0");
        using var folder = new TempFolder();
        foreach (var file in Directory.GetFiles(data.Shuffled.Path))
        {
            File.Copy(file, folder.File(Path.GetFileName(file)));
        }

        File.WriteAllText(folder.File(InputFiles.PriorLines), string.Join('\n', lines) + "\n");
        var error = Assert.Throws<InputException>(() => InstacartData.Load(folder.Path, AnalysisOptions.Default, cache: null, new Parallelism(degree, 9_000)));

        Assert.Equal(
            $"order_products__prior.csv: line {repeatAt + 1}, column 2 (product_id): expected a unique (order_id, product_id), found order_id {first[0]} with product_id {first[1]}, already on line 2",
            error.Message);
    }

    [Theory]
    [InlineData(1, 1 << 20)]
    [InlineData(2, 5_000)]
    [InlineData(5, 3_000)]
    public void Find_ShuffledLines_MatchesAPlainSetOfKeptPairs(int degree, int minPerRange)
    {
        var random = new Random(61);
        foreach (var (repeats, sparseIds, bigValues) in new[] { (false, false, false), (true, false, false), (false, true, false), (true, true, true), (false, false, true) })
        {
            // Orders of one to twenty lines, products distinct within an order, carts 1..n, then every line shuffled;
            // with repeats, a few lines of an order copy another line's product or cart position.
            var orderId = new List<int>();
            var productId = new List<int>();
            var cartOrder = new List<int>();
            for (var order = 0; order < 3_000; order++)
            {
                var n = random.Next(1, 21);
                var products = Enumerable.Range(0, 5_000).OrderBy(_ => random.Next()).Take(n).ToArray();
                for (var k = 0; k < n; k++)
                {
                    orderId.Add(sparseIds ? (order * 500_000) - 1_000_000_000 : order + 1);
                    productId.Add(bigValues ? products[k] * 1_000 : products[k]);
                    cartOrder.Add(bigValues ? (k + 1) * 2_000 : k + 1);
                }
            }

            var rows = Enumerable.Range(0, orderId.Count).OrderBy(_ => random.Next()).ToArray();
            int[] ids = [.. rows.Select(r => orderId[r])], products2 = [.. rows.Select(r => productId[r])], carts = [.. rows.Select(r => cartOrder[r])];
            if (repeats)
            {
                for (var k = 0; k < 20; k++)
                {
                    var a = random.Next(ids.Length);
                    var b = Array.FindIndex(ids, a + 1, id => id == ids[a]);
                    if (b > 0)
                    {
                        (k % 2 == 0 ? products2 : carts)[b] = (k % 2 == 0 ? products2 : carts)[a];
                    }
                }
            }

            var parallelism = new Parallelism(degree, minPerRange);
            var expected = ReferenceLinePairs.Repeats(ids, products2, carts);
            Assert.Equal(repeats, expected.Count > 0);
            Assert.Equal(expected, UniqueLinePairs.Find(ids, products2, carts, all: true, parallelism));
            Assert.Equal(expected.Take(1), UniqueLinePairs.Find(ids, products2, carts, all: false, parallelism));
        }
    }

    [Theory]
    [InlineData(1, 1 << 20)]
    [InlineData(4, 500)]
    public void RowGroups_AnyKeys_AreAStableSortByKey(int degree, int minPerRange)
    {
        var random = new Random(3);
        var parallelism = new Parallelism(degree, minPerRange);
        foreach (var (count, spread, offset) in new[] { (0, 1, 0), (1, 1, 5), (70_000, 1_000, 0), (200_000, 150_000, -7), (50_000, 3_000_000, 100), (90_000, int.MaxValue, int.MinValue) })
        {
            var keys = new int[count];
            for (var i = 0; i < count; i++)
            {
                keys[i] = (int)(offset + (random.NextInt64(spread) * (spread == int.MaxValue ? 2 : 1)));
            }

            var groups = RowGroups.ByKey(keys, parallelism);
            var expected = Enumerable.Range(0, count).OrderBy(i => keys[i]).ToArray();
            Assert.Equal(expected, groups.Rows);
            long last = long.MinValue;
            for (var g = 0; g < groups.Count; g++)
            {
                var group = groups[g].ToArray();
                if (group.Length > 0)
                {
                    Assert.True(group.All(row => keys[row] == keys[group[0]]), "one key per group");
                    Assert.True(keys[group[0]] > last, "groups in key order");
                    last = keys[group[0]];
                }
            }

            Assert.Equal(groups.Count, groups.Ranges(parallelism).Sum(range => range.End - range.Start));

            // A value kept instead of each row's number lands in the row's place; each group's key is named.
            var kept = RowGroups.ByKey(keys, new Times(3), parallelism);
            Assert.Equal(expected.Select(row => row * 3), kept.Rows);
            for (var g = 0; g < kept.Count; g++)
            {
                Assert.All(kept[g].ToArray(), value => Assert.Equal(keys[value / 3], kept.KeyOf(g)));
            }
        }
    }

    /// <summary>A row's number times a factor.</summary>
    private readonly struct Times(int factor) : RowGroups.IRowValue
    {
        public int Of(int row) => row * factor;
    }
}
