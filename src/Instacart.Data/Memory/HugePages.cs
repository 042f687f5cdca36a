using System.Globalization;
using System.Runtime.InteropServices;

namespace Instacart.Data.Memory;

/// <summary>
/// Asks Linux to back the managed heap with transparent huge pages where the system leaves that to each program
/// (<c>/sys/kernel/mm/transparent_hugepage/enabled</c> is <c>madvise</c>, the default of most distributions). A run
/// touches about a gigabyte of fresh arrays once; in 4 KiB pages that is some 300,000 page faults, about a quarter of
/// the run's time on a virtual machine (benchmarks/RESULTS.md). The .NET runtime has no setting for this, so the
/// command advises the garbage collector's reserved range itself (<c>madvise(MADV_HUGEPAGE)</c>); anything unexpected
/// (another system, another setting, a range not found, the call refused) leaves memory as it was.
/// </summary>
public static class HugePages
{
    private const string SettingPath = "/sys/kernel/mm/transparent_hugepage/enabled";

    /// <summary>madvise's advice to use huge pages for a range (Linux uapi: <c>MADV_HUGEPAGE</c>).</summary>
    private const int MadvHugePage = 14;

    /// <summary>
    /// Advises the managed heap's reserved range when huge pages are given only on advice; returns the bytes advised
    /// (0 when nothing was done).
    /// </summary>
    public static long AdviseManagedHeap()
    {
        try
        {
            if (!OperatingSystem.IsLinux() || !File.Exists(SettingPath) || !File.ReadAllText(SettingPath).Contains("[madvise]", StringComparison.Ordinal))
            {
                return 0;
            }

            // Any object of the managed heap tells where the collector's range is: it is reserved in one piece.
            var probe = new byte[1];
            var handle = GCHandle.Alloc(probe, GCHandleType.Pinned);
            ulong address;
            try
            {
                address = (ulong)handle.AddrOfPinnedObject();
            }
            finally
            {
                handle.Free();
            }

            if (ReservedRange(File.ReadAllLines("/proc/self/maps"), address) is not { } range)
            {
                return 0;
            }

            var length = range.End - range.Start;
            return Advise((nint)range.Start, (nuint)length, MadvHugePage) == 0 ? (long)length : 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DllNotFoundException or EntryPointNotFoundException)
        {
            return 0;
        }
    }

    /// <summary>
    /// The anonymous mappings around <paramref name="address"/> that follow one another without a gap (the collector
    /// reserves its range in one piece, then commits parts of it, which splits it into several mappings), or null.
    /// </summary>
    internal static (ulong Start, ulong End)? ReservedRange(IReadOnlyList<string> maps, ulong address)
    {
        var mappings = new List<(ulong Start, ulong End, bool Anonymous)>(maps.Count);
        foreach (var line in maps)
        {
            // "start-end perms offset dev inode [path]"
            var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            var dash = fields.Length >= 5 ? fields[0].IndexOf('-', StringComparison.Ordinal) : -1;
            if (dash < 0
                || !ulong.TryParse(fields[0].AsSpan(0, dash), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var start)
                || !ulong.TryParse(fields[0].AsSpan(dash + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var end))
            {
                return null;
            }

            mappings.Add((start, end, fields.Length == 5 && fields[4] == "0"));
        }

        var at = mappings.FindIndex(m => m.Start <= address && address < m.End);
        if (at < 0 || !mappings[at].Anonymous)
        {
            return null;
        }

        var first = at;
        while (first > 0 && mappings[first - 1].Anonymous && mappings[first - 1].End == mappings[first].Start)
        {
            first--;
        }

        var last = at;
        while (last + 1 < mappings.Count && mappings[last + 1].Anonymous && mappings[last + 1].Start == mappings[last].End)
        {
            last++;
        }

        return (mappings[first].Start, mappings[last].End);
    }

    // DllImport, not LibraryImport: the generated form needs unsafe code in the whole command; these arguments are
    // plain integers, marshalled as they are.
    [DllImport("libc", EntryPoint = "madvise", SetLastError = true)]
    private static extern int Advise(nint address, nuint length, int advice);
}
