using Instacart.Interactive.Display;

namespace Instacart.Notebooks;

/// <summary>plotly.js as Plotly.NET ships it (an embedded resource of Plotly.NET.dll): written once into a report folder, or inlined into a page that stands alone.</summary>
/// <remarks>The same copy the library hands a notebook front end once per kernel session.</remarks>
public static class PlotlyJs
{
    /// <summary>The name of the one copy of plotly.js in a report folder, which its pages read (relative to themselves).</summary>
    public const string FileName = "plotly.min.js";

    /// <summary>The minified plotly.js source.</summary>
    public static string Script => PlotlyJsResource.Script;

    /// <summary>The resource's name, e.g. <c>Plotly.NET.plotly-2.28.0.min.js</c>.</summary>
    public static string ResourceName => PlotlyJsResource.ResourceName;
}
