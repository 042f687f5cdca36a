using System.Security.Cryptography;

namespace Instacart.Notebooks.Refresh;

/// <summary>
/// What decided one notebook's output in a report: its source, the library build, the data and the run's options. A
/// later run into the report reuses the notebook's pages as they are when its record is the same.
/// </summary>
/// <param name="Name">The notebook's name (file name without extension).</param>
/// <param name="Source">SHA-256 of the notebook's display path and bytes.</param>
/// <param name="Build">The library build identity (see <see cref="BuildIdentity"/>).</param>
/// <param name="Dataset">The dataset fingerprint ("" when the run read no data).</param>
/// <param name="Options">The run's recorded options.</param>
internal sealed record NotebookRecord(string Name, string Source, string Build, string Dataset, IReadOnlyDictionary<string, string> Options)
{
    /// <summary>The record a run of <paramref name="file"/> with these inputs gets.</summary>
    public static NotebookRecord For(string file, string displayPath, string build, string dataset, IReadOnlyDictionary<string, string> options)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(displayPath + "\n"));
        hash.AppendData(File.ReadAllBytes(file));
        return new NotebookRecord(Path.GetFileNameWithoutExtension(file), Convert.ToHexStringLower(hash.GetHashAndReset()), build, dataset, options);
    }

    /// <summary>Why a notebook with this record must run again when the report holds <paramref name="earlier"/>; null when nothing differs.</summary>
    public string? DifferenceFrom(NotebookRecord earlier)
    {
        if (earlier.Dataset != Dataset)
        {
            return "the data changed";
        }

        if (earlier.Build != Build)
        {
            return "the library build changed";
        }

        var options = earlier.Options.Keys.Union(Options.Keys).Order(StringComparer.Ordinal)
            .Where(k => earlier.Options.GetValueOrDefault(k) != Options.GetValueOrDefault(k))
            .Select(k => $"{k} {earlier.Options.GetValueOrDefault(k) ?? "(none)"} → {Options.GetValueOrDefault(k) ?? "(none)"}")
            .ToList();
        if (options.Count > 0)
        {
            return $"the options changed ({string.Join(", ", options)})";
        }

        return earlier.Source != Source ? "its source changed" : null;
    }
}
