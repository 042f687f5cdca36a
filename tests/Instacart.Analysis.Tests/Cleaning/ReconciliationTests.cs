using Instacart.Analysis.Tests.Fixtures;

namespace Instacart.Analysis.Tests.Cleaning;

public class ReconciliationTests
{
    [Fact]
    public void Load_TinyData_CountsEveryStepAsWorkedOutByHand()
    {
        var r = TinyData.Load().Reconciliation;

        Assert.Equal(12, r.OrdersRows);
        Assert.Equal(10, r.PriorOrders);
        Assert.Equal(16, r.OrderLinesRows);
        Assert.Equal(9, r.ProductsRows);
        Assert.Equal(1, r.ProductsNameless);
        Assert.Equal(1, r.ProductsDuplicateRows);
        Assert.Equal(1, r.ProductsConflictingIds);
        Assert.Equal(6, r.ProductsKept);
        Assert.Equal(1, r.PriceOutliers);
        Assert.Equal(4, r.CustomersRows);
        Assert.Equal(15, r.LinesJoinedOrders);      // the line of train order 105 is not joined
        Assert.Equal(3, r.LinesWithoutProduct);     // 102-p4, 104-p9, 501-p4 (no customer either: counted once, as without product)
        Assert.Equal(1, r.LinesWithoutCustomer);    // 501-p1
        Assert.Equal(11, r.LinesMerged);
        Assert.Equal(1, r.CustomersActive);         // user 2 (max order 5); user 1 stops at 4
        Assert.Equal(7, r.LinesActive);
        Assert.True(r.AddsUp);
    }

    [Fact]
    public void Entries_AreInSpecOrderWithSnakeCaseKeys()
    {
        var keys = TinyData.Load().Reconciliation.Entries.Select(e => e.Key).ToArray();

        Assert.Equal(
            ["orders_rows", "prior_orders", "order_lines_rows", "products_rows", "products_nameless", "products_duplicate_rows",
             "products_conflicting_ids", "products_kept", "price_outliers", "customers_rows", "lines_joined_orders",
             "lines_without_product", "lines_without_customer", "lines_merged", "customers_active", "lines_active"],
            keys);
    }

    [Fact]
    public void EnsureAddsUp_BrokenIdentity_Throws()
    {
        var broken = TinyData.Load().Reconciliation with { LinesMerged = 10 };

        Assert.False(broken.AddsUp);
        Assert.Throws<InvalidOperationException>(() => broken.EnsureAddsUp());
    }
}
