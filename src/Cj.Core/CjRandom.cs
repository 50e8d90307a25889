namespace Cj.Core;

/// <summary>
/// The engine's documented pseudo-random generator: xoshiro256** seeded through SplitMix64, uniforms
/// (next &gt;&gt; 11)·2⁻⁵³, normals by Box–Muller (one value per pair of uniforms). Equal seeds give equal sequences
/// on every platform, which <see cref="Random"/> does not promise.
/// </summary>
public sealed class CjRandom
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public CjRandom(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>The generator of wave <paramref name="wave"/>: SplitMix64(seed ⊕ wave·0x9E3779B97F4A7C15), so no state is persisted.</summary>
    public static CjRandom ForWave(ulong seed, int wave)
    {
        var x = seed ^ unchecked((ulong)wave * Golden);
        return new CjRandom(SplitMix64(ref x));
    }

    /// <summary>The next raw 64-bit output.</summary>
    public ulong NextUInt64()
    {
        var result = BitRotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitRotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [0, <paramref name="maxExclusive"/>), without modulo bias.</summary>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        var bound = (ulong)maxExclusive;
        var threshold = (0UL - bound) % bound;
        while (true)
        {
            var r = NextUInt64();
            if (r >= threshold)
            {
                return (int)(r % bound);
            }
        }
    }

    /// <summary>A standard normal draw by Box–Muller (one value per pair of uniforms).</summary>
    public double NextNormal()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Fisher–Yates shuffle in place.</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    internal static ulong SplitMix64(ref ulong state)
    {
        state = unchecked(state + Golden);
        var z = state;
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    private static ulong BitRotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
