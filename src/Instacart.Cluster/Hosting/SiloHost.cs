using System.Net;
using System.Net.Sockets;
using Instacart.Cluster.Parts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using StackExchange.Redis;

namespace Instacart.Cluster.Hosting;

/// <summary>
/// A silo that hosts the part grains (<see cref="IPartGrain"/>): started with <see cref="StartAsync"/>, stopped with
/// <see cref="StopAsync"/>, which leaves the cluster (its membership row says so) within a time limit.
/// </summary>
public sealed class SiloHost : IAsyncDisposable
{
    private readonly IHost host;

    private SiloHost(IHost host, string address, int siloPort, int gatewayPort)
    {
        this.host = host;
        Address = address;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
    }

    /// <summary>The silo's address as Orleans names it.</summary>
    public string Address { get; }

    /// <summary>The port silos talk to this one on.</summary>
    public int SiloPort { get; }

    /// <summary>The port clients connect to.</summary>
    public int GatewayPort { get; }

    /// <summary>Starts a silo with <paramref name="settings"/>; returns once it has joined the cluster.</summary>
    public static async Task<SiloHost> StartAsync(SiloSettings settings, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var local = settings.Cluster.Redis is null;
        var siloPort = settings.SiloPort != 0 ? settings.SiloPort : local ? SiloDefaults.LocalSiloPort : FreePort(settings.Address);
        var gatewayPort = settings.GatewayPort != 0 ? settings.GatewayPort : local ? SiloDefaults.LocalGatewayPort : FreePort(settings.Address);
        var host = new HostBuilder()
            .UseOrleans(silo =>
            {
                if (settings.Cluster.Redis is { } redis)
                {
                    silo.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(redis));
                    silo.ConfigureEndpoints(settings.Address, siloPort, gatewayPort);
                }
                else
                {
                    // The first silo on the default port is the primary; others join it.
                    silo.UseLocalhostClustering(siloPort, gatewayPort, new IPEndPoint(IPAddress.Loopback, SiloDefaults.LocalSiloPort), SiloDefaults.ClusterId, SiloDefaults.ClusterId);
                }

                silo.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = SiloDefaults.ClusterId;
                    o.ServiceId = SiloDefaults.ClusterId;
                });
                if (settings.ProbeTimeout is { } probe)
                {
                    silo.Configure<ClusterMembershipOptions>(o =>
                    {
                        o.ProbeTimeout = probe;
                        o.TableRefreshTimeout = probe;
                        o.IAmAliveTablePublishTimeout = probe * 2;
                        o.NumMissedProbesLimit = 2;
                    });
                }

                silo.AddPartGrains(settings.Report);
            })
            .UseDefaultServiceProvider(o => o.ValidateOnBuild = false)
            .Build();
        try
        {
            await host.StartAsync(cancellation);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        var details = host.Services.GetRequiredService<ILocalSiloDetails>();
        return new SiloHost(host, details.SiloAddress.ToString(), siloPort, gatewayPort);
    }

    /// <summary>
    /// Leaves the cluster: the silo's grains are deactivated and its membership row marked dead. After
    /// <paramref name="timeout"/> the stop is forced (a silo whose membership store is gone cannot say goodbye); returns
    /// whether it stopped cleanly in time.
    /// </summary>
    public async Task<bool> StopAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await host.StopAsync(limit.Token).WaitAsync(timeout + TimeSpan.FromSeconds(5));
            return !limit.IsCancellationRequested;
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(10));
        host.Dispose();
    }

    /// <summary>
    /// A port free on <paramref name="address"/> now, drawn at random below the system's ephemeral range and tried with
    /// a listener. Not port 0: the silo's listeners share ports (SO_REUSEPORT), so two silos starting at the same moment
    /// were handed the same port by the system and both listened on it.
    /// </summary>
    private static int FreePort(IPAddress address)
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = Random.Shared.Next(20000, 32768);
            var listener = new TcpListener(address, port) { ExclusiveAddressUse = true };
            try
            {
                listener.Start();
                return port;
            }
            catch (SocketException) when (attempt < 100)
            {
            }
            finally
            {
                listener.Stop();
            }
        }
    }
}
