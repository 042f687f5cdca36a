using System.Net;
using System.Net.Sockets;

namespace Instacart.Cluster.Tests;

/// <summary>Runs only where <c>redis-server</c> is installed (<c>.ci/run</c> installs it).</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (RedisServer.Path is null)
        {
            Skip = "redis-server is not installed: apt-get install -y redis-server (the cluster test needs a real membership store)";
        }
    }
}

/// <summary>
/// The cluster as a user runs it: a Redis server, three <c>instacart silo</c> processes, and <c>instacart answers
/// --cluster</c>; one silo killed while it answers a part. Every process and the Redis server are stopped whatever happens.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class EndToEndTests
{
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(120);

    [RedisFact]
    public async Task AnswersCluster_SiloKilledMidRun_RetriesAndWritesTheSameBytes()
    {
        using var data = new TestData(parts: 12);
        var port = FreePort();
        var cluster = $"redis://127.0.0.1:{port}";
        var output = Path.Combine(data.Root, "out", "answers.json");
        var processes = new List<RunningProcess>();
        try
        {
            var redis = RunningProcess.Start("redis-server", RedisServer.Path!, "--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no");
            processes.Add(redis);
            await redis.WaitForLineAsync(l => l.Contains("Ready to accept connections", StringComparison.Ordinal), Startup);

            // Short membership probes: a killed silo is declared dead in seconds, not the default tens of seconds.
            var silos = Enumerable.Range(1, 3).Select(i => RunningProcess.Instacart($"silo {i}", "silo", "--cluster", cluster, "--probe-timeout", "1")).ToList();
            processes.InsertRange(0, silos);
            foreach (var silo in silos)
            {
                await silo.WaitForLineAsync(l => l.StartsWith("silo ready:", StringComparison.Ordinal), Startup);
            }

            var client = RunningProcess.Instacart("client", "answers", "--cluster", cluster, "--data", data.Dataset.Folder, "--out", output, "--part-timeout", "15");
            processes.Insert(0, client);

            // The first silo that starts answering a part is killed while the part is in flight (a cold silo takes far
            // longer than this to load and answer its first part).
            var victim = await FirstAnsweringAsync(silos, client);
            victim.KillNow();

            var exit = await client.WaitForExitAsync(TimeSpan.FromMinutes(4));

            Assert.True(exit == 0, $"the client exited {exit}:\n{client.Output}");
            Assert.Equal(data.ExpectedAnswers, File.ReadAllText(output));
            var retried = await client.WaitForLineAsync(l => l.StartsWith("retried parts:", StringComparison.Ordinal), TimeSpan.FromSeconds(5));
            Assert.NotEqual("retried parts: none", retried);
            Assert.Contains("parts done: 12 of 12", client.Output, StringComparison.Ordinal);

            // The survivors leave the cluster cleanly on SIGTERM, before the Redis server goes.
            foreach (var silo in silos.Where(s => s != victim))
            {
                silo.Terminate();
            }

            foreach (var silo in silos.Where(s => s != victim))
            {
                Assert.Equal(0, await silo.WaitForExitAsync(TimeSpan.FromSeconds(60)));
                Assert.Contains("silo stopped", silo.Output, StringComparison.Ordinal);
            }
        }
        finally
        {
            // Client and silos first, the Redis server last (a silo whose store is gone hangs in its stop).
            foreach (var process in processes)
            {
                process.Dispose();
            }
        }
    }

    private static async Task<RunningProcess> FirstAnsweringAsync(IReadOnlyList<RunningProcess> silos, RunningProcess client)
    {
        var until = DateTime.UtcNow + Startup;
        while (DateTime.UtcNow < until)
        {
            var answering = silos.FirstOrDefault(s => s.Output.Contains(": answering", StringComparison.Ordinal));
            if (answering is not null)
            {
                return answering;
            }

            if (client.HasExited)
            {
                throw new InvalidOperationException($"the client exited before any silo answered a part:\n{client.Output}");
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"no silo started answering a part:\n{client.Output}");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

/// <summary>Where <c>redis-server</c> is, if installed.</summary>
public static class RedisServer
{
    public static string? Path { get; } = Find();

    private static string? Find()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator).Append("/usr/sbin").Append("/usr/bin"))
        {
            var candidate = System.IO.Path.Combine(dir, "redis-server");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
