using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using Instacart.Analysis.Sessions;
using Instacart.Data.Cache;
using Instacart.Data.Derivation;
using Instacart.Data.Memory;
using Instacart.Interactive.Display;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.DotNet.Interactive;

namespace Instacart.Interactive;

/// <summary>
/// What a notebook's setup cell (after the library check) calls: <c>var session = NotebookSession.Open("../data-sample");</c>. It makes
/// Plotly.NET work in the stock .NET Interactive kernel, registers the library's display formatters (charts with
/// their figure JSON, data frames as plain tables) and gives the notebook its data: the session a runner handed to
/// the kernel, else the folder loaded.
/// </summary>
/// <remarks>
/// This type must not mention any Plotly.NET or FSharp.Core type in its own signatures or bodies:
/// the JIT loads the types a method uses before the method runs, and FSharp.Core can only be loaded
/// once the resolver below is in place. The formatters live in <see cref="DisplayFormatters"/>, reached
/// through a method that is never inlined.
/// </remarks>
public static class NotebookSession
{
    /// <summary>
    /// The process's FSharp.Core resolver and native library hooks, installed by the first call that needs them; a
    /// concurrent caller waits until they are in place (it must not reach the formatters before).
    /// </summary>
    /// <remarks>
    /// Process-wide on purpose: the hooks are registrations on process-wide objects
    /// (<see cref="AssemblyLoadContext.Default"/>'s events, <see cref="System.Runtime.InteropServices.NativeLibrary.SetDllImportResolver"/>,
    /// which accepts one resolver per assembly for the life of the process), and nothing can remove what they have
    /// already loaded. No object a notebook could own lives as long as they do: the stock kernel reaches this type
    /// only through static calls from cells, and every cell, notebook and kernel in the process shares the one
    /// <see cref="AssemblyLoadContext.Default"/>. So "installed in this process" is the fact to record, and a flag
    /// set once is its honest model; an owner object would only let a second owner add a second handler.
    /// </remarks>
    private static readonly Lazy<bool> Hooks = new(InstallHooks, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// 1 once <see cref="Start"/> has registered the formatters, which .NET Interactive's <see cref="Formatter"/>
    /// keeps process-wide (see <see cref="Hooks"/> for why a process-wide flag); set with <see cref="Interlocked"/>.
    /// </summary>
    private static int _started;

    /// <summary>
    /// 1 once plotly.js has been shown: once per kernel process, whose cells' outputs share it
    /// (see <see cref="Hooks"/> for why a process-wide flag); set with <see cref="Interlocked"/>.
    /// </summary>
    private static int _plotlyJsDelivered;

    /// <summary>
    /// True while this thread resolves FSharp.Core, so that the load it starts does not ask the resolver again.
    /// Per thread because a resolution runs synchronously on the thread whose load asked for it; another thread's
    /// resolution is a separate request that must not be turned away.
    /// </summary>
    [ThreadStatic]
    private static bool _resolving;

    /// <summary>
    /// The name of the kernel value through which a runner hands its <see cref="AnalysisSession"/> to a notebook
    /// (<c>CSharpKernel.SetValueAsync</c>), before the notebook's cells run.
    /// </summary>
    public const string SessionValueName = "instacartSession";

    /// <summary>
    /// Prepares the kernel (<see cref="Start"/>) and returns the notebook's data: under <c>instacart run</c> the run's
    /// own session, handed to this kernel as the value <see cref="SessionValueName"/> (the run's data folder, options
    /// and cache, loaded once for every notebook); otherwise <paramref name="dataFolder"/> (relative to the kernel's
    /// working directory, the notebook's folder in VS Code) loaded with the default options and the user's cache, or,
    /// when it holds a partitioned dataset, opened part by part with its default customer sample
    /// (<see cref="AnalysisSession.OpenDataset"/>).
    /// </summary>
    public static AnalysisSession Open(string dataFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataFolder);
        Start();
        if (HandedIn() is { } handed)
        {
            return handed;
        }

        var folder = Path.GetFullPath(dataFolder);
        return Instacart.Data.Partitions.PartitionedDataset.IsDataset(folder)
            ? AnalysisSession.OpenDataset(folder)
            : AnalysisSession.Load(folder, AnalysisOptions.Default, new CacheOptions(CacheOptions.DefaultDirectory));
    }

    /// <summary>The session a runner set as a value of the C# kernel running the current cell, if any.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static AnalysisSession? HandedIn() =>
        KernelInvocationContext.Current?.HandlingKernel is CSharpKernel kernel
        && kernel.TryGetValue<AnalysisSession>(SessionValueName, out var session)
            ? session
            : null;

    /// <summary>
    /// Prepares the current kernel for the library: first answers requests for FSharp.Core with the copy
    /// already in the process (the stock kernel ships FSharp.Core 10.0 while Plotly.NET 6 references 10.1)
    /// and for native libraries (LightGBM) with those beside the library, then registers the formatters.
    /// Calling it again does nothing.
    /// </summary>
    /// <remarks>
    /// Called from a cell of a kernel whose host does not draw the charts itself (VS Code, Jupyter, dotnet-repl), the
    /// first call also shows plotly.js, the library's embedded copy, as that cell's one <c>text/html</c> output, which
    /// shows nothing: every chart after it draws from it, offline and in an exported page (<c>jupyter nbconvert</c>),
    /// and keeps its figure JSON beside its HTML. Once per kernel session: a notebook has it in its setup cell.
    /// </remarks>
    public static void Start()
    {
        _ = Hooks.Value;
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            HugePages.AdviseManagedHeap();
            RegisterFormattersCore(resetChartIds: false);
        }

        DeliverPlotlyJs();
    }

    /// <summary>
    /// Set by a host that draws the charts from their figure JSON itself (the runner's pages inline plotly.js once
    /// per page): <see cref="Start"/> then does not show plotly.js, which would weigh every exported notebook.
    /// </summary>
    internal static bool HostDrawsCharts { get; set; }

    private static void DeliverPlotlyJs()
    {
        if (HostDrawsCharts || KernelInvocationContext.Current is not { } context || Interlocked.Exchange(ref _plotlyJsDelivered, 1) != 0)
        {
            return;
        }

        var html = PlotlyJsLoader();
        context.Publish(new DisplayedValueProduced(html, context.Command, [new FormattedValue(HtmlFormatter.MimeType, html)]));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string PlotlyJsLoader() => ChartHtml.PlotlyJsLoader();

    /// <summary>
    /// Registers the library's formatters (again), so they take precedence over any registered earlier,
    /// e.g. by Plotly.NET.Interactive's kernel extension. A notebook runner calls it in every kernel it
    /// starts, after the extensions; it also restarts the numbering of chart element ids so that a fresh
    /// kernel gives the same ids on every run.
    /// </summary>
    public static void RegisterFormatters()
    {
        _ = Hooks.Value;
        RegisterFormattersCore(resetChartIds: true);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RegisterFormattersCore(bool resetChartIds) => DisplayFormatters.Register(resetChartIds);

    /// <summary>Installs the FSharp.Core resolver and the native library hooks; run once, by <see cref="Hooks"/>.</summary>
    private static bool InstallHooks()
    {
        AssemblyLoadContext.Default.Resolving += ResolveFSharpCore;
        NativeLibraries.Install();
        return true;
    }

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
