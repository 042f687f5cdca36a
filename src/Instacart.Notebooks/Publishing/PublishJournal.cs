using System.Text.Json;
using System.Text.Json.Nodes;
using Instacart.Data.Files;

namespace Instacart.Notebooks.Publishing;

/// <summary>
/// What a publication does, written into the staging folder (and flushed) before the first file moves: the files to
/// move into the report folder and the earlier files of ours to remove. A run killed while publishing leaves it behind,
/// and the next run into the folder applies it again, so a report is never left half replaced.
/// </summary>
internal sealed record PublishJournal(IReadOnlyList<string> Files, IReadOnlyList<string> Remove)
{
    /// <summary>The journal's file name in a staging folder.</summary>
    public const string FileName = ".publish.json";

    /// <summary>Writes the journal into <paramref name="staging"/> (flushed to disk, then renamed into place).</summary>
    public void Write(string staging)
    {
        var json = new JsonObject
        {
            ["files"] = new JsonArray([.. Files.Select(f => (JsonNode)f)]),
            ["remove"] = new JsonArray([.. Remove.Select(f => (JsonNode)f)]),
        };
        AtomicFile.WriteAllText(Path.Combine(staging, FileName), json.ToJsonString());
    }

    /// <summary>The journal a killed run left in <paramref name="staging"/>, or null when it had not begun to publish.</summary>
    public static PublishJournal? TryRead(string staging)
    {
        var path = Path.Combine(staging, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var json = JsonNode.Parse(File.ReadAllText(path));
            List<string> Names(string key) => json?[key] is JsonArray list
                ? [.. list.Select(n => (string?)n).OfType<string>().Where(ReportMarker.IsPlainName)]
                : throw new JsonException($"no {key}");
            return new PublishJournal(Names("files"), Names("remove"));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// Moves the journal's files from <paramref name="staging"/> over their old versions in <paramref name="report"/>
    /// (a file already moved is skipped), removes the files to remove, and writes the marker listing the files now
    /// published. Returns that marker.
    /// </summary>
    public ReportMarker Apply(string staging, string report)
    {
        foreach (var file in Files)
        {
            var from = Path.Combine(staging, file);
            if (File.Exists(from))
            {
                File.Move(from, Path.Combine(report, file), overwrite: true);
            }
        }

        foreach (var file in Remove)
        {
            File.Delete(Path.Combine(report, file));
        }

        var marker = new ReportMarker(Files);
        AtomicFile.WriteAllText(Path.Combine(report, ReportMarker.FileName), marker.ToJson());
        return marker;
    }
}
