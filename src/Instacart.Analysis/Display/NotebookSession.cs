using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace Instacart.Analysis.Display;

/// <summary>
/// What a notebook's first code cell calls: <c>Instacart.Analysis.Display.NotebookSession.Start();</c>.
/// It makes Plotly.NET work in the stock .NET Interactive kernel and registers the library's display
/// formatters (charts with their figure JSON, data frames as plain tables).
/// </summary>
/// <remarks>
/// This type must not mention any Plotly.NET or FSharp.Core type in its own signatures or bodies:
/// the JIT loads the types a method uses before the method runs, and FSharp.Core can only be loaded
/// once the resolver below is in place. The formatters live in <see cref="DisplayFormatters"/>, reached
/// through a method that is never inlined.
/// </remarks>
public static class NotebookSession
{
    private static readonly Lock Gate = new();
    private static bool _resolverInstalled;
    private static bool _started;

    /// <summary>
    /// Prepares the current kernel for the library: first answers requests for FSharp.Core with the copy
    /// already in the process (the stock kernel ships FSharp.Core 10.0 while Plotly.NET 6 references 10.1)
    /// and for native libraries (LightGBM) with those beside the library, then registers the formatters.
    /// Calling it again does nothing.
    /// </summary>
    public static void Start()
    {
        lock (Gate)
        {
            InstallFSharpCoreResolver();
            if (_started)
            {
                return;
            }

            _started = true;
        }

        RegisterFormattersCore(resetChartIds: false);
    }

    /// <summary>
    /// Registers the library's formatters (again), so they take precedence over any registered earlier,
    /// e.g. by Plotly.NET.Interactive's kernel extension. A notebook runner calls it in every kernel it
    /// starts, after the extensions; it also restarts the numbering of chart element ids so that a fresh
    /// kernel gives the same ids on every run.
    /// </summary>
    public static void RegisterFormatters()
    {
        lock (Gate)
        {
            InstallFSharpCoreResolver();
        }

        RegisterFormattersCore(resetChartIds: true);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RegisterFormattersCore(bool resetChartIds) => DisplayFormatters.Register(resetChartIds);

    private static void InstallFSharpCoreResolver()
    {
        if (_resolverInstalled)
        {
            return;
        }

        AssemblyLoadContext.Default.Resolving += ResolveFSharpCore;
        NativeLibraries.Install();
        _resolverInstalled = true;
    }

    [ThreadStatic]
    private static bool _resolving;

    private static Assembly? ResolveFSharpCore(AssemblyLoadContext context, AssemblyName name)
    {
        if (!string.Equals(name.Name, "FSharp.Core", StringComparison.OrdinalIgnoreCase) || _resolving)
        {
            return null;
        }

        foreach (var loaded in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (string.Equals(loaded.GetName().Name, "FSharp.Core", StringComparison.OrdinalIgnoreCase))
            {
                return loaded;
            }
        }

        // Not loaded yet: take the one the host ships (any version), else the one beside this library.
        _resolving = true;
        try
        {
            var candidates = new List<string>();
            if (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is string trusted)
            {
                candidates.AddRange(trusted.Split(Path.PathSeparator)
                    .Where(p => string.Equals(Path.GetFileName(p), "FSharp.Core.dll", StringComparison.OrdinalIgnoreCase)));
            }

            var here = Path.GetDirectoryName(typeof(NotebookSession).Assembly.Location);
            if (!string.IsNullOrEmpty(here))
            {
                candidates.Add(Path.Combine(here, "FSharp.Core.dll"));
            }

            foreach (var path in candidates.Where(File.Exists))
            {
                return context.LoadFromAssemblyPath(path);
            }

            return null;
        }
        finally
        {
            _resolving = false;
        }
    }
}
