namespace Instacart.Cli.Tests;

/// <summary><c>instacart run</c> checks the data before any kernel starts.</summary>
public sealed class RunCommandTests(GoodDataFixture fixture) : IClassFixture<GoodDataFixture>
{
    private static string Notebooks
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Instacart.Notebooks.sln")))
            {
                dir = dir.Parent;
            }

            return Path.Combine(dir!.FullName, "notebooks");
        }
    }

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
}
