namespace Cj.Core.Numerics;

/// <summary>LSD radix sort of non-negative 64-bit keys, 16 bits a pass, only as many passes as the largest key needs.</summary>
internal static class RadixSort
{
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
        var counts = new int[1 << 16];
        var source = keys;
        var target = buffer;
        for (var shift = 0; shift < 64 && (max >> shift) > 0; shift += 16)
        {
            Array.Clear(counts);
            for (var k = 0; k < keys.Length; k++)
            {
                counts[(int)((source[k] >> shift) & 0xFFFF)]++;
            }

            var offset = 0;
            for (var b = 0; b < counts.Length; b++)
            {
                (counts[b], offset) = (offset, offset + counts[b]);
            }

            for (var k = 0; k < keys.Length; k++)
            {
                var key = source[k];
                target[counts[(int)((key >> shift) & 0xFFFF)]++] = key;
            }

            (source, target) = (target, source);
        }

        if (!ReferenceEquals(source, keys))
        {
            Array.Copy(source, keys, keys.Length);
        }

        System.Buffers.ArrayPool<long>.Shared.Return(buffer);
    }
}
