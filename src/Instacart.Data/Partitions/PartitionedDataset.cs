using System.Text.Json;
using Instacart.Data.Cache;
using Instacart.Data.Input;
using Instacart.Data.Lines;

namespace Instacart.Data.Partitions;

/// <summary>
/// A data folder split by customer into parts (<see cref="CustomerParts"/>) and written as Arrow tables: a folder per
/// part (<c>part-000</c>, …) with its orders, prior and train lines and customers, the dimension tables once
/// (<c>dimensions</c>: products, departments, aisles), and <c>dataset.json</c> (<see cref="DatasetManifest"/>). Each part
/// loads on its own (<see cref="LoadPart(int)"/>) into the data of its customers, so parts can be answered on
/// different machines and their partial answers merged.
/// </summary>
/// <remarks>
/// Every file is checked before it is used: the XxHash128 of all its bytes against the manifest, then the Arrow
/// reader's own checks (schema, rows, column checksums). A changed byte is a <see cref="DatasetException"/> naming the
/// part and the file, never an answer. The tables hold what a load of the source folder kept (customers without names).
/// </remarks>
public sealed class PartitionedDataset
{
    /// <summary>The folder of the tables every part shares.</summary>
    internal const string DimensionsFolder = "dimensions";

    private PartitionedDataset(string folder, DatasetManifest manifest)
    {
        Folder = folder;
        Manifest = manifest;
    }

    /// <summary>The dataset's folder (full path).</summary>
    public string Folder { get; }

    /// <summary>How many parts the dataset has.</summary>
    public int Parts => Manifest.PartCount;

    /// <summary>The fingerprint of the data folder the dataset was made from (<see cref="InstacartData.Fingerprint"/>).</summary>
    public string Fingerprint => Manifest.Fingerprint;

    /// <summary>The day convention the source folder was loaded and checked with, which every part's load uses.</summary>
    public Derivation.DayConvention DayConvention => Manifest.DayConvention;

    /// <summary>Rows of the customers tables of every part: the dataset's customers, as the manifest records them.</summary>
    public long Customers => Manifest.Parts.Sum(p => p.RowsOf("customers"));

    /// <summary>The manifest as read.</summary>
    internal DatasetManifest Manifest { get; }

    /// <summary>The name of part <paramref name="part"/>'s folder: <c>part-000</c>, <c>part-001</c>, ….</summary>
    internal static string PartFolder(int part) => $"part-{part:D3}";

    /// <summary>Whether <paramref name="folder"/> holds a partitioned dataset's <c>dataset.json</c> (of any format version).</summary>
    public static bool IsDataset(string folder) => DatasetManifest.IsDataset(Path.GetFullPath(folder));

    /// <summary>
    /// Reads and checks <paramref name="folder"/>'s <c>dataset.json</c>: its format, its part folders and file names.
    /// The tables themselves are checked when a part is loaded.
    /// </summary>
    /// <exception cref="DatasetException">No manifest, another format, or a manifest that does not describe a dataset.</exception>
    public static PartitionedDataset Open(string folder)
    {
        folder = Path.GetFullPath(folder);
        var path = Path.Combine(folder, DatasetManifest.FileName);
        if (!File.Exists(path))
        {
            throw new DatasetException($"{folder} holds no {DatasetManifest.FileName}: it is not a partitioned dataset (make one with 'instacart partition')");
        }

        DatasetManifest manifest;
        try
        {
            manifest = DatasetManifest.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new DatasetException($"{DatasetManifest.FileName} in {folder} is not a dataset manifest of format {DatasetManifest.FormatVersion} ({e.Message.Split('\n')[0].Trim()}): partition the data again", e);
        }

        Check(folder, manifest);
        return new PartitionedDataset(folder, manifest);
    }

    /// <summary>The rows of <paramref name="table"/> (<c>orders</c>, <c>prior</c>, <c>train</c>, <c>customers</c>) in part <paramref name="part"/>, as the manifest records them.</summary>
    public long Rows(int part, string table) => Manifest.Parts[CheckedPart(part)].RowsOf(table);

    /// <summary>Loads part <paramref name="part"/> (0-based) on every core: see <see cref="LoadPart(int, Parallelism)"/>.</summary>
    public InstacartData LoadPart(int part) => LoadPart(part, Parallelism.Default);

    /// <summary>
    /// Loads part <paramref name="part"/> (0-based) and the dimensions: every file checked against the manifest's hash
    /// and the Arrow reader's checks, then cleaned, merged and derived as a load of the source folder would
    /// (<see cref="InstacartData.FromTables"/>), with the source's day convention and fingerprint.
    /// </summary>
    /// <exception cref="DatasetException">A file is missing, changed or damaged: the message names the part and the file.</exception>
    internal InstacartData LoadPart(int part, Parallelism parallelism) => Load(ReadPart(part, parallelism), parallelism);

    /// <summary>
    /// Cleans, merges and derives <paramref name="input"/> (a part's tables, or rows drawn from them) as a load of the
    /// source folder would, with the source's day convention and fingerprint.
    /// </summary>
    internal InstacartData Load(InputTables input, Parallelism parallelism) =>
        InstacartData.FromTables(input, Options, Manifest.Fingerprint, parallelism);

    /// <summary>The options every part is loaded with: the defaults with the source's day convention.</summary>
    internal Derivation.AnalysisOptions Options => Derivation.AnalysisOptions.Default with { DayConvention = Manifest.DayConvention };

    /// <summary>
    /// Reads part <paramref name="part"/>'s tables and the dimensions, every file checked against the manifest's hash
    /// and the Arrow reader's checks: the input tables of its customers, nothing cleaned yet.
    /// </summary>
    /// <exception cref="DatasetException">A file is missing, changed or damaged: the message names the part and the file.</exception>
    internal InputTables ReadPart(int part, Parallelism parallelism)
    {
        var index = CheckedPart(part);
        var dimensions = Manifest.Dimensions;
        var own = Manifest.Parts[index];
        Verify(index, [(dimensions, dimensions.Files), (own, own.Files)], parallelism);

        var dimensionsDir = Path.Combine(Folder, dimensions.Folder);
        var partDir = Path.Combine(Folder, own.Folder);
        T Read<T>(DatasetFolder where, string dir, ArrowTable<T, T> table)
            where T : class => ReadTable(index, where, dir, table, required: true)!;
        var input = new InputTables(
            partDir,
            Read(own, partDir, CacheTables.Orders),
            Read(own, partDir, CacheTables.Prior),
            ReadTable(index, own, partDir, CacheTables.Train, required: false),
            ReadTable(index, dimensions, dimensionsDir, CacheTables.Products, required: true)!,
            Read(dimensions, dimensionsDir, CacheTables.Departments),
            ReadTable(index, dimensions, dimensionsDir, CacheTables.Aisles, required: false),
            Read(own, partDir, CacheTables.Customers));
        return input;
    }

    /// <summary>Writes the dataset of <paramref name="data"/> in <paramref name="parts"/> parts into <paramref name="folder"/>: see <see cref="DatasetWriter"/>.</summary>
    /// <param name="data">The loaded data folder (its input tables as checked and cleaned by the load).</param>
    /// <param name="folder">Where the dataset goes; an existing folder is replaced only when it holds a dataset.</param>
    /// <param name="parts">How many parts (at least 1).</param>
    /// <param name="partWritten">Called with the number of parts written so far, after each part.</param>
    /// <exception cref="DatasetException">The folder may not be written (not a dataset, inside the data folder, a file).</exception>
    public static PartitionedDataset Write(InstacartData data, string folder, int parts, Action<int>? partWritten = null)
    {
        DatasetWriter.Write(data, folder, parts, partWritten);
        return Open(folder);
    }

    private int CheckedPart(int part) =>
        part >= 0 && part < Manifest.PartCount ? part : throw new ArgumentOutOfRangeException(nameof(part), part, $"the dataset has parts 0 to {Manifest.PartCount - 1}");

    private TRead? ReadTable<TSource, TRead>(int part, DatasetFolder where, string dir, ArrowTable<TSource, TRead> table, bool required)
        where TRead : class
    {
        var file = where.Files.FirstOrDefault(f => f.Table == table.Name);
        if (file is null)
        {
            return required ? throw new DatasetException($"part {part}: {where.Folder} has no {table.Name} table in {DatasetManifest.FileName}") : null;
        }

        try
        {
            return table.Read(dir, new CachedTable(file.Table, file.File, file.Rows, file.Bytes, file.Checksum));
        }
        catch (Exception e) when (e is CacheDamagedException or IOException or InvalidDataException or ArgumentException or InvalidOperationException || e is AggregateException)
        {
            var cause = e is AggregateException many ? many.Flatten().InnerExceptions[0] : e;
            throw new DatasetException($"part {part}: {where.Folder}/{file.File} is damaged ({cause.Message}): partition the data again", e);
        }
    }

    private void Verify(int part, IReadOnlyList<(DatasetFolder Folder, IReadOnlyList<DatasetFile> Files)> folders, Parallelism parallelism)
    {
        var files = folders.SelectMany(f => f.Files.Select(file => (f.Folder, File: file))).ToList();
        var hashes = ContentHash.Of([.. files.Select(f => (string?)Path.Combine(Folder, f.Folder.Folder, f.File.File))], parallelism);
        for (var i = 0; i < files.Count; i++)
        {
            var (where, file) = files[i];
            var name = $"{where.Folder}/{file.File}";
            if (hashes[i] is not { } hash)
            {
                throw new DatasetException($"part {part}: {name} is missing from the dataset {Folder}: partition the data again");
            }

            if (hash.ChangedWhileRead || hash.Size != file.Bytes || !string.Equals(hash.Hash, file.ContentXxh128, StringComparison.Ordinal))
            {
                throw new DatasetException($"part {part}: {name} is not the file the dataset was written with (its bytes changed): partition the data again");
            }
        }
    }

    private static void Check(string folder, DatasetManifest manifest)
    {
        string Bad(string what) => throw new DatasetException($"{DatasetManifest.FileName} in {folder} {what}: partition the data again");
        if (manifest.Format != DatasetManifest.FormatVersion)
        {
            Bad($"is of format {manifest.Format}, and this version reads {DatasetManifest.FormatVersion}");
        }

        if (manifest.PartCount < 1 || manifest.Parts.Count != manifest.PartCount)
        {
            Bad($"names {manifest.Parts.Count} part folders for {manifest.PartCount} parts");
        }

        if (manifest.Dimensions.Folder != DimensionsFolder)
        {
            Bad($"names the dimensions folder {manifest.Dimensions.Folder}, not {DimensionsFolder}");
        }

        for (var p = 0; p < manifest.Parts.Count; p++)
        {
            if (manifest.Parts[p].Folder != PartFolder(p))
            {
                Bad($"names part {p}'s folder {manifest.Parts[p].Folder}, not {PartFolder(p)}");
            }
        }

        foreach (var file in manifest.Parts.Append(manifest.Dimensions).SelectMany(f => f.Files))
        {
            // A file name is a plain name inside its folder: nothing the manifest says can reach outside the dataset.
            if (file.File.Length == 0 || Path.GetFileName(file.File) != file.File || file.File is "." or ".." || file.File.Contains('\\'))
            {
                Bad($"names a file '{file.File}' that is not a plain file name");
            }
        }
    }
}
