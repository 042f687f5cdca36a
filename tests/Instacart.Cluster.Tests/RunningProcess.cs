using System.Diagnostics;

namespace Instacart.Cluster.Tests;

/// <summary>A process the test started, its output lines kept; disposing it kills it (and its children) if it still runs.</summary>
public sealed class RunningProcess : IDisposable
{
    private readonly Process process;
    private readonly List<string> lines = [];

    private RunningProcess(Process process, string name)
    {
        this.process = process;
        Name = name;
    }

    public string Name { get; }

    public bool HasExited => process.HasExited;

    /// <summary>Every line written so far, standard output and error interleaved.</summary>
    public string Output
    {
        get
        {
            lock (lines)
            {
                return string.Join('\n', lines);
            }
        }
    }

    /// <summary>Starts <paramref name="file"/> with <paramref name="args"/>, output collected line by line.</summary>
    public static RunningProcess Start(string name, string file, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        var process = new Process { StartInfo = start };
        var running = new RunningProcess(process, name);
        process.OutputDataReceived += (_, e) => running.Add(e.Data);
        process.ErrorDataReceived += (_, e) => running.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return running;
    }

    /// <summary>Runs the built <c>instacart</c> command with <paramref name="args"/>.</summary>
    public static RunningProcess Instacart(string name, params string[] args) =>
        Start(name, "dotnet", [Path.Combine(AppContext.BaseDirectory, "instacart.dll"), .. args]);

    /// <summary>Waits until a line matches <paramref name="match"/>; fails when the process exits first or the time runs out.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            lock (lines)
            {
                var found = lines.FirstOrDefault(match);
                if (found is not null)
                {
                    return found;
                }
            }

            if (process.HasExited)
            {
                // The last lines may still be on their way.
                await Task.Delay(200);
                lock (lines)
                {
                    return lines.FirstOrDefault(match) ?? throw new InvalidOperationException($"{Name} exited ({process.ExitCode}) before the line awaited:\n{string.Join('\n', lines)}");
                }
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"{Name} did not print the line awaited in {timeout.TotalSeconds} s:\n{Output}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Waits for the process to exit; returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} did not exit in {timeout.TotalSeconds} s:\n{Output}");
        }

        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>Sends SIGTERM (the way a service manager stops a silo).</summary>
    public void Terminate()
    {
        if (!process.HasExited)
        {
            Kill(process.Id, 15);
        }
    }

    /// <summary>Kills it at once (SIGKILL), as a machine failing would.</summary>
    public void KillNow()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            lock (lines)
            {
                lines.Add(line);
            }
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
