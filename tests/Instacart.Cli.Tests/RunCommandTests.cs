namespace Instacart.Cli.Tests;

/// <summary><c>instacart run</c> checks the data before any kernel starts.</summary>
public sealed class RunCommandTests(GoodDataFixture fixture) : IClassFixture<GoodDataFixture>
{
    private static string Notebooks => RepoPaths.Notebooks;

    [Theory]
    [InlineData("orders.csv", "order_id,user_id,eval_set,order_number,order_dow,order_hour_of_day,days_since_prior_order\n1,1,prior,1,9,10,\n")]
    [InlineData("products.csv", "product_id;product_name;aisle_id;department_id;prices\r\n")]
    public void Run_BadInput_ExitsTwoWithOneLineAndWritesNoReport(string file, string text)
    {
        var folder = fixture.Data.Copy();
        var output = Path.Combine(Path.GetTempPath(), "instacart-run-out-" + Guid.NewGuid().ToString("N"));
        try
        {
            File.WriteAllText(Path.Combine(folder, file), text);

            var result = CliProcess.Run("run", "--notebooks", Notebooks, "--data", folder, "--out", output);

            Assert.Equal(2, result.ExitCode);
            var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith($"error: {file}: line ", line);
            Assert.False(Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [InterruptibleFact]
    public async Task Run_InterruptedWithCtrlC_LeavesThePreviousReportIntact()
    {
        var output = Path.Combine(Path.GetTempPath(), "instacart-run-interrupted-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(output);
        // A report of ours, as an earlier run left it: the marker lists the file it wrote.
        var previous = Path.Combine(output, "index.html");
        File.WriteAllText(previous, "the previous report");
        File.WriteAllText(Path.Combine(output, ".instacart-report.json"), "{\"tool\": \"instacart\", \"format\": \"instacart-report/1\", \"files\": [\"index.html\"]}\n");
        var before = FolderSnapshot.Of(output);
        try
        {
            var start = new System.Diagnostics.ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                ArgumentList = { Path.Combine(AppContext.BaseDirectory, "instacart.dll"), "run", "--notebooks", Notebooks, "--data", fixture.Data.Folder, "--out", output, "--no-cache" },
            };
            using var process = System.Diagnostics.Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await WaitForAsync(() => Directory.GetDirectories(output, ".instacart-staging-*").Length > 0);
            await Task.Delay(2000);
            Assert.Equal(0, SendInterrupt(process.Id));
            await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);

            var log = await stdout + await stderr;
            // The run's own output says where the interrupt landed when it did not stop the run.
            Assert.True(process.ExitCode == 130, $"exit code {process.ExitCode}, not 130; the run said:\n{log}");
            Assert.Equal("the previous report", File.ReadAllText(previous));
            // Only the lock file is new (it stays: removing it could let two later runs lock two different files).
            Assert.True(FolderSnapshot.Differences(before, FolderSnapshot.Of(output)).SequenceEqual([".instacart.lock"]), log);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 600 && !condition(); i++)
        {
            await Task.Delay(100);
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private static int SendInterrupt(int pid) => Kill(pid, 2);
}
