using Instacart.Analysis.Questions;
using Instacart.Data;
using Instacart.Data.Derivation;

namespace Instacart.Analysis.Tests.References;

/// <summary>
/// The group-bys of the questions (and more: every grouping kind with every combination of needs) run through
/// <see cref="GroupStats"/> and through <see cref="ReferenceGroupBy"/>, and every number a caller may read compared.
/// </summary>
internal static class GroupByCases
{
    private static readonly GroupNeeds[] CustomerAndOrderNeeds =
    [
        GroupNeeds.None,
        GroupNeeds.Customers,
        GroupNeeds.Departments,
        GroupNeeds.MedianDays,
        GroupNeeds.Customers | GroupNeeds.Departments,
        GroupNeeds.Customers | GroupNeeds.MedianDays,
        GroupNeeds.Departments | GroupNeeds.MedianDays,
        GroupNeeds.Customers | GroupNeeds.Departments | GroupNeeds.MedianDays,
    ];

    private static readonly GroupNeeds[] ProductNeeds =
    [
        GroupNeeds.None,
        GroupNeeds.Orders,
        GroupNeeds.Customers,
        GroupNeeds.MedianDays,
        GroupNeeds.Departments,
        GroupNeeds.Orders | GroupNeeds.Departments,
        GroupNeeds.Orders | GroupNeeds.Customers | GroupNeeds.Departments | GroupNeeds.MedianDays,
    ];

    /// <summary>Every difference between the fast paths (each <see cref="GroupPath"/>) and the reference on <paramref name="data"/> (empty when none).</summary>
    public static List<string> Differences(InstacartData data)
    {
        var differences = new List<string>();
        var paths = Enum.GetValues<GroupPath>();
        var facts = data.Customers;
        var options = data.Options;

        // Customer groups: each flag of the questions, their products, and groupings outside the active population.
        var customerGroupings = new (string Name, int[] Groups)[]
        {
            ("loyalty", Active(data, c => (int)facts.Loyalty[c])),
            ("spending", Active(data, c => (int)facts.Spending[c])),
            ("frequency", Active(data, c => (int)facts.Frequency[c])),
            ("spending x frequency", Active(data, c => ((int)facts.Spending[c] * 8) + (int)facts.Frequency[c])),
            ("region", Active(data, c => (int)facts.Region[c])),
            ("age group x household", Active(data, c => ((int)facts.AgeGroup[c] * 2) + (int)facts.Household[c])),
            ("income group", Active(data, c => (int)facts.IncomeGroup[c])),
            ("profile", Active(data, c => (int)facts.Profile[c])),
            ("profile x baby household", Active(data, c => ((int)facts.Profile[c] * 2) + (facts.BabyHousehold[c] ? 1 : 0))),
            ("all active", Active(data, _ => 0)),
            ("every customer by row", [.. Enumerable.Range(0, facts.Count).Select(c => c % 7 == 3 ? -1 : c % 4)]),
        };
        foreach (var (name, groups) in customerGroupings)
        {
            var count = Count(groups);
            var expected = ReferenceGroupBy.ByCustomer(data, count, groups);
            foreach (var (path, needs) in paths.SelectMany(p => CustomerAndOrderNeeds.Select(n => (p, n))))
            {
                Compare(differences, $"{path}: customers by {name}, {needs}", expected, GroupStats.ByCustomer(data, count, groups, needs, path), needs, ordersAlways: true);
            }
        }

        // Product groups: by department (an order's groups follow from its departments), and groupings that do not.
        var products = data.Products;
        var productGroupings = new (string Name, int[] Groups)[]
        {
            ("department", products.DepartmentId),
            ("aisle", products.AisleId),
            ("price range", [.. Enumerable.Range(0, products.Count).Select(p => (int)Rules.PriceRangeOf(products.Price[p], options))]),
            ("row", [.. Enumerable.Range(0, products.Count).Select(p => p % 7 == 2 ? -1 : p % 3)]),
            ("none", [.. Enumerable.Repeat(-1, products.Count)]),
        };
        foreach (var (name, groups) in productGroupings)
        {
            var count = Count(groups);
            var expected = ReferenceGroupBy.ByProduct(data, count, groups);
            foreach (var (path, needs) in paths.SelectMany(p => ProductNeeds.Select(n => (p, n))))
            {
                Compare(differences, $"{path}: products by {name}, {needs}", expected, GroupStats.ByProduct(data, count, groups, needs, path), needs, ordersAlways: false);
            }
        }

        // Order groups and day × hour cells (the lines population).
        var orders = data.Orders;
        var orderGroupings = new (string Name, int[] Groups)[]
        {
            ("day", [.. orders.DayOfWeek.Select(d => (int)d)]),
            ("hour", [.. orders.HourOfDay.Select(h => (int)h)]),
            ("time segment", [.. orders.HourOfDay.Select(h => (int)Rules.TimeSegmentOf(h))]),
            ("row", [.. Enumerable.Range(0, orders.Count).Select(o => o % 11 == 0 ? -1 : o % 5)]),
        };
        foreach (var (name, groups) in orderGroupings)
        {
            var count = Count(groups);
            var expected = ReferenceGroupBy.ByOrder(data, count, groups);
            foreach (var (path, needs) in paths.SelectMany(p => CustomerAndOrderNeeds.Select(n => (p, n))))
            {
                Compare(differences, $"{path}: orders by {name}, {needs}", expected, GroupStats.ByOrder(data, count, groups, needs, path), needs, ordersAlways: true);
            }
        }

        var cellGroupings = new (string Name, int Groups, Func<int, int, int> GroupOf)[]
        {
            ("hour", 24, (_, hour) => hour),
            ("day", 7, (day, _) => day),
            ("time segment", 4, (_, hour) => (int)Rules.TimeSegmentOf(hour)),
            ("day + hour, small hours out", 4, (day, hour) => hour < 3 ? -1 : (day + hour) % 4),
        };
        foreach (var (name, count, groupOf) in cellGroupings)
        {
            var expected = ReferenceGroupBy.ByDayAndHour(data, count, groupOf);
            foreach (var path in paths)
            {
                Compare(differences, $"{path}: day and hour by {name}", expected, GroupStats.ByDayAndHour(data, count, groupOf, path), GroupNeeds.None, ordersAlways: true);
            }
        }

        return differences;
    }

    private static int[] Active(InstacartData data, Func<int, int> groupOf) =>
        [.. Enumerable.Range(0, data.Customers.Count).Select(c => data.Customers.Active[c] ? groupOf(c) : -1)];

    private static int Count(int[] groups) => groups.Length == 0 ? 1 : Math.Max(1, groups.Max() + 1);

    /// <summary>
    /// What a caller may read of <paramref name="actual"/>: the counts and revenue always; distinct orders unless product
    /// groups did not ask for them; customers, medians and department lines when asked for.
    /// </summary>
    private static void Compare(List<string> differences, string what, ReferenceGroupBy.Group[] expected, GroupStats actual, GroupNeeds needs, bool ordersAlways)
    {
        if (actual.Count != expected.Length)
        {
            differences.Add($"{what}: {actual.Count} groups, not {expected.Length}");
            return;
        }

        for (var g = 0; g < expected.Length; g++)
        {
            var e = expected[g];
            void Check<T>(string field, T want, T got)
            {
                if (!EqualityComparer<T>.Default.Equals(want, got))
                {
                    differences.Add($"{what}, group {g}, {field}: {got}, not {want}");
                }
            }

            Check("lines", e.Lines, actual.Lines[g]);
            Check("known-price lines", e.KnownPriceLines, actual.KnownPriceLines[g]);
            Check("reordered", e.Reordered, actual.Reordered[g]);
            Check("revenue", e.Revenue, actual.Revenue[g]);
            if (ordersAlways || (needs & GroupNeeds.Orders) != 0)
            {
                Check("orders", e.Orders, actual.Orders[g]);
            }

            if ((needs & GroupNeeds.Customers) != 0)
            {
                Check("customers", e.Customers, actual.Customers[g]);
            }

            if ((needs & GroupNeeds.MedianDays) != 0)
            {
                Check("median days", e.MedianDays, actual.MedianDays[g]);
            }

            if ((needs & GroupNeeds.Departments) != 0)
            {
                var width = actual.DepartmentLines.GetLength(1);
                foreach (var department in e.DepartmentLines.Keys.Where(d => d >= width))
                {
                    differences.Add($"{what}, group {g}: department {department} has lines but no column");
                }

                for (var d = 0; d < width; d++)
                {
                    Check($"department {d} lines", e.DepartmentLines.GetValueOrDefault(d), actual.DepartmentLines[g, d]);
                }
            }
        }
    }
}
