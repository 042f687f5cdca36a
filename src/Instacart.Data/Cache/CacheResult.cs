namespace Instacart.Data.Cache;

/// <summary>What a load did with the cache.</summary>
public enum CacheUse
{
    /// <summary>No cache: the CSV files were parsed and nothing was written.</summary>
    Off,

    /// <summary>The input tables were read from a valid cache entry; no CSV file was parsed.</summary>
    Hit,

    /// <summary>There was no entry: the CSV files were parsed and an entry written.</summary>
    Written,

    /// <summary>The entry was stale or damaged (see <see cref="CacheResult.Reason"/>): it was not used, the CSV files were parsed and the entry written anew.</summary>
    Rebuilt,

    /// <summary>The CSV files were parsed but no entry could be written (see <see cref="CacheResult.Reason"/>); the load itself succeeded.</summary>
    NotWritten,
}

/// <summary>What a load did with the cache and why.</summary>
/// <param name="Use">Whether the cache was read, written, rebuilt or not used.</param>
/// <param name="Reason">Why an entry was rebuilt or not written (which file changed, what was damaged); <see langword="null"/> otherwise.</param>
public sealed record CacheResult(CacheUse Use, string? Reason = null)
{
    /// <summary>The result of a load without a cache.</summary>
    public static CacheResult Off { get; } = new(CacheUse.Off);

    /// <inheritdoc />
    public override string ToString() => Reason is null ? Use.ToString().ToLowerInvariant() : $"{Use.ToString().ToLowerInvariant()} ({Reason})";
}
