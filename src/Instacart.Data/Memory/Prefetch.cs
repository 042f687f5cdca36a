using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Instacart.Data.Memory;

/// <summary>
/// Asks the processor to bring an array element into its caches ahead of its use, where a loop reads or writes arrays
/// at places it can name some iterations early (the lines of an order found by its id, a customer's cells): the
/// loads then overlap instead of each waiting on memory. A hint only: no effect on any value, nothing where the
/// processor has no such instruction, and an index outside the array is ignored.
/// </summary>
internal static class Prefetch
{
    /// <summary>Hints that <paramref name="array"/>[<paramref name="index"/>] will be read or written soon.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Element<T>(T[] array, int index)
        where T : unmanaged
    {
        if (Sse.IsSupported && (uint)index < (uint)array.Length)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref array[index]));
        }
    }
}
