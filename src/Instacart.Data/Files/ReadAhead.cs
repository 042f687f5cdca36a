using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Instacart.Data.Files;

/// <summary>
/// Asks the kernel to read part of a file into the page cache ahead of its use (<c>posix_fadvise(POSIX_FADV_WILLNEED)</c>,
/// Linux): the first hash of a data folder reads 700 MB in chunks of 8 MiB, and a file not yet in the page cache was
/// read with the kernel's own read-ahead (128 KiB by default) while each worker waited on it. A hint only: no byte read
/// changes, nothing where the call does not exist, and a failure is ignored.
/// </summary>
internal static class ReadAhead
{
    /// <summary>How many hash chunks are asked for at once: the one being hashed and the next two.</summary>
    public const int Chunks = 3;

    /// <summary>posix_fadvise's advice that a range will be read soon (Linux uapi: <c>POSIX_FADV_WILLNEED</c>).</summary>
    private const int WillNeed = 3;

    /// <summary>Asks for bytes <c>[offset, offset + length)</c> of <paramref name="handle"/>'s file to be read into the page cache.</summary>
    public static void Advise(SafeFileHandle handle, long offset, long length)
    {
        if (!OperatingSystem.IsLinux() || length <= 0)
        {
            return;
        }

        try
        {
            _ = FileAdvise(handle, offset, length, WillNeed);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // No such call here: the reads go on without the hint.
        }
    }

    // DllImport, as HugePages: plain integers and a file handle, marshalled as they are.
    [DllImport("libc", EntryPoint = "posix_fadvise")]
    private static extern int FileAdvise(SafeFileHandle handle, long offset, long length, int advice);
}
