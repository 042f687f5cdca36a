using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using Instacart.Data;

namespace Instacart.Analysis.Sessions;

/// <summary>
/// The names of what this build keeps in a cache entry beside the tables (the answers' state, the cart positions):
/// a kind, then the XxHash3 of what it was computed with, the runtime and the module version ids of the assemblies
/// that compute it (a deterministic build's id changes with its code), so that no other build ever reads it.
/// </summary>
internal static class KeptName
{
    /// <summary>The name of a result of <paramref name="kind"/> (lowercase letters and hyphens) computed with <paramref name="inputs"/>.</summary>
    public static string Of(string kind, string inputs)
    {
        var identity = string.Join(
            '\n',
            kind,
            inputs,
            RuntimeInformation.FrameworkDescription,
            typeof(InstacartData).Module.ModuleVersionId.ToString("N"),
            typeof(KeptName).Module.ModuleVersionId.ToString("N"));
        return $"{kind}-{XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(identity)):x16}";
    }
}
