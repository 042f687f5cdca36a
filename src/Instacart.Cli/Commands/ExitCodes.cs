namespace Instacart.Cli.Commands;

/// <summary>The command's exit codes, described once for <c>--help</c> and used by every command.</summary>
internal static class ExitCodes
{
    /// <summary>Everything ran and every file was written.</summary>
    public const int Success = 0;

    /// <summary><c>run</c>: a notebook cell failed (the report is written and shows where).</summary>
    public const int NotebookFailed = 1;

    /// <summary>Bad input data, a usage error, a folder that may not be written, or a write that failed: nothing was replaced.</summary>
    public const int BadInput = 2;

    /// <summary>Interrupted with Ctrl+C or SIGTERM (128 + SIGINT, as shells report it): nothing was replaced.</summary>
    public const int Interrupted = 130;

    /// <summary>One sentence for <c>--help</c>.</summary>
    public const string Summary =
        "Exit codes: 0 done; 1 a notebook cell failed (run; the report shows where); 2 bad input, a usage error, an output folder that is not ours to write, or a failed write (nothing replaced); 130 interrupted (nothing replaced).";
}
