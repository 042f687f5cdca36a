using Instacart.Analysis.Sessions;
using System.Text;
using Instacart.Analysis.Answers;
using Instacart.Synthetic;
using Instacart.Tests.Shared;

namespace Instacart.Notebooks.Tests;

/// <summary>
/// The whole report run on generated data made hostile: every customer's <c>First Name</c> and <c>Surnam</c> is a
/// unique marker (so any leak is found by a plain search), and department and product names carry script and
/// markup payloads (<see cref="HostileNames"/>: any unescaped path into HTML shows as a dialog in the browser, any
/// into a chart as a link or styled text). With Chromium present the report is printed to PDF too.
/// </summary>
public sealed class HostileDataRun : IAsyncLifetime
{
    public const string FirstMarker = "Firstmarker";
    public const string SurnameMarker = "Surmarker";
    public const string ScriptDepartment = HostileNames.Script;
    public const string ImageDepartment = HostileNames.Image;

    public string DataDirectory { get; } = RepoPaths.NewOutputFolder("hostile-data");

    public string OutputDirectory { get; } = RepoPaths.NewOutputFolder("hostile-report");

    public RunReport Report { get; private set; } = null!;

    /// <summary>Every hostile name of the data (departments and products), which outputs may only hold escaped.</summary>
    public IReadOnlyList<string> Names { get; private set; } = [];

    public async Task InitializeAsync()
    {
        SyntheticGenerator.Write(DataDirectory, new SyntheticOptions(300, 11));
        MarkPersonalNames(Path.Combine(DataDirectory, "customers.csv"));
        HostileNames.Poison(DataDirectory);

        Session = AnalysisSession.Load(DataDirectory);
        var data = Session.Data;
        Names = [.. HostileNames.Departments.Values, .. data.Products.Name.Where(n => n.Length > 0).Distinct(StringComparer.Ordinal)];
        var options = new RunOptions(RepoPaths.Notebooks, OutputDirectory)
        {
            DataDirectory = DataDirectory,
            Session = Session,
            Pdf = File.Exists(ChromiumFactAttribute.ExecutablePath),
            ExtraReportFiles =
            [
                new ExtraReportFile("answers.json", async (_, stream, token) =>
                    await stream.WriteAsync(Encoding.UTF8.GetBytes(AnswersDocument.ToText(AnswersDocument.Compute(Session, AnswerScope.Report))), token)),
            ],
        };
        Report = await NotebookRunner.RunAsync(options);
    }

    /// <summary>The run's data, handed to every notebook and to answers.json.</summary>
    public AnalysisSession Session { get; private set; } = null!;

    public Task DisposeAsync()
    {
        Session.Dispose();
        return Task.CompletedTask;
    }

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

}

[CollectionDefinition(Name)]
public sealed class HostileDataRunCollection : ICollectionFixture<HostileDataRun>
{
    public const string Name = "the report on hostile data";
}
