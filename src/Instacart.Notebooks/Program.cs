namespace Instacart.Notebooks;

/// <summary>The executable entry point: worker mode only (see <see cref="NotebookWorker"/>).</summary>
internal static class Program
{
    private static Task<int> Main(string[] args) => NotebookWorker.MainAsync(args);
}
