using System.Text.Json;
using System.Text.Json.Nodes;

namespace Instacart.Notebooks.Publishing;

/// <summary>
/// The file that makes a folder an instacart report: it names the tool and the format, and lists the files the last
/// published run wrote there. Only a folder holding it (or an empty or new one) is ever written to, and only the files
/// it lists (and the run's own control files) are ever replaced or removed: anything else in the folder is the user's.
/// </summary>
internal sealed record ReportMarker(IReadOnlyList<string> Files)
{
    /// <summary>The marker's file name in a report folder.</summary>
    public const string FileName = ".instacart-report.json";

    /// <summary>The tool named in the marker.</summary>
    public const string Tool = "instacart";

    /// <summary>The report folder format named in the marker.</summary>
    public const string Format = "instacart-report/1";

    /// <summary>A marker that lists no file yet (a folder just made ours).</summary>
    public static ReportMarker Empty { get; } = new([]);

    /// <summary>The marker of <paramref name="folder"/>, or null when it has none (or one this tool did not write).</summary>
    public static ReportMarker? Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var json = JsonNode.Parse(File.ReadAllText(path));
            if ((string?)json?["tool"] != Tool || json["format"] is not JsonValue format || !((string?)format ?? "").StartsWith("instacart-report/", StringComparison.Ordinal))
            {
                return null;
            }

            var files = json["files"] is JsonArray list
                ? list.Select(f => (string?)f).Where(f => f is not null && IsPlainName(f)).Select(f => f!).ToList()
                : [];
            return new ReportMarker(files);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>The marker's JSON text.</summary>
    public string ToJson()
    {
        var json = new JsonObject
        {
            ["tool"] = Tool,
            ["format"] = Format,
            ["files"] = new JsonArray([.. Files.Order(StringComparer.Ordinal).Select(f => (JsonNode)f)]),
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>A file name with no folder part, which a marker may list (a marker never names a path outside its folder).</summary>
    public static bool IsPlainName(string name) =>
        name.Length > 0 && name != "." && name != ".." && name.IndexOfAny(['/', '\\', '\0']) < 0;
}
