namespace Instacart.Cli.Tests;

/// <summary>
/// A fact that sends Ctrl+C (SIGINT) to a run it starts. A process started in the background by a shell without job
/// control (<c>command &amp;</c> in a script) ignores SIGINT, and so does every process it starts: the run would never
/// see the signal and finish normally. There the fact is reported as skipped with the reason (xUnit 2 has no dynamic skip).
/// </summary>
public sealed class InterruptibleFactAttribute : FactAttribute
{
    public InterruptibleFactAttribute()
    {
        if (IgnoresInterrupt())
        {
            Skip = "SIGINT is ignored in this test process (started in the background by a shell without job control), so Ctrl+C cannot reach the run: run the tests in the foreground.";
        }
    }

    /// <summary>Whether SIGINT (signal 2, bit 1 of the mask) is in this process's ignored signals (<c>SigIgn</c> of <c>/proc/self/status</c>).</summary>
    private static bool IgnoresInterrupt()
    {
        const string status = "/proc/self/status";
        if (!OperatingSystem.IsLinux() || !File.Exists(status))
        {
            return false;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null
            && ulong.TryParse(line["SigIgn:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var mask)
            && (mask & (1UL << 1)) != 0;
    }
}
