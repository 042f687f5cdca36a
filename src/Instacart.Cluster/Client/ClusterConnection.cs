using Instacart.Cluster.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using StackExchange.Redis;

namespace Instacart.Cluster.Client;

/// <summary>A client connected to a cluster's gateways (found through its membership store); disposing it disconnects.</summary>
public sealed class ClusterConnection : IAsyncDisposable
{
    private readonly IHost host;

    private ClusterConnection(IHost host)
    {
        this.host = host;
        Client = host.Services.GetRequiredService<IClusterClient>();
    }

    /// <summary>How long connecting may take before the cluster counts as unreachable.</summary>
    public static TimeSpan ConnectTimeout { get; } = TimeSpan.FromSeconds(30);

    /// <summary>The Orleans client.</summary>
    public IClusterClient Client { get; }

    /// <summary>
    /// Connects to the cluster at <paramref name="cluster"/>; a grain call that has no answer after
    /// <paramref name="callTimeout"/> fails (and is retried by <see cref="ClusterAnswers"/>).
    /// </summary>
    /// <exception cref="ClusterException">No silo of the cluster could be reached.</exception>
    public static async Task<ClusterConnection> ConnectAsync(ClusterAddress cluster, TimeSpan callTimeout, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var host = new HostBuilder()
            .UseOrleansClient(client =>
            {
                if (cluster.Redis is { } redis)
                {
                    client.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(redis));
                }
                else
                {
                    client.UseLocalhostClustering(cluster.LocalGatewayPort, SiloDefaults.ClusterId, SiloDefaults.ClusterId);
                }

                client.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = SiloDefaults.ClusterId;
                    o.ServiceId = SiloDefaults.ClusterId;
                });
                client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = callTimeout);
            })
            .Build();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        limit.CancelAfter(ConnectTimeout);
        try
        {
            // A membership store with no live silo in it keeps the client waiting for a gateway: the wait is bounded.
            await host.StartAsync(limit.Token).WaitAsync(ConnectTimeout + TimeSpan.FromSeconds(5), cancellation);
            return new ClusterConnection(host);
        }
        catch (Exception e) when (!cancellation.IsCancellationRequested)
        {
            _ = Task.Run(host.Dispose, CancellationToken.None);
            var why = e is OperationCanceledException or TimeoutException ? $"none answered within {ConnectTimeout.TotalSeconds:0} s" : OneLine(e.Message);
            throw new ClusterException($"no silo of the cluster at {cluster} could be reached ({why}): start silos with 'instacart silo --cluster {cluster}'", e);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await host.StopAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
        }

        host.Dispose();
    }

    internal static string OneLine(string message) => string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

/// <summary>The cluster could not answer: no silo reachable, or a part failed on every attempt. The message is one line.</summary>
public sealed class ClusterException : Exception
{
    /// <summary>Creates the error.</summary>
    public ClusterException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with its cause.</summary>
    public ClusterException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
