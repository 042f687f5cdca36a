namespace Instacart.Cluster.Hosting;

/// <summary>
/// Where a cluster's membership lives: <c>redis://HOST:PORT</c> (silos on any machines that reach that Redis server),
/// or <c>localhost</c> (silos on this machine only, joined to the one on the default silo port).
/// </summary>
public sealed record ClusterAddress
{
    /// <summary>The scheme of a Redis membership address.</summary>
    public const string RedisScheme = "redis://";

    private ClusterAddress(string? redis, int localGatewayPort)
    {
        Redis = redis;
        LocalGatewayPort = localGatewayPort;
    }

    /// <summary>The Redis server as <c>HOST:PORT</c>; null for localhost clustering.</summary>
    public string? Redis { get; }

    /// <summary>For localhost clustering, the gateway port a client connects to.</summary>
    public int LocalGatewayPort { get; }

    /// <summary>Localhost clustering (one machine), a client connecting to gateway port <paramref name="gatewayPort"/>.</summary>
    public static ClusterAddress Localhost(int gatewayPort = SiloDefaults.LocalGatewayPort) => new(null, gatewayPort);

    /// <summary>
    /// Parses <c>redis://HOST:PORT</c> or <c>localhost[:GATEWAY]</c>; anything else is an <see cref="ArgumentException"/>
    /// whose message says what is expected.
    /// </summary>
    public static ClusterAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith(RedisScheme, StringComparison.OrdinalIgnoreCase))
        {
            var rest = text[RedisScheme.Length..].TrimEnd('/');
            var colon = rest.LastIndexOf(':');
            if (colon > 0 && int.TryParse(rest[(colon + 1)..], out var port) && port is > 0 and < 65536 && !rest[..colon].Contains('/'))
            {
                return new ClusterAddress(rest, 0);
            }
        }
        else if (text == "localhost")
        {
            return Localhost();
        }
        else if (text.StartsWith("localhost:", StringComparison.Ordinal) && int.TryParse(text["localhost:".Length..], out var gateway) && gateway is > 0 and < 65536)
        {
            return Localhost(gateway);
        }

        throw new ArgumentException($"'{text}' is not a cluster address: give redis://HOST:PORT (Redis membership) or localhost[:GATEWAY-PORT]");
    }

    /// <inheritdoc />
    public override string ToString() => Redis is null ? $"localhost:{LocalGatewayPort}" : RedisScheme + Redis;
}

/// <summary>The ports and names every silo and client of this tool share.</summary>
public static class SiloDefaults
{
    /// <summary>The cluster's and the service's id: silos and clients with the same membership store and id form one cluster.</summary>
    public const string ClusterId = "instacart";

    /// <summary>The silo port of the first silo of a localhost cluster, which the others join.</summary>
    public const int LocalSiloPort = 11111;

    /// <summary>The gateway port of the first silo of a localhost cluster, which clients connect to.</summary>
    public const int LocalGatewayPort = 30000;
}
