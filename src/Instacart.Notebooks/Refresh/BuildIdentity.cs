using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Instacart.Notebooks.Refresh;

/// <summary>
/// The identity of the library build a notebook's output depends on: the module version ids of the Instacart
/// assemblies the kernel loads (deterministic builds give a new id exactly when an assembly's content changes) and the
/// versions of the kernel and the chart library. Two runs with the same identity run the same code.
/// </summary>
internal static class BuildIdentity
{
    private static readonly Lazy<string> CurrentValue = new(Compute);

    /// <summary>This process's build identity: a short hex hash.</summary>
    public static string Current => CurrentValue.Value;

    /// <summary>The assemblies whose build decides a notebook's output, by name.</summary>
    internal static IReadOnlyList<Assembly> Assemblies =>
    [
        typeof(Instacart.Data.InstacartData).Assembly,
        typeof(Instacart.Analysis.Sessions.AnalysisSession).Assembly,
        typeof(Instacart.Interactive.NotebookSession).Assembly,
        typeof(BuildIdentity).Assembly,
        typeof(Microsoft.DotNet.Interactive.CSharp.CSharpKernel).Assembly,
        typeof(Plotly.NET.Interactive.FormatterKernelExtension).Assembly,
    ];

    private static string Compute()
    {
        var text = new StringBuilder();
        foreach (var assembly in Assemblies.OrderBy(a => a.GetName().Name, StringComparer.Ordinal))
        {
            text.Append(assembly.GetName().Name).Append(' ').Append(assembly.ManifestModule.ModuleVersionId.ToString("N")).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }
}
