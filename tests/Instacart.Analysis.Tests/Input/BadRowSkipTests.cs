using Instacart.Analysis.Answers;
using Instacart.Analysis.Tests.Fixtures;
using Instacart.Data.Derivation;
using Instacart.Data.Input;
using Instacart.Data;

namespace Instacart.Analysis.Tests.Input;

/// <summary>
/// Under <c>--on-bad-rows skip</c> rows that break their schema are left out, counted per file and reason with
/// the first few quoted, and everything else is as if they had never been in the files.
/// </summary>
public class BadRowSkipTests
{
    private static readonly AnalysisOptions Skip = AnalysisOptions.Default with { OnBadRows = BadRowPolicy.Skip };

    // Three broken rows: a day out of range in orders, a decimal product id and a short record in the lines,
    // an empty age (and an invalid personal name) in customers. Their good twins are the tiny folder minus them.
    private static readonly string BrokenOrders = TinyData.Orders.Replace("501,5,prior,1,6,12,", "501,5,prior,1,9,12,");
    private static readonly string BrokenLines = TinyData.PriorLines.Replace("101,2,2,0", "101,2.5,2,0").Replace("203,2,1,1", "203,2,1");
    private static readonly string BrokenCustomers = TinyData.Customers.Replace("Ohio,65,", "Ohio,,").Replace("Bo,Ray", "B\u0001o,Ray");

    private static TempFolder Broken() => TinyData.Write(new Dictionary<string, string>
    {
        ["orders.csv"] = BrokenOrders,
        ["order_products__prior.csv"] = BrokenLines,
        ["customers.csv"] = BrokenCustomers,
    });

    [Fact]
    public void Load_FailPolicy_StopsAtTheFirstBadRow()
    {
        using var folder = Broken();

        Assert.Throws<InputException>(() => InstacartData.Load(folder.Path, AnalysisOptions.Default, cache: null));
    }

    [Fact]
    public void Load_SkipPolicy_CountsEachBadRowPerFileAndReasonWithItsLine()
    {
        using var folder = Broken();

        var data = InstacartData.Load(folder.Path, Skip, cache: null);

        Assert.Equal(7, data.BadRows.Total);
        Assert.Contains(data.BadRows.Groups, g => g.File == "order_products__prior.csv" && g.Reason == "order_id: expected an order_id of orders.csv" && g.Rows == 2);
        var groups = data.BadRows.Groups.Select(g => (g.File, g.Reason, g.Rows)).ToList();
        Assert.Contains(("orders.csv", "order_dow: expected an integer from 0 to 6", 1L), groups);
        Assert.Contains(("order_products__prior.csv", "product_id: expected an integer ≥ 0", 1L), groups);
        Assert.Contains(("order_products__prior.csv", "expected 4 comma-separated fields", 1L), groups);
        Assert.Contains(("customers.csv", "Age: expected an integer from 0 to 150", 1L), groups);
        Assert.Contains(("customers.csv", "First Name: expected text without control characters", 1L), groups);
        var age = data.BadRows.Groups.Single(g => g.Reason.StartsWith("Age", StringComparison.Ordinal));
        Assert.Equal("customers.csv: line 5, column 6 (Age): expected an integer from 0 to 150, found nothing (an empty field)", Assert.Single(age.Examples));
        Assert.DoesNotContain(data.BadRows.Groups.SelectMany(g => g.Examples), e => e.Contains("B\u0001o", StringComparison.Ordinal));
        Assert.True(data.Reconciliation.AddsUp);
    }

    [Fact]
    public void Load_SkipPolicy_AnswersEqualTheFilesWithoutTheBadRows()
    {
        using var broken = Broken();
        using var clean = TinyData.Write(new Dictionary<string, string>
        {
            ["orders.csv"] = string.Join('\n', BrokenOrders.Split('\n').Where(l => !l.StartsWith("501,", StringComparison.Ordinal))),
            ["order_products__prior.csv"] = string.Join('\n', BrokenLines.Split('\n').Where(l => l is not ("101,2.5,2,0" or "203,2,1") && !l.StartsWith("501,", StringComparison.Ordinal))),
            ["customers.csv"] = string.Join("\r\n", BrokenCustomers.Split("\r\n").Where(l => !l.StartsWith("4,", StringComparison.Ordinal) && !l.StartsWith("3,", StringComparison.Ordinal))),
        });

        var skipped = InstacartData.Load(broken.Path, Skip, cache: null);
        var expected = InstacartData.Load(clean.Path, AnalysisOptions.Default, cache: null);

        // Order 501's lines point to an order that was skipped: they are left out with it, as in the clean files.
        Assert.Equal(AnswersDocument.ToText(AnswersDocument.Compute(expected)), AnswersDocument.ToText(AnswersDocument.Compute(skipped)));
    }

    [Fact]
    public void Load_SkipPolicy_ABrokenKeyStillStopsTheLoadAtItsTrueLine()
    {
        // Line 3 is skipped (bad day); the repeated id on line 9 must still be reported as line 9, not 8.
        var orders = TinyData.Orders.Replace("102,1,prior,2,1,10,", "102,1,prior,2,8,10,").Replace("203,2,prior,3,3,16,", "201,2,prior,3,3,16,");
        using var folder = TinyData.Write(new Dictionary<string, string> { ["orders.csv"] = orders });

        var error = Assert.Throws<InputException>(() => InstacartData.Load(folder.Path, Skip, cache: null));

        Assert.Equal(("orders.csv", 9L, 1), (error.File, error.Line, error.Column));
        Assert.Contains("already on line 7", error.Found);
    }
}
