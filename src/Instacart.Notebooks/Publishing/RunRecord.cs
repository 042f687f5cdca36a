using System.Text.Json;
using System.Text.Json.Nodes;

namespace Instacart.Notebooks.Publishing;

/// <summary>
/// A published report's <c>run.json</c> read back: the dataset and options it was made with and its notebooks, so a
/// run of some notebooks (<c>--only</c>) can check it adds to a report of the same data and keep the other pages.
/// </summary>
/// <param name="Dataset">The dataset, or null when the report does not say (an older format).</param>
/// <param name="Options">The run's recorded options.</param>
/// <param name="Notebooks">The notebooks, in order.</param>
internal sealed record RunRecord(DatasetIdentity? Dataset, IReadOnlyDictionary<string, string> Options, IReadOnlyList<NotebookReport> Notebooks)
{
    /// <summary>The <c>run.json</c> of <paramref name="folder"/>, or null when there is none or it cannot be read.</summary>
    public static RunRecord? Read(string folder)
    {
        var path = Path.Combine(folder, RunReport.FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var json = JsonNode.Parse(File.ReadAllText(path))!;
            var dataset = json["dataset"] is JsonObject d && (string?)d["fingerprint"] is { } fingerprint
                ? new DatasetIdentity(fingerprint, (string?)d["folder"] ?? "")
                {
                    Customers = (long?)d["customers"],
                    Orders = (long?)d["orders"],
                    Lines = (long?)d["lines"],
                    Synthetic = (bool?)d["synthetic"] ?? false,
                }
                : null;
            var options = json["options"] is JsonObject o
                ? o.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "", StringComparer.Ordinal)
                : new Dictionary<string, string>(StringComparer.Ordinal);
            var notebooks = json["notebooks"]!.AsArray().Select(n => ReadNotebook(n!)).ToList();
            return new RunRecord(dataset, options, notebooks);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or NullReferenceException or KeyNotFoundException)
        {
            return null;
        }
    }

    private static NotebookReport ReadNotebook(JsonNode n) => new(
        (string)n["name"]!,
        (string?)n["source"] ?? "",
        (string?)n["title"] ?? "",
        (string?)n["answer"],
        ParseStatus((string?)n["status"]),
        (string?)n["error"],
        TimeSpan.FromMilliseconds((long?)n["kernelStartMs"] ?? 0),
        TimeSpan.FromMilliseconds((long?)n["durationMs"] ?? 0),
        n["cells"] is JsonArray cells
            ? [.. cells.Select(c => new CellReport(
                (int)c!["index"]!,
                (int?)c["line"] ?? 0,
                (string?)c["kind"] ?? "",
                ParseStatus((string?)c["status"]),
                TimeSpan.FromMilliseconds((long?)c["durationMs"] ?? 0),
                (string?)c["error"]))]
            : [])
    {
        Suggestion = (string?)n["suggestion"],
    };

    private static RunStatus ParseStatus(string? status) => status switch
    {
        "succeeded" => RunStatus.Succeeded,
        "failed" => RunStatus.Failed,
        _ => RunStatus.Skipped,
    };
}
