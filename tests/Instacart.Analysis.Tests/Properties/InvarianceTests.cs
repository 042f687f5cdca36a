using System.Text;
using Instacart.Analysis.Answers;
using Instacart.Analysis.Tests.Fixtures;
using Instacart.Data;
using Instacart.Synthetic;

namespace Instacart.Analysis.Tests.Properties;

/// <summary>
/// Properties over random valid datasets (generated with random sizes, seeds and quirk mixes): the
/// reconciliation always adds up, and the answers do not depend on line endings, a byte order mark or the order
/// of rows in the files whose row order carries no meaning.
/// </summary>
public class InvarianceTests
{
    public static TheoryData<int, int, bool> Datasets()
    {
        var random = new Random(20261125);
        var data = new TheoryData<int, int, bool>();
        for (var i = 0; i < 6; i++)
        {
            data.Add(random.Next(1, 400), random.Next(), random.Next(2) == 0);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Load_RandomDataset_ReconciliationAddsUp(int users, int seed, bool quirks)
    {
        using var folder = new TempFolder();
        SyntheticGenerator.Write(folder.Path, new SyntheticOptions(users, seed) { Products = 500, Quirks = quirks });

        var r = InstacartData.Load(folder.Path).Reconciliation;

        Assert.True(r.AddsUp);
        Assert.True(r.LinesActive <= r.LinesMerged && r.LinesMerged <= r.LinesJoinedOrders && r.LinesJoinedOrders <= r.OrderLinesRows);
        Assert.Equal(r.ProductsRows - r.ProductsNameless - r.ProductsDuplicateRows, r.ProductsKept + CountConflictingRows(folder.Path));
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Answers_LineEndingsBomAndRowOrder_DoNotChangeTheAnswers(int users, int seed, bool quirks)
    {
        using var original = new TempFolder();
        SyntheticGenerator.Write(original.Path, new SyntheticOptions(users, seed) { Products = 500, Quirks = quirks });
        var expected = AnswersDocument.ToText(AnswersDocument.Compute(InstacartData.Load(original.Path)));

        using var changed = new TempFolder();
        var random = new Random(seed);
        foreach (var file in Directory.GetFiles(original.Path))
        {
            var text = File.ReadAllText(file);
            var crlf = text.Contains("\r\n", StringComparison.Ordinal);
            var lines = text.Split(crlf ? "\r\n" : "\n").Where(l => l.Length > 0).ToList();
            var name = Path.GetFileName(file);
            // Products keep their order: "the first row of a conflicting id" is a rule about file order.
            // Departments may be in the wide layout, where the rows are not records.
            var body = name is "products.csv" or "departments.csv" ? lines.Skip(1) : lines.Skip(1).OrderBy(_ => random.Next());
            var newline = crlf ? "\n" : "\r\n";
            var bom = random.Next(2) == 0 ? "\uFEFF" : string.Empty;
            var ending = random.Next(2) == 0 ? newline : string.Empty;
            File.WriteAllText(Path.Combine(changed.Path, name), bom + string.Join(newline, body.Prepend(lines[0])) + ending, new UTF8Encoding(false));
        }

        var actual = AnswersDocument.ToText(AnswersDocument.Compute(InstacartData.Load(changed.Path)));

        Assert.Equal(expected, actual);
    }

    private static long CountConflictingRows(string folder)
    {
        // Rows dropped for reusing an earlier id: kept + those = rows after the nameless and duplicate drops.
        var data = InstacartData.Load(folder);
        return data.ProductCleaning.Dropped.Count(d => d.Reason == Instacart.Data.Cleaning.ProductDropReason.ConflictingId);
    }
}
