using Instacart.Analysis.Questions;
using Instacart.Analysis.Tests.Fixtures;
using Instacart.Data;

namespace Instacart.Analysis.Tests.Questions;

public class ProductQuestionsTests
{
    private static readonly InstacartData Data = TinyData.Load();

    [Fact]
    public void PriceRanges_TinyData_CountsProductsLinesAndRevenuePerRange()
    {
        var rows = PriceRanges.Compute(Data).Rows;

        Assert.Equal(["High", "Low", "Mid", "Unknown"], rows.Select(r => Instacart.Data.Derivation.Labels.Of(r.PriceRange)));
        Assert.Equal([2L, 1, 1, 2], rows.Select(r => r.Products));    // High: 3 and 5; Unknown: 6 (outlier) and 7 (no price)
        Assert.Equal([4L, 3, 2, 2], rows.Select(r => r.Lines));
        Assert.Equal(315.1, rows[0].Revenue, 10);
        Assert.Equal(15, rows[1].Revenue, 10);
        Assert.Equal(30, rows[2].Revenue, 10);
        Assert.Equal(0, rows[3].Revenue);
    }

    [Fact]
    public void Departments_TinyData_ComputesRevenuePerOrderAndReorderRate()
    {
        var rows = Departments.Compute(Data).Rows;

        Assert.Equal([1, 2, 3], rows.Select(r => r.DepartmentId));
        Assert.Equal(["frozen", "babies", "produce"], rows.Select(r => r.Department));
        Assert.Equal([3L, 3, 5], rows.Select(r => r.Lines));
        Assert.Equal([3L, 3, 5], rows.Select(r => r.Orders));
        Assert.Equal(45.1, rows[0].Revenue, 10);
        Assert.Equal(45.1 / 3, rows[0].RevenuePerOrder!.Value, 10);
        Assert.Equal(1 / 3.0, rows[0].ReorderRate, 10);
        Assert.Equal(2 / 3.0, rows[1].ReorderRate, 10);
        Assert.Equal(0.2, rows[2].ReorderRate, 10);
        Assert.Equal(3, rows[2].RevenuePerOrder!.Value, 10);        // 15 over 5 orders (two lines unpriced)
    }
}
