using Spectre.Console;

namespace Instacart.Notebooks.Tests;

public sealed class ConsoleReporterTests
{
    [Fact]
    public async Task RunAsync_RedirectedOutput_WritesPlainProgressLinesAndSummaryTable()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        var options = new RunOptions(RepoPaths.FixtureNotebooks, RepoPaths.NewOutputFolder("console-reporter"))
        {
            DataDirectory = RepoPaths.DataSample, Session = RepoPaths.SampleSession,
            Only = "02-*,04-*",
        };

        var report = await new ConsoleReporter(console).RunAsync(options);

        var text = output.ToString();
        Assert.Equal(1, report.ExitCode);
        Assert.Contains("Running 2 notebooks", text);
        Assert.Contains("[1/2] 02-compile-error: starting the kernel", text);
        Assert.Contains("[1/2] 02-compile-error: cell 3 (2/3 code) FAILED", text);
        Assert.Contains("[2/2] 04-plain-plotly: done in", text);
        Assert.Contains("Aisles 24 and 83 sell the most.", text);
        Assert.Contains("2 notebooks, 1 failed", text);
        Assert.Contains("error: notebooks/02-compile-error.dib: cell 3, line 18: CS0029:", text);
        Assert.DoesNotContain("\u001b[", text);
    }
}
