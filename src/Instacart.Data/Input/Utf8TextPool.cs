using System.IO.Hashing;

namespace Instacart.Data.Input;

/// <summary>
/// One string for each distinct UTF-8 value of a column with few of them (states, genders, dates), found from the
/// field's bytes: a value seen before is neither decoded nor checked again, and no string is made per row.
/// </summary>
internal sealed class Utf8TextPool
{
    private readonly Dictionary<ulong, (byte[] Bytes, string Text)> pool = [];

    /// <summary>The string kept for exactly <paramref name="bytes"/>, if one is.</summary>
    public bool TryGet(ReadOnlySpan<byte> bytes, out string text)
    {
        if (pool.TryGetValue(XxHash3.HashToUInt64(bytes), out var kept) && bytes.SequenceEqual(kept.Bytes))
        {
            text = kept.Text;
            return true;
        }

        text = string.Empty;
        return false;
    }

    /// <summary>Keeps <paramref name="text"/>, checked and decoded by the caller, for <paramref name="bytes"/> (unless another value has its hash).</summary>
    public string Add(ReadOnlySpan<byte> bytes, string text)
    {
        pool.TryAdd(XxHash3.HashToUInt64(bytes), (bytes.ToArray(), text));
        return text;
    }
}
