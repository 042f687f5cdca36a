using System.CommandLine;
using Instacart.Cluster.Client;
using Instacart.Data.Input;
using Instacart.Data.Partitions;
using Instacart.Notebooks.Publishing;

namespace Instacart.Cli.Commands;

/// <summary>Turns bad input, refused outputs, failed writes and usage errors into exit code 2 and one line on standard error, with no stack trace.</summary>
internal static class Failures
{
    /// <summary>Runs <paramref name="action"/>; an <see cref="InputException"/>, a refused output, or an I/O failure becomes a one-line error.</summary>
    public static async Task<int> Guard(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (InputException e)
        {
            return await ErrorAsync(e.Message);
        }
        catch (ReportRefusedException e)
        {
            return await ErrorAsync(e.Message);
        }
        catch (DatasetException e)
        {
            return await ErrorAsync(e.Message);
        }
        catch (ClusterException e)
        {
            return await ErrorAsync(OneLine(e.Message));
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("interrupted: nothing was replaced");
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return await ErrorAsync(OneLine(e.Message));
        }
    }

    /// <summary>A usage error: its first message and where to read about the options, on one line; exit code 2.</summary>
    public static async Task<int> UsageAsync(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var path = command.Parents.OfType<Command>().Any() ? $"instacart {command.Name}" : "instacart";
        // The most telling errors first: a token that was not understood says more than "a command is required".
        var messages = parse.Errors.Select(e => OneLine(e.Message).TrimEnd('.')).Distinct()
            .OrderBy(m => m.StartsWith("Required command", StringComparison.Ordinal) ? 1 : 0).ToList();
        return await ErrorAsync($"{string.Join("; ", messages)} (see '{path} --help')");
    }

    private static async Task<int> ErrorAsync(string message)
    {
        await Console.Error.WriteLineAsync($"error: {message}");
        return ExitCodes.BadInput;
    }

    private static string OneLine(string message) => string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
