using System.Text;
using Instacart.Analysis;
using Instacart.Analysis.Answers;
using Instacart.Analysis.Synthetic;

namespace Instacart.Notebooks.Tests;

/// <summary>
/// The whole report run on generated data made hostile: every customer's <c>First Name</c> and <c>Surnam</c> is a
/// unique marker (so any leak is found by a plain search), and department and product names carry script and
/// markup payloads (so any unescaped path into HTML shows as a dialog in the browser).
/// </summary>
public sealed class HostileDataRun : IAsyncLifetime
{
    public const string FirstMarker = "Firstmarker";
    public const string SurnameMarker = "Surmarker";
    public const string ScriptDepartment = "<script>alert(1)</script>";
    public const string ImageDepartment = "\"><img src=x onerror=alert(2)>";

    public string DataDirectory { get; } = RepoPaths.NewOutputFolder("hostile-data");

    public string OutputDirectory { get; } = RepoPaths.NewOutputFolder("hostile-report");

    public RunReport Report { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        SyntheticGenerator.Write(DataDirectory, new SyntheticOptions(300, 11));
        MarkPersonalNames(Path.Combine(DataDirectory, "customers.csv"));
        PoisonNames(Path.Combine(DataDirectory, "departments.csv"), Path.Combine(DataDirectory, "products.csv"));

        var data = InstacartData.Load(DataDirectory);
        var options = new RunOptions(RepoPaths.Notebooks, OutputDirectory)
        {
            DataDirectory = DataDirectory,
            ExtraReportFiles =
            [
                new ExtraReportFile("answers.json", async (_, stream, token) =>
                    await stream.WriteAsync(Encoding.UTF8.GetBytes(AnswersDocument.ToText(ReportAnswers.Compute(data))), token)),
            ],
        };
        Report = await NotebookRunner.RunAsync(options);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static void MarkPersonalNames(string path)
    {
        var lines = File.ReadAllText(path).Split("\r\n");
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            var fields = lines[i].Split(',');
            Assert.Equal(10, fields.Length);
            fields[1] = $"{FirstMarker}{i:D6}";
            fields[2] = $"{SurnameMarker}{i:D6}";
            lines[i] = string.Join(',', fields);
        }

        File.WriteAllText(path, string.Join("\r\n", lines));
    }

    private static void PoisonNames(string departmentsPath, string productsPath)
    {
        var departments = File.ReadAllText(departmentsPath);
        departments = departments
            .Replace(",produce,", "," + Quote(ScriptDepartment) + ",", StringComparison.Ordinal)
            .Replace(",dairy eggs,", "," + Quote(ImageDepartment) + ",", StringComparison.Ordinal);
        File.WriteAllText(departmentsPath, departments);

        // Every product name becomes markup with its id, quoted as RFC 4180 says.
        var lines = File.ReadAllText(productsPath).Split("\r\n");
        for (var i = 1; i < lines.Length; i++)
        {
            var comma = lines[i].IndexOf(',', StringComparison.Ordinal);
            if (comma < 0)
            {
                continue;
            }

            var id = lines[i][..comma];
            var rest = lines[i][(comma + 1)..];
            var afterName = rest.StartsWith('"') ? rest[(rest.IndexOf("\",", 1, StringComparison.Ordinal) + 2)..] : rest[(rest.IndexOf(',', StringComparison.Ordinal) + 1)..];
            var name = string.IsNullOrWhiteSpace(rest.Split(',')[0]) ? string.Empty : Quote($"<img src=x onerror=alert({id})></script><script>alert({id})</script>");
            lines[i] = $"{id},{name},{afterName}";
        }

        File.WriteAllText(productsPath, string.Join("\r\n", lines));
    }

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

[CollectionDefinition(Name)]
public sealed class HostileDataRunCollection : ICollectionFixture<HostileDataRun>
{
    public const string Name = "the report on hostile data";
}
