namespace Cj.Core.Numerics;

/// <summary>
/// LSD radix sort of non-negative 64-bit keys, 8 bits a pass, only as many passes as the largest key needs. The 256
/// counts live on the stack: a wave's fit sorts a few thousand keys, for which 16-bit digits spent more time clearing
/// and summing 65,536 counts (a fresh 256 KB array each call) than on the keys.
/// </summary>
internal static class RadixSort
{
    private const int Bits = 8;
    private const int Buckets = 1 << Bits;

    public static void Sort(long[] keys)
    {
        if (keys.Length < 2)
        {
            return;
        }

        var max = 0L;
        foreach (var key in keys)
        {
            max = Math.Max(max, key);
        }

        var buffer = System.Buffers.ArrayPool<long>.Shared.Rent(keys.Length);
        Span<int> counts = stackalloc int[Buckets];
        var source = keys.AsSpan();
        var target = buffer.AsSpan(0, keys.Length);
        for (var shift = 0; shift < 64 && (max >> shift) > 0; shift += Bits)
        {
            counts.Clear();
            foreach (var key in source)
            {
                counts[(int)((key >> shift) & (Buckets - 1))]++;
            }

            var offset = 0;
            for (var b = 0; b < Buckets; b++)
            {
                (counts[b], offset) = (offset, offset + counts[b]);
            }

            foreach (var key in source)
            {
                target[counts[(int)((key >> shift) & (Buckets - 1))]++] = key;
            }

            var swap = source;
            source = target;
            target = swap;
        }

        if (!source.Overlaps(keys))
        {
            source.CopyTo(keys);
        }

        System.Buffers.ArrayPool<long>.Shared.Return(buffer);
    }
}
