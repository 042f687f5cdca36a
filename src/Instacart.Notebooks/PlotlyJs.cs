using System.Reflection;

namespace Instacart.Notebooks;

/// <summary>plotly.js as Plotly.NET ships it (an embedded resource of Plotly.NET.dll): written once into a report folder, or inlined into a page that stands alone.</summary>
public static class PlotlyJs
{
    private static readonly Lazy<(string Name, string Script)> Resource = new(Load);

    /// <summary>The name of the one copy of plotly.js in a report folder, which its pages read (relative to themselves).</summary>
    public const string FileName = "plotly.min.js";

    /// <summary>The minified plotly.js source.</summary>
    public static string Script => Resource.Value.Script;

    /// <summary>The resource's name, e.g. <c>Plotly.NET.plotly-2.28.0.min.js</c>.</summary>
    public static string ResourceName => Resource.Value.Name;

    private static (string, string) Load()
    {
        var assembly = typeof(Plotly.NET.GenericChart).Assembly;
        var name = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .LastOrDefault() ?? throw new InvalidOperationException("Plotly.NET.dll carries no plotly.js resource.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        var script = reader.ReadToEnd();
        // Inlined in a <script> element: a closing tag inside the source would end it early.
        script = script.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
        return (name, script);
    }
}
