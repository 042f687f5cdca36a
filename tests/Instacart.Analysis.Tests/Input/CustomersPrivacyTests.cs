using Instacart.Analysis.Answers;
using Instacart.Analysis.Tests.Fixtures;
using Instacart.Data.Derivation;
using Instacart.Data.Input;
using Instacart.Data;
using Instacart.Tests.Shared;

namespace Instacart.Analysis.Tests.Input;

/// <summary>
/// No value of a broken <c>customers.csv</c> row, in any column, reaches an error, a skipped row's example or the
/// answers, whatever the row's shape and the policy: the file is read in a mode that never quotes (SPEC §2).
/// </summary>
public class CustomersPrivacyTests
{
    public static TheoryData<string, BadRowPolicy> Cases()
    {
        var cases = new TheoryData<string, BadRowPolicy>();
        foreach (var (name, _) in BrokenCustomerRows.Shapes)
        {
            cases.Add(name, BadRowPolicy.Fail);
            cases.Add(name, BadRowPolicy.Skip);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Load_BrokenCustomerRow_NeverQuotesAnyOfItsValues(string shape, BadRowPolicy policy)
    {
        using var folder = TinyData.Write();
        var (header, rows) = BrokenCustomerRows.Split(TinyData.Customers);
        File.WriteAllBytes(folder.File(InputFiles.Customers), BrokenCustomerRows.Shapes.Single(s => s.Name == shape).Make(header, rows));
        var options = AnalysisOptions.Default with { OnBadRows = policy };

        var texts = new List<string>();
        try
        {
            var data = InstacartData.Load(folder.Path, options, cache: null);
            Assert.Equal(BadRowPolicy.Skip, policy);
            var skipped = data.BadRows.Groups.Where(g => g.File == InputFiles.Customers).ToList();
            Assert.NotEmpty(skipped);
            texts.AddRange(skipped.SelectMany(g => g.Examples.Append(g.Reason)));
            var answers = AnswersDocument.ToText(AnswersDocument.Compute(data));
            Assert.All(BrokenCustomerRows.DistinctiveValues, v => Assert.DoesNotContain(v, answers, StringComparison.Ordinal));
        }
        catch (InputException error)
        {
            Assert.Equal(InputFiles.Customers, error.File);
            Assert.True(error.Line > 0, error.Message);
            texts.Add(error.Message);
        }

        Assert.All(texts, text => Assert.All(BrokenCustomerRows.MessageValues, v => Assert.DoesNotContain(v, text, StringComparison.Ordinal)));
    }

    [Fact]
    public void Load_CustomerValueOutOfRange_SaysWhereAndWhatWasExpectedOnly()
    {
        using var folder = TinyData.Write(new Dictionary<string, string> { [InputFiles.Customers] = TinyData.Customers.Replace("Texas,36,", "Texas,1473692,") });

        var error = Assert.Throws<InputException>(() => InstacartData.Load(folder.Path, AnalysisOptions.Default, cache: null));

        Assert.Equal("customers.csv: line 3, column 6 (Age): expected an integer from 0 to 150, found a value not shown (personal data)", error.Message);
    }

    [Fact]
    public void Load_OtherFiles_StillQuoteTheValueFound()
    {
        using var folder = TinyData.Write(new Dictionary<string, string> { [InputFiles.Orders] = TinyData.Orders.Replace("103,1,prior,3,1,23", "103,1,prior,3,7,23") });

        var error = Assert.Throws<InputException>(() => InstacartData.Load(folder.Path, AnalysisOptions.Default, cache: null));

        Assert.Equal("'7'", error.Found);
    }
}
