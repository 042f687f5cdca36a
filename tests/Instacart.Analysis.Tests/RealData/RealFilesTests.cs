using Instacart.Analysis.Answers;
using Instacart.Analysis.Explore;
using Instacart.Analysis.Tests.Fixtures;
using Instacart.Data.Input;
using Instacart.Data;

namespace Instacart.Analysis.Tests.RealData;

/// <summary>
/// The real public files beside the repository (<c>../shared/data-real</c>). Where they are absent the tests pass
/// without asserting: the folder is not part of the repository.
/// </summary>
public class RealFilesTests
{
    private static string? Real => RepoPaths.RealData;

    [Fact]
    public void CustomersLoader_RealFile_ReadsEveryRowAndKeepsNoPersonalName()
    {
        if (Real is null)
        {
            return;
        }

        var customers = CustomersLoader.Load(Path.Combine(Real, "customers.csv"));

        Assert.Equal(206_209, customers.Count);
        Assert.DoesNotContain(typeof(CustomersTable).GetProperties(), p => p.Name.Contains("Name", StringComparison.OrdinalIgnoreCase) || p.Name.Contains("Surnam", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(51, customers.State.Distinct().Count());
    }

    [Fact]
    public void ProductCleaning_RealFile_MatchesTheKnownQuirks()
    {
        if (Real is null)
        {
            return;
        }

        var cleaning = Load().ProductCleaning;

        Assert.Equal(49_693, cleaning.Rows);
        Assert.Equal(16, cleaning.Nameless);
        Assert.Equal(5, cleaning.DuplicateRows);
        Assert.Equal(2, cleaning.ConflictingIds);
        Assert.Equal(2, cleaning.PriceOutliers);
        Assert.Equal(49_670, cleaning.Catalog.Count);
        Assert.Equal(
            [6800, 26520],
            cleaning.Dropped.Where(d => d.Reason == Instacart.Data.Cleaning.ProductDropReason.ConflictingId).Select(d => d.ProductId).Order());
    }

    [Fact]
    public void DepartmentsLoader_BothRealLayouts_GiveTheSame21Names()
    {
        if (Real is null)
        {
            return;
        }

        var wide = DepartmentsLoader.Load(Path.Combine(Real, "departments_wide.csv"));
        var longForm = DepartmentsLoader.Load(Path.Combine(Real, "kaggle", "departments.csv"));

        Assert.Equal(21, wide.Ids.Count);
        Assert.Equal(wide.Ids.Select(id => wide[id]), longForm.Ids.Select(id => longForm[id]));
    }

    [Fact]
    public void Pipeline_RealOrderSubset_ReconciliationAddsUpAndEveryQuestionAnswers()
    {
        if (Real is null)
        {
            return;
        }

        var data = Load();
        var r = data.Reconciliation;

        Assert.True(r.AddsUp);
        Assert.Equal(1_000, r.OrdersRows);
        Assert.Equal(8_538, r.OrderLinesRows);
        Assert.Equal(8_538, r.LinesJoinedOrders);
        Assert.Equal(206_209, r.CustomersRows);
        Assert.True(r.LinesWithoutProduct > 0);          // lines of the nameless and dropped products
        Assert.Equal(r.LinesJoinedOrders - r.LinesWithoutProduct - r.LinesWithoutCustomer, r.LinesMerged);
        Assert.Equal(7, CoreQuestions.Compute(data)[0].ToJson().AsArray().Count);
        Assert.Equal(438, data.Input.TrainLines!.Count);
        Assert.Equal(134, data.Input.Aisles!.Ids.Count);
    }

    [Fact]
    public void Outputs_RealCustomers_ContainNoFirstNameOrSurname()
    {
        if (Real is null)
        {
            return;
        }

        var data = Load();
        var names = PersonalNames(Path.Combine(Real, "customers.csv"));
        var cells = JsonStrings(System.Text.Json.JsonDocument.Parse(AnswersDocument.ToText(AnswersDocument.Compute(data))).RootElement)
            .Concat(FrameCells(ExploreFrames.Customers(data)))
            .Concat(FrameCells(ExploreFrames.CustomerSummary(data)))
            .ToHashSet(StringComparer.Ordinal);

        // Whole values only: a surname such as "York" is inside "New York", which is a state, not a leak.
        Assert.Empty(names.Where(cells.Contains).Take(5));
    }

    private static InstacartData Load()
    {
        var folder = Path.Combine(Path.GetTempPath(), "instacart-real-" + Environment.ProcessId);
        Directory.CreateDirectory(folder);
        Copy("orders-subset/orders.csv", "orders.csv");
        Copy("orders-subset/order_products__prior.csv", "order_products__prior.csv");
        Copy("orders-subset/order_products__train.csv", "order_products__train.csv");
        Copy("products.csv", "products.csv");
        Copy("departments_wide.csv", "departments.csv");
        Copy("kaggle/aisles.csv", "aisles.csv");
        Copy("customers.csv", "customers.csv");
        return InstacartData.Load(folder);

        void Copy(string from, string to)
        {
            var target = Path.Combine(folder, to);
            if (!File.Exists(target))
            {
                File.Copy(Path.Combine(Real!, from), target);
            }
        }
    }

    private static HashSet<string> PersonalNames(string customersPath)
    {
        // Names that could not appear for another reason (a state, a department, a status word) are left out.
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(customersPath).Skip(1))
        {
            var fields = line.Split(',');
            names.Add(fields[1]);
            names.Add(fields[2]);
        }

        names.Remove(string.Empty);
        foreach (var common in new[] { "Female", "Male", "married", "single", "Washington", "Virginia", "Georgia", "Carolina", "West", "South", "Senior" })
        {
            names.Remove(common);
        }

        return names;
    }

    private static IEnumerable<string> FrameCells(Microsoft.Data.Analysis.DataFrame frame) =>
        frame.Columns.SelectMany(column => Enumerable.Range(0, (int)column.Length).Select(i => column[i]?.ToString() ?? string.Empty));

    private static IEnumerable<string> JsonStrings(System.Text.Json.JsonElement element) => element.ValueKind switch
    {
        System.Text.Json.JsonValueKind.Object => element.EnumerateObject().SelectMany(p => JsonStrings(p.Value).Append(p.Name)),
        System.Text.Json.JsonValueKind.Array => element.EnumerateArray().SelectMany(JsonStrings),
        System.Text.Json.JsonValueKind.String => [element.GetString()!],
        _ => [],
    };
}
