using System.Text.Json;
using System.Text.Json.Nodes;

namespace Instacart.Notebooks.Refresh;

/// <summary>
/// <c>refresh.json</c> in a report folder: one <see cref="NotebookRecord"/> per notebook of the report, written through
/// the staging folder with the rest of the report (so it is ours, and published whole or not at all).
/// </summary>
internal static class RefreshRecords
{
    /// <summary>The file's name in a report folder.</summary>
    public const string FileName = "refresh.json";

    /// <summary>The file's format.</summary>
    public const string Format = "instacart-refresh/1";

    /// <summary>The records in <paramref name="folder"/>, by notebook name; empty when there are none or they cannot be read.</summary>
    public static IReadOnlyDictionary<string, NotebookRecord> Read(string folder)
    {
        var records = new Dictionary<string, NotebookRecord>(StringComparer.Ordinal);
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return records;
        }

        try
        {
            var json = JsonNode.Parse(File.ReadAllText(path));
            if ((string?)json?["format"] != Format || json["notebooks"] is not JsonArray notebooks)
            {
                return records;
            }

            foreach (var node in notebooks.OfType<JsonObject>())
            {
                var options = node["options"] is JsonObject o
                    ? o.ToDictionary(p => p.Key, p => (string?)p.Value ?? "", StringComparer.Ordinal)
                    : new Dictionary<string, string>(StringComparer.Ordinal);
                var record = new NotebookRecord((string)node["name"]!, (string)node["source"]!, (string)node["build"]!, (string)node["dataset"]!, options);
                records[record.Name] = record;
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or NullReferenceException)
        {
            records.Clear();
        }

        return records;
    }

    /// <summary>The file's text for <paramref name="records"/> (ordered by name).</summary>
    public static string ToJson(IEnumerable<NotebookRecord> records)
    {
        return JsonObjects.Document(json =>
        {
            json.WriteString("format", Format);
            json.WriteObjects("notebooks", records.OrderBy(r => r.Name, StringComparer.Ordinal), (json, record) =>
            {
                json.WriteString("name", record.Name);
                json.WriteString("source", record.Source);
                json.WriteString("build", record.Build);
                json.WriteString("dataset", record.Dataset);
                json.WriteStartObject("options");
                foreach (var (name, value) in record.Options.OrderBy(o => o.Key, StringComparer.Ordinal))
                {
                    json.WriteString(name, value);
                }

                json.WriteEndObject();
            });
        });
    }
}
