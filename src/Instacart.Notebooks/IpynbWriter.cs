using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace Instacart.Notebooks;

/// <summary>
/// Writes an executed notebook as nbformat 4 <c>.ipynb</c> the way VS Code's Polyglot Notebooks does for C#:
/// the cells and outputs through .NET Interactive's own writer, then the notebook metadata VS Code uses
/// (kernelspec <c>.net-csharp</c>, <c>language_info.name = polyglot-notebook</c>, <c>polyglot_notebook.kernelInfo</c>),
/// stable cell ids, and every <c>+json</c> MIME value as a JSON object rather than a string.
/// </summary>
public static class IpynbWriter
{
    /// <summary>The extension of a notebook's <c>NN-name.ipynb</c> in the report folder.</summary>
    public const string Extension = ".ipynb";

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Builds the .NET Interactive document of an executed notebook (cells with their outputs).</summary>
    /// <param name="notebook">The executed notebook.</param>
    /// <returns>The document.</returns>
    public static InteractiveDocument ToDocument(ExecutedNotebook notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var document = new InteractiveDocument();
        foreach (var run in notebook.Cells)
        {
            var element = new InteractiveDocumentElement(run.Cell.Contents, run.Cell.KernelName, run.Cell.IsCode ? run.Outputs : null)
            {
                Id = $"cell-{run.Cell.Index}",
                ExecutionOrder = run.ExecutionCount,
            };
            document.Add(element);
        }

        return document;
    }

    /// <summary>Renders the <c>.ipynb</c> JSON text (UTF-8, one-space indent, trailing newline).</summary>
    /// <param name="notebook">The executed notebook.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson(ExecutedNotebook notebook)
    {
        var raw = ToDocument(notebook).ToJupyterJson();
        var root = JsonNode.Parse(raw)!.AsObject();
        root["metadata"] = Metadata();
        foreach (var cell in root["cells"]!.AsArray())
        {
            if (cell?["outputs"] is not JsonArray outputs)
            {
                continue;
            }

            foreach (var output in outputs)
            {
                if (output?["data"] is not JsonObject data)
                {
                    continue;
                }

                foreach (var key in data.Select(p => p.Key).ToArray())
                {
                    if (IsJsonMime(key) && data[key] is JsonArray lines)
                    {
                        var text = string.Concat(lines.Select(l => l!.GetValue<string>()));
                        data[key] = TryParse(text) ?? data[key]!.DeepClone();
                    }
                }
            }
        }

        return root.ToJsonString(Indented) + "\n";
    }

    /// <summary>Writes the <c>.ipynb</c> text to a stream as UTF-8 without BOM.</summary>
    /// <param name="notebook">The executed notebook.</param>
    /// <param name="destination">Where to write.</param>
    public static void Write(ExecutedNotebook notebook, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var bytes = new UTF8Encoding(false).GetBytes(ToJson(notebook));
        destination.Write(bytes);
    }

    /// <summary>Whether a MIME type carries JSON (<c>application/json</c> or any <c>…+json</c>).</summary>
    /// <param name="mimeType">The MIME type.</param>
    /// <returns>True for JSON MIME types.</returns>
    public static bool IsJsonMime(string mimeType) =>
        mimeType == "application/json" || mimeType.EndsWith("+json", StringComparison.Ordinal);

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonObject Metadata() => new()
    {
        ["kernelspec"] = new JsonObject
        {
            ["display_name"] = ".NET (C#)",
            ["language"] = "C#",
            ["name"] = ".net-csharp",
        },
        ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
        ["polyglot_notebook"] = new JsonObject
        {
            ["kernelInfo"] = new JsonObject
            {
                ["defaultKernelName"] = NotebookSource.CSharp,
                ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = NotebookSource.CSharp }),
            },
        },
    };
}
