using Microsoft.Extensions.DependencyInjection;

namespace Instacart.Cluster.Parts;

/// <summary>What a silo needs to host the part grains: used by <c>instacart silo</c> and by the test clusters alike.</summary>
public static class PartGrainsSetup
{
    /// <summary>Registers the silo's <see cref="SiloEvents"/>, reporting to <paramref name="report"/> (null: nowhere).</summary>
    public static ISiloBuilder AddPartGrains(this ISiloBuilder silo, Action<string>? report)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddSingleton(_ => new SiloEvents(report));
        return silo;
    }
}
