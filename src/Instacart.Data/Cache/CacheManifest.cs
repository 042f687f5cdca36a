using System.Text.Json;
using System.Text.Json.Serialization;

namespace Instacart.Data.Cache;

/// <summary>One cached table: its file in the entry, rows, length and checksum of its column data.</summary>
/// <param name="Name">The table (<c>orders</c>, <c>prior</c>, <c>train</c>, <c>products</c>, <c>departments</c>, <c>aisles</c>, <c>customers</c>).</param>
/// <param name="File">The Arrow IPC file's name inside the entry.</param>
/// <param name="Rows">Rows written.</param>
/// <param name="Bytes">The file's length.</param>
/// <param name="Checksum">The <see cref="Checksum"/> of every column's values, batch by batch, hex.</param>
internal sealed record CachedTable(string Name, string File, long Rows, long Bytes, string Checksum);

/// <summary>The drop counts of the merge whose lines an entry keeps (<see cref="Lines.LineMerge"/>).</summary>
/// <param name="PriorRows">Rows of the prior lines the merge read: must equal the cached prior table's.</param>
/// <param name="LinesJoinedOrders">Prior lines whose order is a prior order.</param>
/// <param name="LinesWithoutProduct">Of those, lines whose product was not kept.</param>
/// <param name="LinesWithoutCustomer">Of the rest, lines whose user is not a customer.</param>
internal sealed record MergeCounts(long PriorRows, long LinesJoinedOrders, long LinesWithoutProduct, long LinesWithoutCustomer);

/// <summary>What the cached line totals (<see cref="Lines.LineTotals"/>) were made with.</summary>
/// <param name="PriceLimit">The price above which prices were missing (the only option the totals depend on).</param>
/// <param name="PriceScale">The price unit of the revenue sums.</param>
/// <param name="Departments">The department dimension.</param>
/// <param name="DepartmentSets">Whether the orders' department sets are kept.</param>
/// <param name="Cells">Whether the customer × department cells are kept.</param>
internal sealed record TotalsInfo(double PriceLimit, long PriceScale, int Departments, bool DepartmentSets, bool Cells);

/// <summary>
/// A result computed from an entry's exact input bytes and kept beside its tables (<see cref="KeptResults"/>): the
/// bytes of whoever made it, read back only while every input file's bytes are still the entry's key.
/// </summary>
/// <param name="Name">What the result is, as its maker names it (the options and the build it was computed with included).</param>
/// <param name="File">Its file's name inside the entry.</param>
/// <param name="Bytes">The file's length.</param>
/// <param name="Checksum">The XxHash3 of the file's bytes, 16 hex digits.</param>
internal sealed record KeptResult(string Name, string File, long Bytes, string Checksum);

/// <summary>
/// <c>manifest.json</c> of a cache entry: the format version, the key (every input file's fingerprint) and the
/// tables. It is written last and atomically, so an entry without a valid manifest is no entry.
/// </summary>
/// <param name="Format">The cache format version; another version is a stale entry.</param>
/// <param name="Folder">The data folder the entry is for.</param>
/// <param name="Inputs">The fingerprints of the input files whose bytes the tables were read from.</param>
/// <param name="Tables">The cached tables.</param>
/// <param name="Merge">What the merge of the cached <c>merged</c> table dropped, once it is written; null before.</param>
/// <param name="Totals">What the cached line totals were made with, once they are written; null before.</param>
/// <param name="Results">The results kept beside the tables, newest first (at most <see cref="KeptResults.Most"/>); null before the first.</param>
internal sealed record CacheManifest(string Format, string Folder, IReadOnlyList<InputFingerprint> Inputs, IReadOnlyList<CachedTable> Tables, MergeCounts? Merge = null, TotalsInfo? Totals = null, IReadOnlyList<KeptResult>? Results = null)
{
    /// <summary>The manifest's file name in an entry.</summary>
    public const string FileName = "manifest.json";

    /// <summary>The manifest as JSON text.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, ManifestJson.Default.CacheManifest);

    /// <summary>The files of the entry this manifest names: its tables' and its kept results'.</summary>
    public IEnumerable<string> EntryFiles() => Tables.Select(t => t.File).Concat((Results ?? []).Select(r => r.File));

    /// <summary>Parses a manifest; throws <see cref="JsonException"/> on anything malformed or missing.</summary>
    public static CacheManifest Parse(string json) =>
        JsonSerializer.Deserialize(json, ManifestJson.Default.CacheManifest) ?? throw new JsonException("An empty manifest.");

    /// <summary>The format a manifest of any version names, read before the rest (whose members differ between versions).</summary>
    public static string FormatOf(string json) =>
        JsonSerializer.Deserialize(json, ManifestFormatJson.Default.FormatOnly)?.Format ?? throw new JsonException("An empty manifest.");

    /// <summary>The format alone, of a manifest of any version.</summary>
    /// <param name="Format">The format it names.</param>
    internal sealed record FormatOnly(string Format);
}

/// <summary>
/// The manifest's JSON (System.Text.Json's source generator: no reflection at the first read, which a cached run
/// pays on its way to the first answer): snake_case members, those without a default required, none unknown, nulls only where nullable.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(CacheManifest))]
internal sealed partial class ManifestJson : JsonSerializerContext;

/// <summary>As <see cref="ManifestJson"/>, for the format alone: any other member is passed over, so an entry of any version is told by its format.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(CacheManifest.FormatOnly))]
internal sealed partial class ManifestFormatJson : JsonSerializerContext;
