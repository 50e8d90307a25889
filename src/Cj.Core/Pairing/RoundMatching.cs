namespace Cj.Core.Pairing;

/// <summary>
/// The pairs of one round: greedy by weight while both essays are free, then repaired by augmenting paths of length
/// three (u–x, y–v replacing x–y for free u and v), so that two essays left over by the greedy pass are not stranded
/// when a swap would seat them. Without the repair, counts spread by two whenever the last free essays of a round had
/// already met.
/// </summary>
internal static class RoundMatching
{
    /// <summary>Indices into <paramref name="pool"/> of the chosen pairs, in <paramref name="order"/> (greedy) order.</summary>
    public static List<int> Choose(List<Candidate> pool, int[] order, int essayCount)
    {
        var rank = new int[pool.Count];
        for (var r = 0; r < order.Length; r++)
        {
            rank[order[r]] = r;
        }

        var matchOf = Enumerable.Repeat(-1, essayCount).ToArray();
        var byEssay = new List<int>?[essayCount];
        foreach (var k in order)
        {
            var (a, b, _) = pool[k];
            (byEssay[a] ??= []).Add(k);
            (byEssay[b] ??= []).Add(k);
            if (matchOf[a] < 0 && matchOf[b] < 0)
            {
                matchOf[a] = matchOf[b] = k;
            }
        }

        while (Augment(pool, byEssay, matchOf))
        {
        }

        return [.. Enumerable.Range(0, essayCount)
            .Where(e => matchOf[e] >= 0 && Other(pool[matchOf[e]], e) > e)
            .Select(e => matchOf[e])
            .OrderBy(k => rank[k])];
    }

    private static bool Augment(List<Candidate> pool, List<int>?[] byEssay, int[] matchOf)
    {
        for (var u = 0; u < matchOf.Length; u++)
        {
            if (matchOf[u] >= 0 || byEssay[u] is not { } fromU)
            {
                continue;
            }

            foreach (var k1 in fromU)
            {
                var x = Other(pool[k1], u);
                if (matchOf[x] < 0)
                {
                    (matchOf[u], matchOf[x]) = (k1, k1);
                    return true;
                }

                var y = Other(pool[matchOf[x]], x);
                foreach (var k3 in byEssay[y]!)
                {
                    var v = Other(pool[k3], y);
                    if (v != u && matchOf[v] < 0)
                    {
                        (matchOf[u], matchOf[x]) = (k1, k1);
                        (matchOf[y], matchOf[v]) = (k3, k3);
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static int Other(Candidate c, int e) => c.A == e ? c.B : c.A;
}
