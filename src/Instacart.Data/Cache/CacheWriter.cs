using System.Threading.Channels;

namespace Instacart.Data.Cache;

/// <summary>
/// Writes one cache entry in the background: a single task, owned by the load that made it, takes the writes in the
/// order they are queued (the entry's tables first, then the merged lines, then the totals, or any of them again) and
/// keeps the entry's manifest. Writing is best effort: a write that fails leaves the entry as it was and never fails
/// the load or changes an answer; the first one's failure is what <see cref="Flush"/> reports. The owner waits for the
/// queued writes with <see cref="Dispose"/> (<see cref="InstacartData"/> when used alone, or the session that holds it).
/// </summary>
internal sealed class CacheWriter : IDisposable
{
    private readonly Channel<Func<CacheManifest?, CacheManifest?>> queue =
        Channel.CreateUnbounded<Func<CacheManifest?, CacheManifest?>>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Task writing;
    private string? failure;

    /// <summary>A writer of an entry whose manifest is <paramref name="manifest"/> (null: none yet).</summary>
    public CacheWriter(CacheManifest? manifest) => writing = Task.Run(() => WriteAll(manifest));

    /// <summary>Queues the entry's first write: <paramref name="write"/> makes the entry and returns its manifest.</summary>
    public void Create(Func<CacheManifest> write) => Queue(_ =>
    {
        try
        {
            return write();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            failure ??= e is IOException or UnauthorizedAccessException ? e.Message : e.GetType().Name;
            return null;
        }
    });

    /// <summary>
    /// Queues a change of the entry: <paramref name="update"/> writes what it adds and returns the new manifest. Skipped
    /// when there is no entry (its first write failed); a change that fails leaves the entry as it was.
    /// </summary>
    public void Update(Func<CacheManifest, CacheManifest> update) => Queue(current =>
    {
        if (current is null)
        {
            return null;
        }

        try
        {
            return update(current);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return current;
        }
    });

    /// <summary>Waits for every write queued so far; returns why the entry could not be made, or null.</summary>
    public string? Flush()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (queue.Writer.TryWrite(current =>
        {
            done.SetResult();
            return current;
        }))
        {
            done.Task.GetAwaiter().GetResult();
        }
        else
        {
            writing.GetAwaiter().GetResult();
        }

        return failure;
    }

    /// <summary>Takes no more writes and waits for those queued.</summary>
    public void Dispose()
    {
        queue.Writer.TryComplete();
        writing.GetAwaiter().GetResult();
    }

    /// <summary>A write queued after <see cref="Dispose"/> is dropped: the entry stays as it was, which is always valid.</summary>
    private void Queue(Func<CacheManifest?, CacheManifest?> write) => queue.Writer.TryWrite(write);

    private async Task WriteAll(CacheManifest? manifest)
    {
        await foreach (var write in queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            manifest = write(manifest);
        }
    }
}
