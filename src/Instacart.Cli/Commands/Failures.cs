using Instacart.Analysis.Input;

namespace Instacart.Cli.Commands;

/// <summary>Turns bad input into exit code 2 and one line on standard error, with no stack trace.</summary>
internal static class Failures
{
    /// <summary>Exit code for bad input.</summary>
    public const int BadInput = 2;

    /// <summary>Exit code after Ctrl+C (128 + SIGINT), as shells report it.</summary>
    public const int Interrupted = 130;

    /// <summary>Runs <paramref name="action"/>; an <see cref="InputException"/> or an I/O failure becomes a one-line error.</summary>
    public static async Task<int> Guard(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (InputException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return BadInput;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("interrupted: nothing was replaced");
            return Interrupted;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return BadInput;
        }
    }
}
