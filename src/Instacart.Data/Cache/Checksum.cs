using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Instacart.Data.Cache;

/// <summary>
/// A fast checksum of the cache's column buffers, to tell a damaged file from a good one (not a defence against
/// tampering). Fletcher-style over 64-bit words in four fixed lanes: a running sum and a sum of running sums, so any
/// change of one word and any swap of two words changes it. The lane width is fixed (four words), so the value is
/// the same on every machine.
/// </summary>
/// <remarks>
/// Hand-rolled before the project took System.IO.Hashing in (for the input files' content hash, <see cref="ContentHash"/>);
/// it runs at memory speed over the column buffers, as XxHash3 would, so it was kept rather than changed. SHA-256 of
/// the ≈0.5 GB of a full-scale cache would cost about a third of a second: a third of a cached load's time budget.
/// </remarks>
internal struct Checksum
{
    private const ulong Prime = 0x9E3779B97F4A7C15UL;
    private ulong state;

    /// <summary>The value so far.</summary>
    public readonly ulong Value => state;

    /// <summary>Adds <paramref name="bytes"/> as one part (its length counts too).</summary>
    public void Add(ReadOnlySpan<byte> bytes) => AddPart(Of(bytes));

    /// <summary>Adds a part already summed with <see cref="Of"/>, so that parts summed in parallel fold in order.</summary>
    public void AddPart(ulong part) => state = Mix(state, part);

    /// <summary>The checksum of one buffer.</summary>
    public static ulong Of(ReadOnlySpan<byte> bytes)
    {
        var sum = Vector256<ulong>.Zero;
        var sums = Vector256<ulong>.Zero;
        var whole = bytes.Length / 32 * 32;
        var words = MemoryMarshal.Cast<byte, Vector256<ulong>>(bytes[..whole]);
        foreach (var word in words)
        {
            sum += word;
            sums += sum;
        }

        if (whole < bytes.Length)
        {
            Span<byte> last = stackalloc byte[32];
            last.Clear();
            bytes[whole..].CopyTo(last);
            sum += MemoryMarshal.Read<Vector256<ulong>>(last);
            sums += sum;
        }

        var value = (ulong)bytes.Length;
        for (var lane = 0; lane < 4; lane++)
        {
            value = Mix(value, sum.GetElement(lane));
            value = Mix(value, sums.GetElement(lane));
        }

        return value;
    }

    private static ulong Mix(ulong state, ulong value) => BitOperations.RotateLeft((state ^ value) * Prime, 31) * Prime;
}
