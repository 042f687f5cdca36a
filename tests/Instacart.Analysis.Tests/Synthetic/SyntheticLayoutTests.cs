using System.Globalization;
using Instacart.Synthetic;

namespace Instacart.Analysis.Tests.Synthetic;

[Collection(MediumSyntheticCollection.Name)]
public sealed class SyntheticLayoutTests(MediumSyntheticFixture fixture)
{
    private readonly SyntheticData _data = fixture.Data;

    private static readonly string[] RealDepartments =
    [
        "frozen", "other", "bakery", "produce", "alcohol", "international", "beverages", "pets", "dry goods pasta",
        "bulk", "personal care", "meat seafood", "pantry", "breakfast", "canned goods", "dairy eggs", "household",
        "babies", "snacks", "deli", "missing",
    ];

    [Theory]
    [InlineData("orders.csv", "order_id,user_id,eval_set,order_number,order_dow,order_hour_of_day,days_since_prior_order")]
    [InlineData("order_products__prior.csv", "order_id,product_id,add_to_cart_order,reordered")]
    [InlineData("order_products__train.csv", "order_id,product_id,add_to_cart_order,reordered")]
    [InlineData("products.csv", "product_id,product_name,aisle_id,department_id,prices")]
    [InlineData("departments.csv", "department_id,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21")]
    [InlineData("aisles.csv", "aisle_id,aisle")]
    [InlineData("customers.csv", "user_id,First Name,Surnam,Gender,STATE,Age,date_joined,n_dependants,fam_status,income")]
    public void Write_EveryFile_StartsWithTheRealHeader(string file, string header)
    {
        Assert.Equal(header, SyntheticTestSupport.FirstLine(Path.Combine(_data.Folder, file)));
    }

    [Theory]
    [InlineData("products.csv", true)]
    [InlineData("customers.csv", true)]
    [InlineData("orders.csv", false)]
    [InlineData("order_products__prior.csv", false)]
    [InlineData("order_products__train.csv", false)]
    [InlineData("departments.csv", false)]
    [InlineData("aisles.csv", false)]
    public void Write_EveryFile_EndsEveryLineAsTheRealFileDoes(string file, bool crlf)
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(_data.Folder, file));
        Assert.NotEqual(0xEF, bytes[0]); // no byte order mark
        Assert.Equal((byte)'\n', bytes[^1]);
        int lineFeeds = 0, carriageReturns = 0;
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\n')
            {
                lineFeeds++;
                Assert.Equal(crlf, i > 0 && bytes[i - 1] == '\r');
            }
            else if (bytes[i] == '\r')
            {
                carriageReturns++;
            }
        }

        Assert.Equal(crlf ? lineFeeds : 0, carriageReturns);
    }

    [Fact]
    public void Write_Departments_AreTheCourseWideLayoutWithTheRealNamesInOrder()
    {
        var rows = _data.DepartmentsWide;
        Assert.Single(rows);
        Assert.Equal(["department", .. RealDepartments], rows[0]);
    }

    [Fact]
    public void Write_Aisles_Are134AndEachBelongsToOneDepartmentInProducts()
    {
        Assert.Equal(Enumerable.Range(1, 134).Select(i => i.ToString(CultureInfo.InvariantCulture)), _data.Aisles.Select(a => a[0]));
        Assert.Equal(134, _data.Aisles.Select(a => a[1]).Distinct().Count());
        Assert.All(_data.Aisles, a => Assert.False(string.IsNullOrWhiteSpace(a[1])));

        var departmentOfAisle = new Dictionary<string, string>();
        foreach (var p in _data.Products)
        {
            if (departmentOfAisle.TryGetValue(p[2], out var department))
            {
                Assert.Equal(department, p[3]);
            }
            else
            {
                departmentOfAisle[p[2]] = p[3];
            }

            Assert.InRange(int.Parse(p[3], CultureInfo.InvariantCulture), 1, 21);
        }

        Assert.Equal(134, departmentOfAisle.Count);
    }

    [Fact]
    public void Write_Products_HaveIdsInOrderAndPricesWithOneDecimalLikeTheCourseFile()
    {
        Assert.Equal(6_000, _data.Summary.Products);
        var ids = _data.Products.Select(p => int.Parse(p[0], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(Enumerable.Range(1, 6_000), ids.Distinct());
        foreach (var p in _data.Products)
        {
            Assert.Matches(@"^[0-9]+(\.[1-9])?$", p[4]);
            double price = double.Parse(p[4], CultureInfo.InvariantCulture);
            Assert.True(price is >= 1.0 and <= 25.0 || price > 100, p[4]);
        }
    }

    [Fact]
    public void Write_Orders_HaveDenseShuffledIdsAndEachUsersOrdersNumberedFromOne()
    {
        var ids = _data.Orders.Select(o => int.Parse(o[0], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(Enumerable.Range(1, ids.Length), ids.Order());
        Assert.NotEqual(Enumerable.Range(1, ids.Length), ids); // a permutation, not sequential

        int previousUser = 0, expectedNumber = 0;
        string previousEval = "";
        foreach (var o in _data.Orders)
        {
            int user = int.Parse(o[1], CultureInfo.InvariantCulture);
            int number = int.Parse(o[3], CultureInfo.InvariantCulture);
            if (user != previousUser)
            {
                Assert.Equal(previousUser + 1, user);
                Assert.True(previousUser == 0 || previousEval is "train" or "test", "a user's last order is train or test");
                expectedNumber = 1;
            }
            else
            {
                Assert.Equal("prior", previousEval);
            }

            Assert.Equal(expectedNumber++, number);
            Assert.Contains(o[2], new[] { "prior", "train", "test" });
            Assert.InRange(int.Parse(o[4], CultureInfo.InvariantCulture), 0, 6);
            Assert.InRange(int.Parse(o[5], CultureInfo.InvariantCulture), 0, 23);
            if (number == 1)
            {
                Assert.Equal("", o[6]);
            }
            else
            {
                Assert.Matches(@"^([0-9]|[12][0-9]|30)\.0$", o[6]);
            }

            previousUser = user;
            previousEval = o[2];
        }

        Assert.Equal(3_000, previousUser);
    }

    [Fact]
    public void Write_OrderLines_BelongToPriorOrTrainOrdersWithCartPositionsFromOneAndNoRepeatedProduct()
    {
        var eval = _data.Orders.ToDictionary(o => int.Parse(o[0], CultureInfo.InvariantCulture), o => o[2]);
        foreach (var (lines, expected) in new[] { (_data.Prior, "prior"), (_data.Train, "train") })
        {
            int currentOrder = 0, position = 0;
            var seenOrders = new HashSet<int>();
            var products = new HashSet<int>();
            foreach (var l in lines)
            {
                if (l[0] != currentOrder)
                {
                    Assert.True(seenOrders.Add(l[0]), "an order's lines are together");
                    currentOrder = l[0];
                    position = 0;
                    products.Clear();
                }

                Assert.Equal(expected, eval[l[0]]);
                Assert.Equal(++position, l[2]);
                Assert.True(products.Add(l[1]), "no product twice in one order");
                Assert.InRange(l[1], 1, _data.Summary.Products);
                Assert.InRange(l[3], 0, 1);
            }

            // Every order of that eval set has lines; test orders have none anywhere.
            Assert.Equal(eval.Count(e => e.Value == expected), seenOrders.Count);
        }
    }

    [Fact]
    public void Write_Reordered_IsOneExactlyWhenTheUserBoughtTheProductInAnEarlierOrder()
    {
        var linesOf = _data.Prior.Concat(_data.Train).GroupBy(l => l[0]).ToDictionary(g => g.Key, g => g.ToList());
        var bought = new HashSet<int>();
        int user = 0;
        foreach (var o in _data.Orders)
        {
            int u = int.Parse(o[1], CultureInfo.InvariantCulture);
            if (u != user)
            {
                bought.Clear();
                user = u;
            }

            if (!linesOf.TryGetValue(int.Parse(o[0], CultureInfo.InvariantCulture), out var lines))
            {
                continue;
            }

            foreach (var l in lines)
            {
                Assert.Equal(bought.Contains(l[1]) ? 1 : 0, l[3]);
            }

            foreach (var l in lines)
            {
                bought.Add(l[1]);
            }
        }
    }

    [Fact]
    public void Write_Customers_HaveTheCourseFilesValueRanges()
    {
        var states = new HashSet<string>
        {
            "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "District of Columbia",
            "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine",
            "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada",
            "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon",
            "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont", "Virginia",
            "Washington", "West Virginia", "Wisconsin", "Wyoming",
        };
        var statuses = new[] { "married", "single", "divorced/widowed", "living with parents and siblings" };
        var joined = new List<DateOnly>();
        foreach (var c in _data.Customers)
        {
            Assert.Equal(10, c.Length);
            Assert.False(string.IsNullOrEmpty(c[2]));
            Assert.Contains(c[3], new[] { "Male", "Female" });
            Assert.Contains(c[4], states);
            int age = int.Parse(c[5], CultureInfo.InvariantCulture);
            Assert.InRange(age, 18, 81);
            var date = DateOnly.ParseExact(c[6], "M/d/yyyy", CultureInfo.InvariantCulture);
            Assert.InRange(date, new DateOnly(2017, 1, 1), new DateOnly(2020, 12, 31));
            joined.Add(date);
            int dependants = int.Parse(c[7], CultureInfo.InvariantCulture);
            Assert.InRange(dependants, 0, 3);
            Assert.Contains(c[8], statuses);
            Assert.Equal(dependants > 0, c[8] is "married" or "living with parents and siblings");
            Assert.InRange(int.Parse(c[9], CultureInfo.InvariantCulture), 25_000, 600_000);
        }

        Assert.Equal(joined.Order(), joined); // ordered by date_joined like the course file
        Assert.Equal(51, _data.Customers.Select(c => c[4]).Distinct().Count());
        double emptyFirst = _data.Customers.Count(c => c[1].Length == 0) / (double)_data.Customers.Count;
        Assert.InRange(emptyFirst, 0.03, 0.08);
        Assert.Contains(_data.Customers, c => int.Parse(c[9], CultureInfo.InvariantCulture) > 170_000);
    }

    [Fact]
    public void Write_Summary_MatchesTheFilesRowsBytesAndExpectedReconciliation()
    {
        var s = _data.Summary;
        Assert.Equal(SyntheticTestSupport.FileNames, s.Files.Select(f => f.Name));
        foreach (var f in s.Files)
        {
            Assert.Equal(new FileInfo(Path.Combine(_data.Folder, f.Name)).Length, f.Bytes);
        }

        Assert.Equal(_data.Orders.Count, s.Orders);
        Assert.Equal(_data.Prior.Count, s.PriorLines);
        Assert.Equal(_data.Train.Count, s.TrainLines);
        Assert.Equal(new long[] { s.Orders, s.PriorLines, s.TrainLines, _data.Products.Count, 1, 134, _data.Customers.Count }, s.Files.Select(f => f.Rows));
        Assert.Equal(_data.Prior.Count(l => l[3] == 1), s.PriorReordered);

        // SPEC §3 as the analysis should find it: nameless products first, then users without a customer row.
        var nameless = _data.Products.Where(p => string.IsNullOrWhiteSpace(p[1])).Select(p => int.Parse(p[0], CultureInfo.InvariantCulture)).ToHashSet();
        var customers = _data.Customers.Select(c => int.Parse(c[0], CultureInfo.InvariantCulture)).ToHashSet();
        var userOf = _data.Orders.ToDictionary(o => int.Parse(o[0], CultureInfo.InvariantCulture), o => int.Parse(o[1], CultureInfo.InvariantCulture));
        long withoutProduct = _data.Prior.Count(l => nameless.Contains(l[1]));
        long withoutCustomer = _data.Prior.Count(l => !nameless.Contains(l[1]) && !customers.Contains(userOf[l[0]]));
        Assert.Equal(withoutProduct, s.PriorLinesWithoutProduct);
        Assert.Equal(withoutCustomer, s.PriorLinesWithoutCustomer);
        Assert.True(s.Elapsed > TimeSpan.Zero);
    }
}
