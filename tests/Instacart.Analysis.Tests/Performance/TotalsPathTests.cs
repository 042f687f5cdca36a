using Instacart.Analysis.Answers;
using Instacart.Analysis.Questions;
using Instacart.Analysis.Tests.Fixtures;
using Instacart.Analysis.Tests.References;
using Instacart.Data.Cleaning;
using Instacart.Data.Input;
using Instacart.Data.Lines;
using Instacart.Data;

namespace Instacart.Analysis.Tests.Performance;

/// <summary>
/// The group-bys over per-order, per-product and per-customer totals (<see cref="LineTotals"/>), and the parallel line
/// path where the totals cannot serve, give exactly what the plain line-by-line reference gives
/// (<see cref="ReferenceGroupBy"/>), however the work is split; and revenue is the exact sum of the decimal prices.
/// </summary>
public sealed class TotalsPathTests : IClassFixture<ParallelPathTests.QuirkyData>
{
    private readonly ParallelPathTests.QuirkyData data;

    public TotalsPathTests(ParallelPathTests.QuirkyData data) => this.data = data;

    private static List<string> Differences(string folder, int degree, int minPerRange = Parallelism.DefaultMinPerRange)
    {
        using var loaded = InstacartData.Load(folder, options: null, cache: null, new Parallelism(degree, minPerRange));
        return GroupByCases.Differences(loaded);
    }

    private static string Answers(string folder, int degree, int minPerRange = Parallelism.DefaultMinPerRange)
    {
        using var loaded = InstacartData.Load(folder, options: null, cache: null, new Parallelism(degree, minPerRange));
        return AnswersDocument.ToText(AnswersDocument.Compute(loaded));
    }

    [Theory]
    [InlineData(1, Parallelism.DefaultMinPerRange)]
    [InlineData(2, 40_000)]
    [InlineData(5, 40_000)]
    public void GroupBys_EveryKindAndNeed_EqualTheReference(int degree, int minPerRange)
    {
        Assert.Empty(Differences(data.Folder.Path, degree, minPerRange));
    }

    [Fact]
    public void GroupBys_OnTheSample_EqualTheReference_AndTheAnswersTheApprovedSnapshot()
    {
        var approved = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "Instacart.Analysis.Tests", "Answers", "approved", "data-sample.answers.json"));
        Assert.Equal(approved, Answers(RepoPaths.DataSample, degree: 3, minPerRange: 1_000));
        Assert.Empty(Differences(RepoPaths.DataSample, degree: 3, minPerRange: 1_000));
    }

    [Theory]
    [InlineData(1, Parallelism.DefaultMinPerRange)]
    [InlineData(2, 40_000)]
    [InlineData(5, 40_000)]
    public void Totals_LinesByOrderId_TheRowOrderPassEqualsTheFileOrderPass(int degree, int minPerRange)
    {
        // The shop's own layout: lines by order_id, orders by customer. The pass in the orders' row order is taken and
        // totals what the file-order pass totals from the same orders with the lines in the orders' order.
        using var byOrderId = ShuffledInputTests.ByOrderIdCopy(data.Folder.Path, InputFiles.PriorLines, InputFiles.TrainLines);

        var parallelism = new Parallelism(degree, minPerRange);
        using var sorted = InstacartData.Load(data.Folder.Path, options: null, cache: null, parallelism);
        using var loaded = InstacartData.Load(byOrderId.Path, options: null, cache: null, parallelism);
        var departments = sorted.Totals.Departments;
        var rowOrder = LineTotals.InRowOrder(loaded.Lines, loaded.Merge.OrderCustomer, loaded.Products, loaded.Orders.Count, loaded.Input.Customers.Count, departments, parallelism);

        Assert.NotNull(rowOrder);
        var fileOrder = sorted.Totals;
        Assert.Equal(fileOrder.OrderLines, rowOrder.OrderLines);
        Assert.Equal(fileOrder.OrderReordered, rowOrder.OrderReordered);
        Assert.Equal(fileOrder.OrderKnownPriceLines, rowOrder.OrderKnownPriceLines);
        Assert.Equal(fileOrder.OrderRevenueUnits, rowOrder.OrderRevenueUnits);
        Assert.Equal(fileOrder.OrderDepartments, rowOrder.OrderDepartments);
        Assert.Equal(fileOrder.ProductLines, rowOrder.ProductLines);
        Assert.Equal(fileOrder.ProductReordered, rowOrder.ProductReordered);
        Assert.Equal(fileOrder.CustomerDepartmentLines, rowOrder.CustomerDepartmentLines);
        Assert.Equal(fileOrder.CustomerDepartmentReordered, rowOrder.CustomerDepartmentReordered);
        Assert.Equal(fileOrder.CustomerMedianDays, loaded.Totals.CustomerMedianDays);
        Assert.Empty(GroupByCases.Differences(loaded));

        // Lines in the orders' order take the file-order pass, which reads them in sequence.
        Assert.Null(LineTotals.InRowOrder(sorted.Lines, sorted.Merge.OrderCustomer, sorted.Products, sorted.Orders.Count, sorted.Input.Customers.Count, departments, parallelism));
    }

    [Fact]
    public void Totals_RowOrderPass_CountsWhatALoopCounts_AndIsNotTakenWhereItCannotBe()
    {
        // 2,000 orders of 1,000 customers (two each, together), one to three lines each, the orders' runs in a random
        // order: the row-order pass totals what a plain loop over the lines counts. It is not taken where a customer's
        // orders are apart (each worker writes its customers' cells) or an order's lines are in two runs.
        const int orders = 2_000, customers = 1_000, departments = 4;
        var products = new ProductCatalog([11, 12, 13], ["a", "b", "c"], [1, 1, 1], [1, 2, 3], [1.5, double.NaN, 2.25]);
        var random = new Random(5);
        var runOrder = Enumerable.Range(0, orders).ToArray();
        random.Shuffle(runOrder);
        var lines = runOrder.SelectMany(o => Enumerable.Range(0, 1 + (o % 3)).Select(k => (Order: o, Product: (o + k) % 3, Reordered: (byte)((o + k) % 2)))).ToArray();
        var table = new LineTable([.. lines.Select(l => l.Order)], [.. lines.Select(l => l.Product)], [.. lines.Select(l => l.Reordered)]);
        var grouped = Enumerable.Range(0, orders).Select(o => o / 2).ToArray();
        var parallelism = new Parallelism(3, 300);

        var totals = LineTotals.InRowOrder(table, grouped, products, orders, customers, departments, parallelism);

        Assert.NotNull(totals);
        var cells = new int[customers * departments];
        var cellsReordered = new int[customers * departments];
        var orderLines = new int[orders];
        foreach (var (order, product, reordered) in lines)
        {
            orderLines[order]++;
            cells[(grouped[order] * departments) + products.DepartmentId[product]]++;
            cellsReordered[(grouped[order] * departments) + products.DepartmentId[product]] += reordered;
        }

        Assert.Equal(orderLines, totals.OrderLines);
        Assert.Equal(cells, totals.CustomerDepartmentLines);
        Assert.Equal(cellsReordered, totals.CustomerDepartmentReordered);
        Assert.Equal(lines.Count(l => l.Product != 1), totals.OrderKnownPriceLines.Sum());
        Assert.Equal(lines.Sum(l => l.Reordered), totals.ProductReordered.Sum());

        var apart = Enumerable.Range(0, orders).Select(o => o % customers).ToArray();
        Assert.Null(LineTotals.InRowOrder(table, apart, products, orders, customers, departments, parallelism));
        var withoutCustomerBetween = (int[])grouped.Clone();
        withoutCustomerBetween[1] = withoutCustomerBetween[2] = -1; // customer 0's orders are rows 0 and 3 (a cut could fall between them)
        withoutCustomerBetween[3] = 0;
        Assert.Null(LineTotals.InRowOrder(table, withoutCustomerBetween, products, orders, customers, departments, parallelism));
        var twoRuns = new LineTable([.. table.Order, table.Order[0]], [.. table.Product, 0], [.. table.Reordered, 0]);
        Assert.Null(LineTotals.InRowOrder(twoRuns, grouped, products, orders, customers, departments, parallelism));
    }

    [Fact]
    public void Totals_LinesOfOneOrderSplitAcrossRanges_EqualTheReference()
    {
        // Order 101's lines are at both ends of the file, so two ranges would both write its totals: the pass must
        // notice and redo the totals on one thread.
        var split = TinyData.PriorLines.Replace("101,2,2,0\n", string.Empty, StringComparison.Ordinal) + "101,2,2,0\n";
        using var temp = TinyData.Write(new Dictionary<string, string> { [InputFiles.PriorLines] = split });
        Assert.Empty(Differences(temp.Path, degree: 3, minPerRange: 2));
        Assert.Equal(Answers(temp.Path, degree: 1), Answers(temp.Path, degree: 3, minPerRange: 2));

        using var loaded = InstacartData.Load(temp.Path, options: null, cache: null, new Parallelism(3, 2));
        var order101 = loaded.Orders.OrderId.AsSpan().IndexOf(101);
        Assert.Equal(2, loaded.Totals.OrderLines[order101]);
    }

    [Theory]
    [InlineData("8.5")]
    [InlineData("12.25")]
    public void GroupBys_DaysThatAreNotSmallWholeNumbers_StillEqualTheReference(string days)
    {
        // Medians of such days cannot be counted per whole day: the totals path takes the orders' bit sets instead.
        var orders = TinyData.Orders.Replace("202,2,prior,2,0,10,10.0", "202,2,prior,2,0,10," + days, StringComparison.Ordinal);
        using var temp = TinyData.Write(new Dictionary<string, string> { [InputFiles.Orders] = orders });
        Assert.Empty(Differences(temp.Path, degree: 1));
        Assert.Empty(Differences(temp.Path, degree: 3, minPerRange: 2));
        Assert.Equal(Answers(temp.Path, degree: 1), Answers(temp.Path, degree: 3, minPerRange: 2));
    }

    [Fact]
    public void CustomerMedians_OrdersOfACustomerApart_EqualThoseOfGroupedOrders()
    {
        // Customers' orders listed together take the run path; moved apart, the counting-sort path. Same medians.
        var rows = TinyData.Orders.TrimEnd('\n').Split('\n');
        var apart = string.Join('\n', [rows[0], rows[6], .. rows[1..6], .. rows[7..]]) + "\n";
        using var grouped = TinyData.Write();
        using var shuffled = TinyData.Write(new Dictionary<string, string> { [InputFiles.Orders] = apart });
        var a = InstacartData.Load(grouped.Path, options: null, cache: null).Customers;
        var b = InstacartData.Load(shuffled.Path, options: null, cache: null).Customers;
        Assert.Equal(a.MedianDays, b.MedianDays);
        Assert.Equal(15.0, a.MedianDays[1]); // user 2: 10, 10, 20, 30
        Assert.True(double.IsNaN(a.MedianDays[2]));
    }

    [Fact]
    public void MedianOfFew_RandomDays_EqualsTheSortingMedian()
    {
        var random = new Random(5);
        for (var round = 0; round < 2_000; round++)
        {
            var values = new float[random.Next(0, 90)];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = round % 2 == 0 ? random.Next(0, 31) : (float)(random.NextDouble() * 30);
            }

            var expected = Instacart.Data.Derivation.Rules.Median(values.ToArray());
            var actual = CustomerOrderFacts.MedianOfFew(values);
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Totals_EveryOrderProductAndCustomer_AddUpToTheMergedLines()
    {
        var loaded = InstacartData.Load(data.Folder.Path, options: null, cache: null);
        var totals = loaded.Totals;
        Assert.Equal(loaded.Lines.Count, totals.OrderLines.Sum(n => (long)n));
        Assert.Equal(loaded.Lines.Count, totals.ProductLines.Sum(n => (long)n));
        Assert.Equal(loaded.Lines.Count, totals.CustomerDepartmentLines!.Sum(n => (long)n));
        Assert.Equal(loaded.Lines.Reordered.Sum(r => (long)r), totals.OrderReordered.Sum(n => (long)n));
        Assert.Equal(loaded.Lines.Reordered.Sum(r => (long)r), totals.CustomerDepartmentReordered!.Sum(n => (long)n));
        Assert.Equal(loaded.Lines.Count, totals.CustomerLines.Sum(n => (long)n));
        Assert.Equal(totals.OrderLines.Count(n => n > 0), totals.CustomerOrders.Sum(n => (long)n));
        Assert.Equal(totals.OrderRevenueUnits.Sum(), totals.CustomerRevenueUnits.Sum());
    }

    [Fact]
    public void Revenue_ManyPricesWithOneDecimal_IsTheExactDecimalSum()
    {
        // 0.1 added ten times as doubles is 0.9999999999999999; the decimal prices sum to exactly 1.
        var scale = ExactPrices.Scale([0.1, 2.25, double.NaN, 100], out var units);
        Assert.Equal(100, scale);
        Assert.Equal([10L, 225, -1, 10_000], units);
        Assert.Equal(1.0, ExactPrices.ToDouble(Enumerable.Repeat((Int128)units[0], 10).Aggregate((a, b) => a + b), scale));
        Assert.NotEqual(1.0, Enumerable.Repeat(0.1, 10).Sum());
    }

    [Fact]
    public void Revenue_OnTheSample_IsTheDecimalSumRoundedAtSixDigits()
    {
        // The sample's Early-birds revenue is exactly 209,927.5 (worked out with decimal arithmetic); a running
        // double sum of its 27,344 prices gives 209,927.49999999 and would round to 209,927.
        var loaded = InstacartData.Load(RepoPaths.DataSample, options: null, cache: null);
        var early = TimeSegments.Compute(loaded).Rows.Single(r => r.TimeSegment == Instacart.Data.Derivation.TimeSegment.EarlyBirds);
        Assert.Equal(27_344, early.Lines);
        Assert.Equal(209_927.5, early.Revenue);
    }

    [Fact]
    public void Scale_PricesWithManyDecimals_KeepAtMostNineAndStayExactIntegers()
    {
        var scale = ExactPrices.Scale([1.0 / 3, 7], out var units);
        Assert.Equal(1_000_000_000, scale);
        Assert.Equal(333_333_333, units[0]);
        Assert.Equal(7_000_000_000, units[1]);

        // A huge price keeps fewer decimals so that its unit count stays below 2^53.
        var big = ExactPrices.Scale([1e15 + 0.5, 0.25], out var bigUnits);
        Assert.Equal(1, big);
        Assert.True(bigUnits[0] < (1L << 53));
    }
}
