using System.Text.Json.Nodes;
using Instacart.Synthetic;

namespace Instacart.Cli.Tests;

/// <summary>
/// A refreshed report says what moved since the last one (<c>changes.html</c>, <c>changes.json</c>), and a run into an
/// unchanged report reuses its notebooks: two generated datasets whose only difference is known (a fifth of one day's
/// orders moved to another day) must show exactly that move, and a report compared with itself shows nothing.
/// </summary>
public sealed class ChangesTests(TwoDatasets data) : IClassFixture<TwoDatasets>
{
    [Fact]
    public void Run_IntoAReportOfOtherData_NamesExactlyTheDaysThatMoved()
    {
        var report = data.NewReport();
        AssertRan(data.Run(data.Before, report));
        Assert.False(File.Exists(Path.Combine(report, "changes.html")));
        var before = Answers(report);

        var result = data.Run(data.After, report);

        AssertRan(result);
        Assert.Contains("Ran 01-busiest-days: the data changed.", result.StandardOutput);
        Assert.Contains("What changed: 1 of ", result.StandardOutput);
        var changes = JsonNode.Parse(File.ReadAllText(Path.Combine(report, "changes.json")))!;
        Assert.True((bool)changes["comparable"]!);
        Assert.False((bool)changes["nothing_moved"]!);
        var question = Assert.Single(changes["questions"]!.AsArray())!;
        Assert.Equal("busiest_days", (string?)question["question"]);

        // Exactly the two days whose orders moved, by orders and lines, with the earlier report's numbers as "old".
        var days = before["questions"]!["busiest_days"]!.AsArray();
        string Label(int dow) => (string)days.Single(d => (int)d!["dow"]! == dow)!["label"]!;
        var (from, to) = (Label(TwoDatasets.FromDay), Label(TwoDatasets.ToDay));
        var moved = question["moved"]!.AsArray();
        var items = moved.Select(m => (string)m!["item"]!).Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { from, to }.Order(StringComparer.Ordinal).ToArray(), items);
        Assert.All(moved, m => Assert.Contains((string)m!["measure"]!, new[] { "orders", "lines" }));
        var fromOrders = moved.Single(m => (string)m!["item"]! == from && (string)m["measure"]! == "orders")!;
        Assert.Equal((double)days.Single(d => (int)d!["dow"]! == TwoDatasets.FromDay)!["orders"]!, (double)fromOrders["old"]!);
        Assert.True((double)fromOrders["new"]! < (double)fromOrders["old"]!);
        Assert.Empty(question["appeared"]!.AsArray());
        Assert.Empty(question["vanished"]!.AsArray());
        Assert.All(question["rankings"]!.AsArray(), r => Assert.True(((string)r!["sentence"]!).Contains(from) || ((string)r["sentence"]!).Contains(to), (string?)r["sentence"]));

        var page = File.ReadAllText(Path.Combine(report, "changes.html"));
        Assert.Contains("What changed since the last report", page);
        Assert.Contains($"{from}: orders ", page);
        Assert.Contains(" → ", page);
        var index = File.ReadAllText(Path.Combine(report, "index.html"));
        Assert.True(index.IndexOf("href=\"changes.html\"", StringComparison.Ordinal) is var link && link > 0 && link < index.IndexOf("<table", StringComparison.Ordinal), "the index links the changes first");
    }

    [Fact]
    public void Run_ComparedWithItself_SaysNothingMovedAndReusesTheNotebook()
    {
        var report = data.NewReport();
        AssertRan(data.Run(data.Before, report));

        var again = data.Run(data.Before, report, "--compare", report);

        AssertRan(again);
        Assert.Contains("Reused 1 notebook, unchanged since the last run: 01-busiest-days.", again.StandardOutput);
        Assert.Contains("What changed: Nothing moved beyond the noise.", again.StandardOutput);
        var changes = JsonNode.Parse(File.ReadAllText(Path.Combine(report, "changes.json")))!;
        Assert.True((bool)changes["nothing_moved"]!);
        Assert.Empty(changes["questions"]!.AsArray());
        Assert.Contains("Nothing moved beyond the noise.", File.ReadAllText(Path.Combine(report, "changes.html")));

        var forced = data.Run(data.Before, report, "--force");
        AssertRan(forced);
        Assert.Contains("Ran 01-busiest-days: --force.", forced.StandardOutput);
    }

    [Theory]
    [InlineData("{\"format\": \"instacart-answers/0\", \"questions\": {}}", "is of format instacart-answers/0")]
    [InlineData(null, "has no answers.json")]
    [InlineData("not json", "cannot be read")]
    public void Run_ComparedWithAnOlderReport_NamesItNotComparable(string? answers, string reason)
    {
        var earlier = Path.Combine(data.Root, "old-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(earlier);
        if (answers is not null)
        {
            File.WriteAllText(Path.Combine(earlier, "answers.json"), answers);
        }

        var report = data.NewReport();
        var result = data.Run(data.Before, report, "--compare", earlier);

        AssertRan(result);
        var changes = JsonNode.Parse(File.ReadAllText(Path.Combine(report, "changes.json")))!;
        Assert.False((bool)changes["comparable"]!);
        Assert.Contains(reason, (string?)changes["not_comparable"]);
        Assert.Contains("Not comparable with the earlier report", File.ReadAllText(Path.Combine(report, "changes.html")));
    }

    [Fact]
    public void Run_CompareWithAMissingFolder_ExitsTwoWithOneLine()
    {
        var report = data.NewReport();

        var result = data.Run(data.Before, report, "--compare", Path.Combine(data.Root, "no-such-report"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--compare", Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.False(Directory.Exists(report));
    }

    private static JsonNode Answers(string report) => JsonNode.Parse(File.ReadAllText(Path.Combine(report, "answers.json")))!;

    private static void AssertRan(CliProcess.Result result) =>
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.StandardError}\n{result.StandardOutput}");
}

/// <summary>
/// Two generated data folders whose only difference is known: in <see cref="After"/> every fifth order placed on day
/// <see cref="FromDay"/> is placed on day <see cref="ToDay"/> instead. And a notebooks folder holding only the
/// busiest-days notebook, so that each run is quick.
/// </summary>
public sealed class TwoDatasets : IDisposable
{
    public const int FromDay = 0;

    public const int ToDay = 3;

    public TwoDatasets()
    {
        Root = Path.Combine(Path.GetTempPath(), "instacart-changes-" + Guid.NewGuid().ToString("N"));
        Before = Path.Combine(Root, "before");
        After = Path.Combine(Root, "after");
        Notebooks = Path.Combine(Root, "notebooks");
        SyntheticGenerator.Write(Before, new SyntheticOptions(400, 11));
        Directory.CreateDirectory(After);
        foreach (var file in Directory.GetFiles(Before, "*.csv"))
        {
            File.Copy(file, Path.Combine(After, Path.GetFileName(file)));
        }

        MoveAFifthOfOneDaysOrders(Path.Combine(After, "orders.csv"));
        Directory.CreateDirectory(Notebooks);
        // The notebook's reference to the library, made absolute for its new folder.
        var notebook = File.ReadAllText(Path.Combine(RepoPaths.Notebooks, "01-busiest-days.dib")).Replace("#r \"../", $"#r \"{RepoPaths.Root}/", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(Notebooks, "01-busiest-days.dib"), notebook);
    }

    public string Root { get; }

    public string Before { get; }

    public string After { get; }

    public string Notebooks { get; }

    /// <summary>A new report folder's path (not created).</summary>
    public string NewReport() => Path.Combine(Root, "report-" + Guid.NewGuid().ToString("N"));

    public CliProcess.Result Run(string data, string report, params string[] more) =>
        CliProcess.Run(["run", "--notebooks", Notebooks, "--data", data, "--out", report, "--no-cache", .. more]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void MoveAFifthOfOneDaysOrders(string orders)
    {
        var text = File.ReadAllText(orders);
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = text.Split(newline);
        var header = lines[0].Split(',');
        var dow = Array.IndexOf(header, "order_dow");
        var seen = 0;
        for (var i = 1; i < lines.Length; i++)
        {
            var fields = lines[i].Split(',');
            if (fields.Length == header.Length && fields[dow] == FromDay.ToString(System.Globalization.CultureInfo.InvariantCulture) && seen++ % 5 == 0)
            {
                fields[dow] = ToDay.ToString(System.Globalization.CultureInfo.InvariantCulture);
                lines[i] = string.Join(',', fields);
            }
        }

        File.WriteAllText(orders, string.Join(newline, lines));
    }
}
