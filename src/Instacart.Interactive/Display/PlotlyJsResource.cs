namespace Instacart.Interactive.Display;

/// <summary>
/// plotly.js as Plotly.NET ships it (an embedded resource of Plotly.NET.dll), ready to inline in a <c>&lt;script&gt;</c>
/// element: what a notebook front end is handed once per kernel session (<see cref="ChartHtml.PlotlyJsLoader"/>) and
/// what the runner's offline pages inline. Touches Plotly.NET, so only reached after the FSharp.Core resolver is installed.
/// </summary>
internal static class PlotlyJsResource
{
    private static readonly Lazy<(string Name, string Script)> Resource = new(Load);

    /// <summary>The minified plotly.js source, with any <c>&lt;/script</c> in it escaped.</summary>
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
