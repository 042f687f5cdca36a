using Instacart.Analysis.Sessions;
using Instacart.Analysis.Answers;

namespace Instacart.Notebooks.Tests;

/// <summary>
/// The README's main job as a test (the CI smoke test): every notebook of <c>notebooks/</c> on <c>data-sample/</c>
/// in the real kernel, with the report's answers.json, exactly as <c>instacart run</c> does it.
/// </summary>
public sealed class ReportRun : IAsyncLifetime
{
    public string OutputDirectory { get; } = RepoPaths.NewOutputFolder("report");

    public RunReport Report { get; private set; } = null!;

    /// <summary>The run's date, as the CLI would pass the time it started.</summary>
    public static DateTimeOffset RunAt { get; } = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public IReadOnlyList<string> NotebookNames { get; } =
        Directory.GetFiles(RepoPaths.Notebooks, "*.dib").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList()!;

    public async Task InitializeAsync()
    {
        Session = AnalysisSession.Load(RepoPaths.DataSample);
        var data = Session.Data;
        var options = new RunOptions(RepoPaths.Notebooks, OutputDirectory)
        {
            DataDirectory = RepoPaths.DataSample,
            Session = Session,
            Dataset = Instacart.Notebooks.Publishing.DatasetIdentity.Of(data, RepoPaths.DataSample),
            RunAt = RunAt,
            ExtraReportFiles =
            [
                new ExtraReportFile("answers.json", async (_, stream, token) =>
                    await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(AnswersDocument.ToText(AnswersDocument.Compute(Session, AnswerScope.Report))), token)),
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
}

[CollectionDefinition(Name)]
public sealed class ReportRunCollection : ICollectionFixture<ReportRun>
{
    public const string Name = "the report on data-sample";
}
