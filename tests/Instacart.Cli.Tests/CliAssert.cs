namespace Instacart.Cli.Tests;

/// <summary>Assertions on what the command printed.</summary>
internal static class CliAssert
{
    /// <summary>Exit code 2, no stack trace, and one line on standard error starting with <c>error: </c> and <paramref name="file"/>; returns the line.</summary>
    public static string OneLineError(CliProcess.Result result, string file)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: {file}", line, StringComparison.Ordinal);
        return line;
    }
}
