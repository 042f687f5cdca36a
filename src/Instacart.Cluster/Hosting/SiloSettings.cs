using System.Net;

namespace Instacart.Cluster.Hosting;

/// <summary>How to run one silo.</summary>
/// <param name="Cluster">The membership: Redis, or localhost clustering.</param>
/// <param name="SiloPort">The port silos talk on; 0: a free port (Redis), or the first silo's (localhost).</param>
/// <param name="GatewayPort">The port clients connect to; 0: a free port (Redis), or the first silo's (localhost).</param>
/// <param name="Address">The address other silos and clients reach this one at (loopback on one machine).</param>
/// <param name="ProbeTimeout">How long a membership probe may take before it counts as missed; null: Orleans' default. Shorter declares a killed silo dead sooner (the fault drills use about a second).</param>
/// <param name="Report">Where the silo's grains report each part they answer; null: nowhere.</param>
public sealed record SiloSettings(ClusterAddress Cluster, int SiloPort, int GatewayPort, IPAddress Address, TimeSpan? ProbeTimeout = null, Action<string>? Report = null);
