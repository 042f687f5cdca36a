using Instacart.Data.Cache;
using Instacart.Data.Input;
using Instacart.Data.Paths;

namespace Instacart.Data.Partitions;

/// <summary>
/// Writes a partitioned dataset (<see cref="PartitionedDataset"/>) whole or not at all: every file goes into a
/// temporary sibling folder, <c>dataset.json</c> last, and that folder is renamed into place. An existing folder is
/// replaced only when it holds a dataset this tool wrote (its <c>dataset.json</c> names the format); anything else is
/// refused and left as it is.
/// </summary>
internal static class DatasetWriter
{
    /// <summary>Splits <paramref name="data"/>'s input tables into <paramref name="parts"/> parts and writes them to <paramref name="folder"/>.</summary>
    public static void Write(InstacartData data, string folder, int parts, Action<int>? partWritten)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(parts, 1);
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        EnsureWritable(target, data.Input.Folder);

        var parent = Path.GetDirectoryName(target) ?? throw new DatasetException($"{target} is a root folder: choose a folder inside one");
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(staging);
            var input = data.Input;
            var dimensions = WriteFolder(staging, PartitionedDataset.DimensionsFolder, dir =>
            [
                CacheTables.Products.Write(dir, input.Products),
                CacheTables.Departments.Write(dir, input.Departments),
                .. input.Aisles is { } aisles ? [CacheTables.Aisles.Write(dir, aisles)] : Array.Empty<CachedTable>(),
            ]);

            var split = CustomerParts.Split(input, parts);
            var folders = new List<DatasetFolder>(parts);
            for (var p = 0; p < parts; p++)
            {
                var part = split[p];
                folders.Add(WriteFolder(staging, PartitionedDataset.PartFolder(p), dir =>
                [
                    CacheTables.Orders.Write(dir, part.Orders),
                    CacheTables.Prior.Write(dir, part.PriorLines),
                    .. part.TrainLines is { } train ? [CacheTables.Train.Write(dir, train)] : Array.Empty<CachedTable>(),
                    CacheTables.Customers.Write(dir, part.Customers),
                ]));
                partWritten?.Invoke(p + 1);
            }

            var manifest = new DatasetManifest(DatasetManifest.FormatVersion, data.Fingerprint, data.Options.DayConvention, parts, dimensions, folders);
            File.WriteAllText(Path.Combine(staging, DatasetManifest.FileName), manifest.ToJson());
            Publish(staging, target);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>
    /// Refuses a target that is a file, an existing folder holding no dataset of ours, the data folder or a folder
    /// inside it (raw data is never written to), or a folder holding the data folder (replacing it would remove the data).
    /// </summary>
    private static void EnsureWritable(string target, string dataFolder)
    {
        var real = RealPath.Of(target);
        var data = RealPath.Of(dataFolder);
        if (RealPath.IsSameOrInside(real, data))
        {
            throw new DatasetException($"{real} is inside the data folder {data}, which is never written to: choose a folder outside it");
        }

        if (RealPath.IsSameOrInside(data, real))
        {
            throw new DatasetException($"{real} holds the data folder {data}: choose a folder outside it");
        }

        if (File.Exists(real))
        {
            throw new DatasetException($"{real} is a file: give the path of a folder for the dataset");
        }

        if (Directory.Exists(real) && !DatasetManifest.IsDataset(real))
        {
            throw new DatasetException($"{real} exists and holds no {DatasetManifest.FileName} written by instacart: choose another folder, or remove it yourself");
        }
    }

    private static DatasetFolder WriteFolder(string staging, string name, Func<string, CachedTable[]> write)
    {
        var dir = Path.Combine(staging, name);
        Directory.CreateDirectory(dir);
        var tables = write(dir);
        var hashes = ContentHash.Of([.. tables.Select(t => (string?)Path.Combine(dir, t.File))]);
        return new DatasetFolder(name, [.. tables.Select((t, i) => new DatasetFile(t.Name, t.File, t.Rows, t.Bytes, t.Checksum, hashes[i]!.Hash))]);
    }

    /// <summary>Moves the finished folder into place; a dataset already there is moved aside first and removed after.</summary>
    private static void Publish(string staging, string target)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(staging, target);
            return;
        }

        var aside = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.old");
        Directory.Move(target, aside);
        try
        {
            Directory.Move(staging, target);
        }
        catch
        {
            Directory.Move(aside, target);
            throw;
        }

        Directory.Delete(aside, recursive: true);
    }
}
