using System.Globalization;
using System.Text;
using Instacart.Analysis.Prediction;
using Instacart.Analysis.Tests.Fixtures;
using Instacart.Data;

namespace Instacart.Analysis.Tests.Prediction;

/// <summary>
/// TinyData, train target: user 1's train order 105 holds products 1 and 3; their prior orders with merged lines are
/// 101 {1, 2} (cart 1, 2), 102 {1} and 103 {3} (104 has none); user 2 has a test order, so only user 1 is eligible.
/// </summary>
public class CandidateTableTests
{
    private static readonly Lazy<InstacartData> Sample = new(() => InstacartData.Load(RepoPaths.DataSample));

    private static float Feature(CandidateTable table, int row, string key) =>
        table.Features[ReorderFeature.All.ToList().FindIndex(f => f.Key == key)][row];

    [Fact]
    public void Build_TinyTrainTarget_GivesTheHandWorkedFeatures()
    {
        var table = CandidateTable.Build(TinyData.Load(), new PredictionOptions { TestShare = 0 });

        Assert.Equal(PredictionTarget.Train, table.Target);
        Assert.Equal(1, table.UsersEligible);
        Assert.Equal([1, 1, 1], table.UserId);
        Assert.Equal([1, 2, 3], table.ProductId);
        Assert.Equal([true, false, true], table.Label);
        for (var r = 0; r < 3; r++)
        {
            Assert.Equal(3f, Feature(table, r, "user_orders"));                 // 101, 102, 103
            Assert.Equal(4 / 3f, Feature(table, r, "user_basket_size"), 6);     // 4 lines
            Assert.Equal(0.25f, Feature(table, r, "user_reorder_rate"), 6);     // only 102-p1
            Assert.Equal(10f, Feature(table, r, "user_mean_days"), 6);          // 8 and 12 (101 has none)
        }

        // Product 1: lines 101, 102, 204; buyers users 1 (twice) and 2 (once) → half bought again.
        Assert.Equal(3f, Feature(table, 0, "product_orders"));
        Assert.Equal(0.5f, Feature(table, 0, "product_reorder_probability"));
        Assert.Equal(3f, Feature(table, 0, "department"));
        Assert.Equal(2f, Feature(table, 0, "user_product_orders"));
        Assert.Equal(2 / 3f, Feature(table, 0, "user_product_order_share"), 6);
        Assert.Equal(1f, Feature(table, 0, "user_product_orders_since_last"));  // last order 3, bought in 2
        Assert.Equal(1f, Feature(table, 0, "user_product_mean_cart_position"));
        // Product 2: bought by users 1 and 2 once each; second in user 1's cart; 2 orders ago.
        Assert.Equal(0f, Feature(table, 1, "product_reorder_probability"));
        Assert.Equal(2f, Feature(table, 1, "user_product_orders_since_last"));
        Assert.Equal(2f, Feature(table, 1, "user_product_mean_cart_position"));
        Assert.Equal(0f, Feature(table, 2, "user_product_orders_since_last"));
        Assert.Equal(2, table.TargetLines);
        Assert.Equal(0, table.TargetLinesNew);
    }

    [Fact]
    public void Build_TinyWithoutTrainFile_HoldsOutTheLastPriorOrder()
    {
        using var folder = TinyData.Write(new Dictionary<string, string> { ["order_products__train.csv"] = null! });
        var table = CandidateTable.Build(InstacartData.Load(folder.Path), new PredictionOptions { TestShare = 0 });

        // User 1: target 103 {3}, history 101 {1, 2}, 102 {1}. User 2: target 205 {5}, history 201–204.
        Assert.Equal(PredictionTarget.LastPrior, table.Target);
        Assert.Equal(2, table.UsersEligible);
        Assert.Equal([(1, 1), (1, 2), (2, 1), (2, 2), (2, 5), (2, 6), (2, 7)], table.UserId.Zip(table.ProductId));
        Assert.Equal([false, false, false, false, true, false, false], table.Label);
        Assert.Equal(2f, Feature(table, 0, "user_orders"));
        Assert.Equal(8f, Feature(table, 0, "user_mean_days"));
        Assert.Equal(1f, Feature(table, 0, "user_product_order_share"));
        // Product 3 was bought only in user 1's held-out order: no product line counts it; product 5's history
        // is user 2's orders 201 and 202 (205 is held out).
        Assert.Equal(2f, Feature(table, 4, "product_orders"));
        Assert.Equal(1f, Feature(table, 4, "product_reorder_probability"));
        Assert.Equal(4f, Feature(table, 4, "user_orders"));
        Assert.Equal(20f, Feature(table, 4, "user_mean_days"));                 // 10, 20, 30
        Assert.Equal(2f, Feature(table, 4, "user_product_orders_since_last"));  // last order 4, bought in 2
        Assert.Equal(1 / 3f, Feature(table, 4, "user_reorder_rate"), 6);        // 202-p5 and 203-p2 of 6 lines
    }

    [Fact]
    public void Build_AlteredTrainOrderLines_LeaveEveryFeatureUnchanged()
    {
        // Swap every train line's kept product for another kept one (a shift of the catalogue, so an order's
        // products stay distinct; a product not kept stays as it is): labels move, features must not.
        var data = Sample.Value;
        var products = data.Products.ProductId;
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.DataSample, "order_products__train.csv"));
        var altered = new StringBuilder(lines[0] + "\n");
        foreach (var line in lines.Skip(1))
        {
            var f = line.Split(',');
            var row = data.Products.IndexOf(int.Parse(f[1], CultureInfo.InvariantCulture));
            var swapped = row < 0 ? int.Parse(f[1], CultureInfo.InvariantCulture) : products[(row + 7) % products.Length];
            altered.Append(CultureInfo.InvariantCulture, $"{f[0]},{swapped},{f[2]},{f[3]}\n");
        }

        using var folder = CopyOfSample(("order_products__train.csv", altered.ToString()));
        var original = CandidateTable.Build(data);
        var changed = CandidateTable.Build(InstacartData.Load(folder.Path));

        Assert.Equal(PredictionTarget.Train, changed.Target);
        AssertSameFeatures(original, changed);
        Assert.NotEqual(original.Label, changed.Label);
    }

    [Fact]
    public void Build_AlteredHeldOutPriorOrders_LeaveEveryFeatureUnchanged()
    {
        // Without the train file each user's last prior order is held out. Change the products of those orders
        // (to other kept products, so the orders keep their merged lines): labels move, features must not.
        var data = Sample.Value;
        var orders = data.Orders;
        var last = new Dictionary<int, (int Number, int OrderId)>();
        for (var o = 0; o < orders.Count; o++)
        {
            if (orders.EvalSet[o] == Instacart.Data.Input.EvalSet.Prior && (!last.TryGetValue(orders.UserId[o], out var seen) || orders.OrderNumber[o] > seen.Number))
            {
                last[orders.UserId[o]] = (orders.OrderNumber[o], orders.OrderId[o]);
            }
        }

        var heldOut = last.Values.Select(v => v.OrderId).ToHashSet();
        var products = data.Products.ProductId;
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.DataSample, "order_products__prior.csv"));
        var altered = new StringBuilder(lines[0] + "\n");
        var changedLines = 0;
        foreach (var line in lines.Skip(1))
        {
            var f = line.Split(',');
            var row = data.Products.IndexOf(int.Parse(f[1], CultureInfo.InvariantCulture));
            if (heldOut.Contains(int.Parse(f[0], CultureInfo.InvariantCulture)) && row >= 0)
            {
                altered.Append(CultureInfo.InvariantCulture, $"{f[0]},{products[(row + 7) % products.Length]},{f[2]},{f[3]}\n");
                changedLines++;
            }
            else
            {
                altered.Append(line).Append('\n');
            }
        }

        using var before = CopyOfSample(("order_products__train.csv", null));
        using var after = CopyOfSample(("order_products__train.csv", null), ("order_products__prior.csv", altered.ToString()));
        var original = CandidateTable.Build(InstacartData.Load(before.Path));
        var changed = CandidateTable.Build(InstacartData.Load(after.Path));

        Assert.True(changedLines > 1_000);
        Assert.Equal(PredictionTarget.LastPrior, changed.Target);
        AssertSameFeatures(original, changed);
        Assert.NotEqual(original.Label, changed.Label);
    }

    [Fact]
    public void Build_Sample_SplitsByUser()
    {
        var table = CandidateTable.Build(Sample.Value);
        var testUsers = table.UserId.Where((_, r) => table.IsTest[r]).ToHashSet();
        var trainUsers = table.UserId.Where((_, r) => !table.IsTest[r]).ToHashSet();

        Assert.Empty(testUsers.Intersect(trainUsers));
        Assert.Equal(table.UsersTest, testUsers.Count);
        Assert.Equal(table.UsersTrain, trainUsers.Count);
        Assert.Equal(0.2, (double)testUsers.Count / (testUsers.Count + trainUsers.Count), 2);
    }

    [Fact]
    public void Build_Cap_TakesWholeUsersWithTheSameRows()
    {
        var full = CandidateTable.Build(Sample.Value);
        var capped = CandidateTable.Build(Sample.Value, new PredictionOptions { MaxTrainCandidates = 4_000, MaxTestCandidates = 1_000 });

        Assert.InRange(capped.Count - capped.TestRows, 3_000, 4_000);
        Assert.InRange(capped.TestRows, 500, 1_000);
        Assert.Equal(full.CandidatesEligible, capped.CandidatesEligible);
        var users = capped.UserId.ToHashSet();
        var fullRows = Enumerable.Range(0, full.Count).Where(r => users.Contains(full.UserId[r])).ToArray();
        Assert.Equal(fullRows.Length, capped.Count);                 // every sampled user keeps all their rows
        Assert.Equal(fullRows.Select(r => full.IsTest[r]), capped.IsTest);
        for (var f = 0; f < ReorderFeature.All.Count; f++)
        {
            Assert.Equal(fullRows.Select(r => full.Features[f][r]), capped.Features[f]);
        }
    }

    [Fact]
    public void Build_SmallerTrainingCap_KeepsTheSameTestRows()
    {
        var wide = CandidateTable.Build(Sample.Value, new PredictionOptions { MaxTestCandidates = 2_000 });
        var narrow = CandidateTable.Build(Sample.Value, new PredictionOptions { MaxTrainCandidates = 3_000, MaxTestCandidates = 2_000 });

        Assert.True(narrow.Count - narrow.TestRows < wide.Count - wide.TestRows);
        Assert.Equal(TestRowKeys(wide), TestRowKeys(narrow));
        Assert.Equal(wide.UsersTest, narrow.UsersTest);
    }

    [Fact]
    public void Build_SameSeed_GivesTheSameTable_AnotherSeedAnotherSplit()
    {
        var a = CandidateTable.Build(Sample.Value);
        var b = CandidateTable.Build(Sample.Value);
        var c = CandidateTable.Build(Sample.Value, new PredictionOptions { Seed = 7 });

        Assert.Equal(a.IsTest, b.IsTest);
        AssertSameFeatures(a, b);
        Assert.NotEqual(a.IsTest, c.IsTest);
    }

    private static (int User, int Product)[] TestRowKeys(CandidateTable table) =>
        Enumerable.Range(0, table.Count).Where(r => table.IsTest[r]).Select(r => (table.UserId[r], table.ProductId[r])).ToArray();

    private static void AssertSameFeatures(CandidateTable expected, CandidateTable actual)
    {
        Assert.Equal(expected.UserId, actual.UserId);
        Assert.Equal(expected.ProductId, actual.ProductId);
        Assert.Equal(expected.IsTest, actual.IsTest);
        for (var f = 0; f < ReorderFeature.All.Count; f++)
        {
            Assert.Equal(expected.Features[f], actual.Features[f]);
        }
    }

    private static TempFolder CopyOfSample(params (string Name, string? Text)[] replace)
    {
        var folder = new TempFolder();
        foreach (var file in Directory.GetFiles(RepoPaths.DataSample, "*.csv"))
        {
            File.Copy(file, folder.File(Path.GetFileName(file)));
        }

        foreach (var (name, text) in replace)
        {
            if (text is null)
            {
                File.Delete(folder.File(name));
            }
            else
            {
                File.WriteAllText(folder.File(name), text);
            }
        }

        return folder;
    }
}
