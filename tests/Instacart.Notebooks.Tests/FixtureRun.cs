[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Instacart.Notebooks.Tests;

/// <summary>
/// Runs the fixture notebooks once (in this process, as the CLI does by default) and shares the outputs with
/// every test of the <see cref="FixtureRunCollection"/>. The kernel, the working directory and formatters are
/// process-wide, so the tests of this assembly do not run in parallel.
/// </summary>
public sealed class FixtureRun : IAsyncLifetime
{
    public string OutputDirectory { get; } = RepoPaths.NewOutputFolder("fixture-run");

    public RunReport Report { get; private set; } = null!;

    public List<RunProgress> Progress { get; } = [];

    public string Read(string fileName) => File.ReadAllText(Path.Combine(OutputDirectory, fileName));

    public NotebookReport Notebook(string name) => Report.Notebooks.Single(n => n.Name == name);

    public async Task InitializeAsync()
    {
        if (!File.Exists(RepoPaths.LibraryDll))
        {
            throw new InvalidOperationException(
                "The fixture notebooks reference the Release build of Instacart.Analysis, as the real notebooks do: run the tests with -c Release (or build the library in Release first).");
        }

        var options = new RunOptions(RepoPaths.FixtureNotebooks, OutputDirectory)
        {
            DataDirectory = RepoPaths.DataSample, Session = RepoPaths.SampleSession,
            ExtraReportFiles =
            [
                new ExtraReportFile("answers.json", async (context, stream, token) =>
                {
                    var answers = string.Join(",", context.Notebooks.Select(n => $"\"{n.Name}\""));
                    await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes($"[{answers}]\n"), token);
                }),
            ],
        };
        Report = await NotebookRunner.RunAsync(options, new Recorder(Progress));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private sealed class Recorder(List<RunProgress> events) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => events.Add(value);
    }
}

[CollectionDefinition(Name)]
public sealed class FixtureRunCollection : ICollectionFixture<FixtureRun>
{
    public const string Name = "fixture notebooks";
}
