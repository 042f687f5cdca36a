using System.Globalization;

namespace Instacart.Analysis.Tests.Synthetic;

/// <summary>
/// The 3,000-user run against the real data's marginals (SPEC §6). Tolerances are a few times the spread
/// seen between seeds at this size: they catch a wrong shape, not noise.
/// </summary>
[Collection(MediumSyntheticCollection.Name)]
public sealed class SyntheticMarginalTests(MediumSyntheticFixture fixture)
{
    private readonly SyntheticData _data = fixture.Data;

    private static readonly double[] RealLinesByDow = [6_204_182, 5_660_230, 4_213_830, 3_840_534, 3_783_802, 4_205_791, 4_496_490];

    private static readonly double[] RealOrdersByHour =
    [
        22_758, 12_398, 7_539, 5_474, 5_527, 9_569, 30_529, 91_868, 178_201, 257_812, 288_418, 284_728,
        272_841, 277_999, 283_042, 283_639, 272_553, 228_795, 182_912, 140_569, 104_292, 78_109, 61_468, 40_043,
    ];

    private static readonly Dictionary<string, double> RealDepartmentShare = new()
    {
        ["produce"] = 0.292, ["dairy eggs"] = 0.167, ["snacks"] = 0.089, ["beverages"] = 0.083, ["frozen"] = 0.069,
        ["pantry"] = 0.058, ["bakery"] = 0.036, ["canned goods"] = 0.033, ["deli"] = 0.032, ["dry goods pasta"] = 0.027,
        ["household"] = 0.023, ["breakfast"] = 0.022, ["meat seafood"] = 0.022, ["personal care"] = 0.014,
        ["babies"] = 0.013, ["international"] = 0.008, ["alcohol"] = 0.005, ["pets"] = 0.003, ["missing"] = 0.002,
        ["other"] = 0.001, ["bulk"] = 0.001,
    };

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    private Dictionary<int, string[]> OrdersById() => _data.Orders.ToDictionary(o => Int(o[0]));

    private static double[] Shares(IEnumerable<int> keys, int size)
    {
        var counts = new double[size];
        int n = 0;
        foreach (int k in keys)
        {
            counts[k]++;
            n++;
        }

        return counts.Select(c => c / n).ToArray();
    }

    [Fact]
    public void Write_LinesByDayOfWeek_AreProportionalToTheRealLines()
    {
        var orders = OrdersById();
        double[] shares = Shares(_data.Prior.Select(l => Int(orders[l[0]][4])), 7);
        double total = RealLinesByDow.Sum();
        for (int d = 0; d < 7; d++)
        {
            Assert.InRange(shares[d], RealLinesByDow[d] / total - 0.015, RealLinesByDow[d] / total + 0.015);
        }

        Assert.Equal(0, Array.IndexOf(shares, shares.Max())); // dow 0 is the busiest, as in the real data
    }

    [Fact]
    public void Write_OrdersByHour_HaveTheRealShapePeakingMidMorningWithANightTrough()
    {
        double[] shares = Shares(_data.Orders.Select(o => Int(o[5])), 24);
        double total = RealOrdersByHour.Sum();
        for (int h = 0; h < 24; h++)
        {
            Assert.InRange(shares[h], RealOrdersByHour[h] / total - 0.01, RealOrdersByHour[h] / total + 0.01);
        }

        Assert.All(Enumerable.Range(10, 6), h => Assert.True(shares[h] > 0.07, $"hour {h}"));
        Assert.InRange(Array.IndexOf(shares, shares.Min()), 2, 5);
        Assert.InRange(shares.Take(6).Sum(), 0.010, 0.030); // real: 1.85% of orders at 0–5 am
    }

    [Fact]
    public void Write_DepartmentSharesOfLines_AreLikeTheReal()
    {
        var departments = _data.DepartmentsWide[0];
        var firstRow = new Dictionary<int, int>();
        foreach (var p in _data.Products)
        {
            firstRow.TryAdd(Int(p[0]), Int(p[3]));
        }

        double[] shares = Shares(_data.Prior.Select(l => firstRow[l[1]]), 22);
        foreach (var (name, real) in RealDepartmentShare)
        {
            double share = shares[Array.IndexOf(departments, name)];
            double tolerance = Math.Max(0.01, real * 0.15);
            Assert.True(Math.Abs(share - real) <= tolerance, $"{name}: {share:P2} against {real:P1}");
        }
    }

    [Fact]
    public void Write_PriceRangesOfLines_AreMostlyMidAndLowWithFewHigh()
    {
        var price = new Dictionary<int, double>();
        foreach (var p in _data.Products)
        {
            price.TryAdd(Int(p[0]), double.Parse(p[4], CultureInfo.InvariantCulture));
        }

        var known = _data.Prior.Select(l => price[l[1]]).Where(p => p <= 100).ToList();
        double low = known.Count(p => p <= 5) / (double)known.Count;
        double high = known.Count(p => p > 15) / (double)known.Count;
        double mid = 1 - low - high;
        Assert.InRange(mid, 0.62, 0.73);  // real 0.675
        Assert.InRange(low, 0.26, 0.37);  // real 0.312
        Assert.InRange(high, 0.004, 0.035); // real 0.013
    }

    [Fact]
    public void Write_Baskets_AverageTenLinesWithALongTail()
    {
        var sizes = _data.Prior.GroupBy(l => l[0]).Select(g => g.Count()).ToList();
        Assert.InRange(sizes.Average(), 9.6, 10.6); // real 10.09
        Assert.InRange(sizes.Count(s => s == 1) / (double)sizes.Count, 0.02, 0.08);
        Assert.True(sizes.Max() >= 40, $"largest basket {sizes.Max()}");
        var mode = sizes.GroupBy(s => s).OrderByDescending(g => g.Count()).First().Key;
        Assert.InRange(mode, 3, 8); // real: 5
    }

    [Fact]
    public void Write_ReorderRate_IsAboutTheRealAndFirstOrdersNeverReorder()
    {
        Assert.InRange(_data.Prior.Average(l => l[3]), 0.57, 0.61); // real 0.59
        var firstOrders = _data.Orders.Where(o => o[3] == "1").Select(o => Int(o[0])).ToHashSet();
        Assert.All(_data.Prior.Where(l => firstOrders.Contains(l[0])), l => Assert.Equal(0, l[3]));
        Assert.InRange(_data.Train.Average(l => l[3]), 0.55, 0.75); // real 0.60
    }

    [Fact]
    public void Write_OrdersPerUser_AreManyFewAndALongTailToOneHundred()
    {
        var perUser = _data.Orders.GroupBy(o => o[1]).Select(g => g.Count()).ToList();
        Assert.Equal(4, perUser.Min());
        Assert.Equal(100, perUser.Max());
        Assert.InRange(perUser.Average(), 15.6, 17.6); // real 16.6
        double four = perUser.Count(n => n == 4) / (double)perUser.Count;
        Assert.InRange(four, 0.095, 0.14); // real 0.116
        double capped = perUser.Count(n => n == 100) / (double)perUser.Count;
        Assert.InRange(capped, 0.002, 0.013); // real 0.0067
        double train = _data.Orders.Count(o => o[2] == "train") / (double)perUser.Count;
        Assert.InRange(train, 0.60, 0.67); // real 0.636
    }

    [Fact]
    public void Write_ActiveCustomers_HoldMostLinesAsInTheRealData()
    {
        var maxPrior = _data.Orders.Where(o => o[2] == "prior").GroupBy(o => o[1]).ToDictionary(g => g.Key, g => g.Max(o => Int(o[3])));
        var userOf = _data.Orders.ToDictionary(o => Int(o[0]), o => o[1]);
        double active = _data.Prior.Count(l => maxPrior[userOf[l[0]]] >= 5) / (double)_data.Prior.Count;
        Assert.InRange(active, 0.92, 0.98); // real 0.956 (30,964,564 of 32,404,859)
        double activeUsers = maxPrior.Count(m => m.Value >= 5) / (double)maxPrior.Count;
        Assert.InRange(activeUsers, 0.74, 0.83); // real 0.789
    }

    [Fact]
    public void Write_DaysSincePriorOrder_SpikeAtThirtyAndAtSeven()
    {
        var days = _data.Orders.Where(o => o[6].Length > 0).Select(o => (int)double.Parse(o[6], CultureInfo.InvariantCulture)).ToList();
        double[] shares = Shares(days, 31);
        Assert.InRange(shares[30], 0.095, 0.135); // real 0.115
        Assert.InRange(shares[7], 0.08, 0.12);    // real 0.100
        var top = shares.Select((s, d) => (s, d)).OrderByDescending(x => x.s).Take(2).Select(x => x.d).Order();
        Assert.Equal([7, 30], top);

        // Users with many orders come back sooner than users with few.
        var byUser = _data.Orders.Where(o => o[6].Length > 0).GroupBy(o => o[1])
            .Select(g => (orders: g.Count() + 1, mean: g.Average(o => double.Parse(o[6], CultureInfo.InvariantCulture)))).ToList();
        double frequent = byUser.Where(u => u.orders > 40).Average(u => u.mean);
        double rare = byUser.Where(u => u.orders <= 10).Average(u => u.mean);
        Assert.True(frequent + 5 < rare, $"{frequent:F1} days for loyal users, {rare:F1} for new");
    }
}
