namespace Cj.Core.Pairing;

/// <summary>
/// Re-seats random partners so the round's orientations can balance. When both essays of a pair lean the same way
/// (kₐ, k_b &gt; 0, say), no orientation of that pair keeps both within one, and with skew-blind pairing about a
/// quarter of the essays ended each even-count round at |k| = 2. Two chosen pairs that are both random (either essay
/// explores) swap partners when the swap lowers Σ|k| after orientation and both new pairs are fresh candidates of the
/// round that are random too. A random partner stays a random partner, and utility-chosen pairs are never touched.
/// </summary>
internal static class PartnerReseating
{
    private const int MaxPasses = 4;

    /// <summary>Improves <paramref name="chosen"/> (indices into <paramref name="pool"/>, planning order) in place.</summary>
    public static void Improve(List<Candidate> pool, List<int> chosen, bool[] explores, int[] skews)
    {
        var movable = Enumerable.Range(0, chosen.Count).Where(s => IsRandomFresh(pool[chosen[s]], explores)).ToArray();
        Dictionary<long, int>? index = null; // built on first need: most rounds have nothing to re-seat
        var improved = true;
        for (var pass = 0; pass < MaxPasses && improved; pass++)
        {
            improved = false;
            foreach (var x in movable)
            {
                // Only a pair that cannot move both essays towards zero can gain from a swap.
                var (a, b, _) = pool[chosen[x]];
                if (Cost(a, b, skews) == Ideal(a, skews) + Ideal(b, skews))
                {
                    continue;
                }

                index ??= Index(pool);
                foreach (var y in movable)
                {
                    if (y != x && TrySwap(pool, chosen, x, y, index, explores, skews))
                    {
                        improved = true;
                        break;
                    }
                }
            }
        }
    }

    private static Dictionary<long, int> Index(List<Candidate> pool)
    {
        var index = new Dictionary<long, int>(pool.Count);
        for (var k = 0; k < pool.Count; k++)
        {
            index[Key(pool[k].A, pool[k].B)] = k;
        }

        return index;
    }

    private static bool TrySwap(
        List<Candidate> pool, List<int> chosen, int s, int t, Dictionary<long, int> index, bool[] explores, int[] skews)
    {
        var (a, b, _) = pool[chosen[s]];
        var (c, d, _) = pool[chosen[t]];
        var current = Cost(a, b, skews) + Cost(c, d, skews);
        return TryPairs(a, c, b, d) || TryPairs(a, d, b, c);

        bool TryPairs(int p, int q, int r, int u)
        {
            if (Cost(p, q, skews) + Cost(r, u, skews) >= current
                || !index.TryGetValue(Key(p, q), out var first) || !IsRandomFresh(pool[first], explores)
                || !index.TryGetValue(Key(r, u), out var second) || !IsRandomFresh(pool[second], explores))
            {
                return false;
            }

            (chosen[s], chosen[t]) = (first, second);
            return true;
        }
    }

    /// <summary>Σ|k| of the two essays after the better orientation of §6 step 4.</summary>
    private static int Cost(int a, int b, int[] skews) =>
        Math.Min(
            Math.Abs(skews[a] + 1) + Math.Abs(skews[b] - 1),
            Math.Abs(skews[a] - 1) + Math.Abs(skews[b] + 1));

    private static int Ideal(int e, int[] skews) => Math.Abs(Math.Abs(skews[e]) - 1);

    private static bool IsRandomFresh(Candidate c, bool[] explores) =>
        c.Option == RoundOption.Fresh && (explores[c.A] || explores[c.B]);

    private static long Key(int i, int j) => i < j ? ((long)i << 32) | (uint)j : ((long)j << 32) | (uint)i;
}
