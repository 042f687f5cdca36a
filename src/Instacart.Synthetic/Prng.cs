namespace Instacart.Synthetic;

/// <summary>
/// xoshiro256** seeded through SplitMix64: a small, fast generator whose output depends only on its
/// seed, so the synthetic files are the same bytes on every machine, runtime and thread count.
/// Only integer arithmetic feeds the output (doubles are built from integers and combined with
/// + − × ÷, which IEEE 754 makes exact everywhere); no Math.Log/Exp/Sin whose last bit may differ.
/// </summary>
internal struct Prng
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Seeds the generator from a 64-bit key (expanded with SplitMix64).</summary>
    public Prng(ulong key)
    {
        ulong x = key;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
        if ((_s0 | _s1 | _s2 | _s3) == 0)
        {
            _s0 = 1;
        }
    }

    /// <summary>
    /// A generator for one independent stream: the run's seed, what the stream is for, and an index
    /// (such as the chunk number), so parallel chunks draw exactly what a sequential run would.
    /// </summary>
    public static Prng For(int seed, Stream stream, long index = 0)
    {
        ulong x = unchecked((ulong)(uint)seed * 0x9E3779B97F4A7C15UL);
        ulong key = SplitMix(ref x) ^ unchecked((ulong)stream * 0xBF58476D1CE4E5B9UL);
        x = key;
        key = SplitMix(ref x) ^ unchecked((ulong)index * 0x94D049BB133111EBUL);
        x = key;
        return new Prng(SplitMix(ref x));
    }

    /// <summary>What a stream is used for; part of its seed.</summary>
    public enum Stream : ulong
    {
        /// <summary>Products: departments, aisles, names, prices, popularity.</summary>
        Products = 1,
        /// <summary>How many orders each user places.</summary>
        OrderCounts = 2,
        /// <summary>The permutation that turns order positions into order ids.</summary>
        OrderIds = 3,
        /// <summary>Orders and their lines, one stream per chunk of users.</summary>
        Orders = 4,
        /// <summary>Customers' demographics.</summary>
        Customers = 5,
        /// <summary>Which users are left out of customers.csv.</summary>
        MissingCustomers = 6,
        /// <summary>Product quirks.</summary>
        Quirks = 7,
    }

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = unchecked(x += 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = unchecked(RotateLeft(_s1 * 5, 7) * 9);
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    /// <summary>A uniform integer in [0, bound) (Lemire's multiply-shift with rejection: unbiased).</summary>
    public int Next(int bound)
    {
        if (bound <= 1)
        {
            return 0;
        }

        ulong b = (ulong)bound;
        ulong x = NextUInt64() >> 32;
        ulong m = x * b;
        uint low = unchecked((uint)m);
        if (low < b)
        {
            uint threshold = unchecked((uint)(0x1_0000_0000UL % b));
            while (low < threshold)
            {
                x = NextUInt64() >> 32;
                m = x * b;
                low = unchecked((uint)m);
            }
        }

        return (int)(m >> 32);
    }

    /// <summary>A uniform integer in [min, max] inclusive.</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => NextDouble() < p;

    /// <summary>An approximately standard normal value: the centred sum of twelve uniforms (Irwin–Hall), exact IEEE arithmetic only.</summary>
    public double NextBell()
    {
        double sum = 0;
        for (int i = 0; i < 12; i++)
        {
            sum += NextDouble();
        }

        return sum - 6.0;
    }

    /// <summary>Shuffles <paramref name="items"/> in place (Fisher–Yates).</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
