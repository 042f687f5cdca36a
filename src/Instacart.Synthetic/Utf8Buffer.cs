using System.Buffers.Text;

namespace Instacart.Synthetic;

/// <summary>A growable UTF-8 byte buffer that formats integers in place (no per-field strings).</summary>
internal sealed class Utf8Buffer
{
    private byte[] _bytes;

    /// <summary>Creates a buffer with an initial capacity in bytes.</summary>
    public Utf8Buffer(int capacity) => _bytes = new byte[Math.Max(capacity, 64)];

    /// <summary>Bytes written so far.</summary>
    public int Length { get; private set; }

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, Length);

    /// <summary>Forgets what was written, keeping the memory.</summary>
    public void Clear() => Length = 0;

    private void Grow(int needed)
    {
        int size = _bytes.Length;
        while (size - Length < needed)
        {
            size *= 2;
        }

        Array.Resize(ref _bytes, size);
    }

    /// <summary>Appends a non-negative or negative integer in invariant decimal form.</summary>
    public void Int(int value)
    {
        if (_bytes.Length - Length < 11)
        {
            Grow(11);
        }

        Utf8Formatter.TryFormat(value, _bytes.AsSpan(Length), out int written);
        Length += written;
    }

    /// <summary>Appends one ASCII byte.</summary>
    public void Byte(byte value)
    {
        if (Length == _bytes.Length)
        {
            Grow(1);
        }

        _bytes[Length++] = value;
    }

    /// <summary>Appends bytes as they are.</summary>
    public void Bytes(ReadOnlySpan<byte> value)
    {
        if (_bytes.Length - Length < value.Length)
        {
            Grow(value.Length);
        }

        value.CopyTo(_bytes.AsSpan(Length));
        Length += value.Length;
    }
}
