using System.Text.Json;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace Instacart.Notebooks;

/// <summary>
/// Reads an <c>.ipynb</c> of a report back into the .NET Interactive document <see cref="IpynbWriter"/> wrote it from,
/// through .NET Interactive's own reader: for a page made by another process (a worker, or the run that made a page an
/// <c>--only</c> run keeps). Its MIME values are as nbformat stores them (lines, JSON objects); <see cref="OutputRenderer.Text"/>
/// reads both forms.
/// </summary>
internal static class IpynbReader
{
    /// <summary>The document in <paramref name="path"/>, or null when there is no such file or it is not JSON.</summary>
    public static InteractiveDocument? TryRead(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return Notebook.Parse(File.ReadAllText(path));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
