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

        var buffer = new long[keys.Length];
        var counts = new int[1 << 16];
        var source = keys;
        var target = buffer;
        for (var shift = 0; shift < 64 && (max >> shift) > 0; shift += 16)
        {
            Array.Clear(counts);
            foreach (var key in source)
            {
                counts[(int)((key >> shift) & 0xFFFF)]++;
            }

            var offset = 0;
            for (var b = 0; b < counts.Length; b++)
            {
                (counts[b], offset) = (offset, offset + counts[b]);
            }

            foreach (var key in source)
            {
                target[counts[(int)((key >> shift) & 0xFFFF)]++] = key;
            }

            (source, target) = (target, source);
        }

        if (!ReferenceEquals(source, keys))
        {
            source.CopyTo(keys, 0);
        }
    }
}
