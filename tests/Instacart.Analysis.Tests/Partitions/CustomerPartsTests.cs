using Instacart.Data;
using Instacart.Data.Lines;
using Instacart.Data.Partitions;
using Instacart.Analysis.Tests.Fixtures;

namespace Instacart.Analysis.Tests.Partitions;

public class CustomerPartsTests
{
    [Fact]
    public void PartOf_SameId_GivesTheSamePartEveryTime()
    {
        // Pinned values (MurmurHash3 fmix32 of the id, mod 4): a change to the hash would move customers between the parts of a dataset already written.
        Assert.Equal([3, 2, 3, 1, 1], new[] { 1, 2, 3, 4, 5 }.Select(id => CustomerParts.PartOf(id, 4)).ToArray());
        Assert.All(Enumerable.Range(0, 1000), id => Assert.InRange(CustomerParts.PartOf(id, 7), 0, 6));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public void Split_DataSample_EveryRowInExactlyOnePartAndCountsAddUp(int parts)
    {
        using var whole = InstacartData.Load(RepoPaths.DataSample);
        var split = CustomerParts.Split(whole.Input, parts);
        Assert.Equal(parts, split.Count);
        Assert.Equal(whole.Orders.Count, split.Sum(p => p.Orders.Count));
        Assert.Equal(whole.Input.PriorLines.Count, split.Sum(p => p.PriorLines.Count));
        Assert.Equal(whole.Input.TrainLines?.Count, split.Sum(p => p.TrainLines?.Count));
        Assert.Equal(whole.Input.Customers.Count, split.Sum(p => p.Customers.Count));
        for (var p = 0; p < parts; p++)
        {
            Assert.All(split[p].Orders.UserId, u => Assert.Equal(p, CustomerParts.PartOf(u, parts)));
            Assert.All(split[p].Customers.UserId, u => Assert.Equal(p, CustomerParts.PartOf(u, parts)));
            using var data = InstacartData.FromTables(split[p], whole.Options, whole.Fingerprint, Parallelism.Default);
            Assert.Equal(split[p].Products.Count, data.Reconciliation.ProductsRows);
        }

        var loaded = split.Select(p => InstacartData.FromTables(p, whole.Options, whole.Fingerprint, Parallelism.Default)).ToList();
        Assert.Equal(whole.Lines.Count, loaded.Sum(d => (long)d.Lines.Count));
        Assert.Equal(whole.Reconciliation.CustomersActive, loaded.Sum(d => d.Reconciliation.CustomersActive));
        Assert.Equal(whole.Reconciliation.LinesActive, loaded.Sum(d => d.Reconciliation.LinesActive));
    }
}
