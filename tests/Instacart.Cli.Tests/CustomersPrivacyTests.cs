using System.Text;
using Instacart.Tests.Shared;

namespace Instacart.Cli.Tests;

/// <summary>
/// A broken <c>customers.csv</c> row, in many shapes and under both policies, through the real command: none of the
/// row's values appears on standard error, on standard output (the table of skipped rows) or in answers.json.
/// </summary>
public sealed class CustomersPrivacyTests
{
    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var (name, _) in BrokenCustomerRows.Shapes)
        {
            cases.Add(name, "fail");
            cases.Add(name, "skip");
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Answers_BrokenCustomerRow_NoValueOfItIsShown(string shape, string policy)
    {
        using var sample = new SampleCopy();
        var path = sample.File("customers.csv");
        var (header, rows) = BrokenCustomerRows.Split(Encoding.UTF8.GetString(File.ReadAllBytes(path)));
        File.WriteAllBytes(path, BrokenCustomerRows.Shapes.Single(s => s.Name == shape).Make(header, rows));

        var result = sample.Answers("--on-bad-rows", policy);

        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
        if (result.ExitCode == 2)
        {
            var line = CliAssert.OneLineError(result, "customers.csv");
            Assert.Matches(@"^error: customers\.csv: line \d+", line);
        }
        else
        {
            Assert.Equal("skip", policy);
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("customers.csv", result.StandardOutput, StringComparison.Ordinal);
        }

        Assert.All(BrokenCustomerRows.MessageValues, v => Assert.DoesNotContain(v, result.StandardError, StringComparison.Ordinal));
        var outputs = result.StandardOutput + (File.Exists(sample.Output) ? File.ReadAllText(sample.Output) : "");
        Assert.All(BrokenCustomerRows.DistinctiveValues, v => Assert.DoesNotContain(v, outputs, StringComparison.Ordinal));
    }
}
