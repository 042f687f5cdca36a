using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace Instacart.Interactive.Display;

/// <summary>
/// Finds the native libraries of the library's dependencies (LightGBM's <c>lib_lightgbm</c>) under
/// <c>runtimes/&lt;rid&gt;/native/</c> beside the library. A host that loads the library with <c>#r "path.dll"</c>
/// (the stock kernel) has no deps file telling it where they are, so a P/Invoke would fail with
/// <see cref="DllNotFoundException"/>.
/// </summary>
internal static class NativeLibraries
{
    /// <summary>The hooks, added by the first <see cref="Install"/>; a concurrent caller waits until they are in place.</summary>
    /// <remarks>
    /// Process-wide on purpose, like <see cref="NotebookSession"/>'s resolver: the hooks are registrations on
    /// process-wide objects (the load contexts' events, and <see cref="NativeLibrary.SetDllImportResolver"/>, which
    /// takes one resolver per assembly for the life of the process and throws on a second), so whether they are
    /// installed is a fact about the process, and a flag set once is its honest model.
    /// </remarks>
    private static readonly Lazy<bool> Installed = new(AddHooks, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Adds the resolver to every load context, once per process.</summary>
    public static void Install() => _ = Installed.Value;

    private static bool AddHooks()
    {
        AssemblyLoadContext.Default.ResolvingUnmanagedDll += Resolve;
        var own = AssemblyLoadContext.GetLoadContext(typeof(NativeLibraries).Assembly);
        if (own is not null && own != AssemblyLoadContext.Default)
        {
            // A kernel may load #r assemblies into a context of its own.
            own.ResolvingUnmanagedDll += Resolve;
        }

        try
        {
            // LightGBM's P/Invokes: a resolver on the assembly itself works whatever context it was loaded into.
            NativeLibrary.SetDllImportResolver(typeof(Microsoft.ML.Trainers.LightGbm.LightGbmBinaryTrainer).Assembly, (name, assembly, _) => Resolve(assembly, name));
        }
        catch (InvalidOperationException)
        {
            // The host set a resolver for it already; leave that one in charge.
        }

        return true;
    }

    private static IntPtr Resolve(Assembly assembly, string name)
    {
        var here = Path.GetDirectoryName(typeof(NativeLibraries).Assembly.Location);
        if (string.IsNullOrEmpty(here))
        {
            return IntPtr.Zero;
        }

        foreach (var path in Candidates(here, name))
        {
            if (File.Exists(path) && NativeLibrary.TryLoad(path, out var handle))
            {
                return handle;
            }
        }

        return IntPtr.Zero;
    }

    private static IEnumerable<string> Candidates(string here, string name)
    {
        var arch = RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();
        var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        var (prefix, suffix) = OperatingSystem.IsWindows() ? (string.Empty, ".dll") : OperatingSystem.IsMacOS() ? ("lib", ".dylib") : ("lib", ".so");
        foreach (var rid in new[] { RuntimeInformation.RuntimeIdentifier, $"{os}-{arch}" }.Distinct())
        {
            var folder = Path.Combine(here, "runtimes", rid, "native");
            yield return Path.Combine(folder, name);
            yield return Path.Combine(folder, name + suffix);
            yield return Path.Combine(folder, prefix + name + suffix);
        }
    }
}
