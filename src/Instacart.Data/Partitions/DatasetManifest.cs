using System.Text.Json;
using System.Text.Json.Serialization;
using Instacart.Data.Derivation;

namespace Instacart.Data.Partitions;

/// <summary>One file of a partitioned dataset: an Arrow table as the cache writes it, with the hash of all its bytes.</summary>
/// <param name="Table">The table (<c>orders</c>, <c>prior</c>, <c>train</c>, <c>customers</c>; <c>products</c>, <c>departments</c>, <c>aisles</c>).</param>
/// <param name="File">The file's name inside its folder.</param>
/// <param name="Rows">Rows written.</param>
/// <param name="Bytes">The file's length.</param>
/// <param name="Checksum">The checksum of its column values, as the cache's reader checks it.</param>
/// <param name="ContentXxh128">The XxHash128 of every byte of the file (<see cref="Cache.ContentHash"/>), checked before it is read.</param>
internal sealed record DatasetFile(string Table, string File, long Rows, long Bytes, string Checksum, string ContentXxh128);

/// <summary>A folder of the dataset (a part's, or the dimensions') and its files.</summary>
/// <param name="Folder">The folder's name inside the dataset (<c>part-000</c>, <c>dimensions</c>).</param>
/// <param name="Files">Its files.</param>
internal sealed record DatasetFolder(string Folder, IReadOnlyList<DatasetFile> Files)
{
    /// <summary>Rows of every table of the folder, by table.</summary>
    public long RowsOf(string table) => Files.FirstOrDefault(f => f.Table == table)?.Rows ?? 0;
}

/// <summary>
/// <c>dataset.json</c> of a partitioned dataset: the format, the fingerprint of the data folder it was made from, the
/// day convention it was checked with, the dimension tables' folder and each part's folder with the row counts and
/// hashes of their files. It is written last, inside a folder renamed into place whole.
/// </summary>
/// <param name="Format">The format tag, <see cref="FormatVersion"/>.</param>
/// <param name="Fingerprint">The source data's fingerprint (<see cref="InstacartData.Fingerprint"/>).</param>
/// <param name="DayConvention">The day convention the data was loaded and checked with.</param>
/// <param name="PartCount">How many parts.</param>
/// <param name="Dimensions">The tables every part shares.</param>
/// <param name="Parts">Each part's tables, in part order.</param>
internal sealed record DatasetManifest(string Format, string Fingerprint, DayConvention DayConvention, int PartCount, DatasetFolder Dimensions, IReadOnlyList<DatasetFolder> Parts)
{
    /// <summary>The manifest's file name at the dataset's root.</summary>
    public const string FileName = "dataset.json";

    /// <summary>What every version of the format starts with: the mark of a dataset this tool wrote.</summary>
    public const string FormatFamily = "instacart-dataset/";

    /// <summary>The format this version writes and reads.</summary>
    public const string FormatVersion = FormatFamily + "1";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>The manifest as JSON text.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Parses a manifest; throws <see cref="JsonException"/> on anything malformed or missing.</summary>
    public static DatasetManifest Parse(string json) =>
        JsonSerializer.Deserialize<DatasetManifest>(json, Json) ?? throw new JsonException("An empty manifest.");

    /// <summary>Whether <paramref name="folder"/> holds a <c>dataset.json</c> naming this format family (any version): a dataset this tool wrote.</summary>
    public static bool IsDataset(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("format", out var format)
                && format.ValueKind == JsonValueKind.String
                && format.GetString()!.StartsWith(FormatFamily, StringComparison.Ordinal);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
