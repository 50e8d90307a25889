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

        // Each essay's candidates in greedy order, as one array sliced per essay (a list per essay grew 200 lists of up to
        // 200 entries every round).
        var start = new int[essayCount + 1];
        foreach (var k in order)
        {
            start[pool[k].A + 1]++;
            start[pool[k].B + 1]++;
        }

        for (var e = 0; e < essayCount; e++)
        {
            start[e + 1] += start[e];
        }

        var edges = System.Buffers.ArrayPool<int>.Shared.Rent(Math.Max(start[essayCount], 1));
        try
        {
            var next = start[..essayCount];
            foreach (var k in order)
            {
                var (a, b, _) = pool[k];
                edges[next[a]++] = k;
                edges[next[b]++] = k;
                if (matchOf[a] < 0 && matchOf[b] < 0)
                {
                    matchOf[a] = matchOf[b] = k;
                }
            }

            var byEssay = new ByEssay(start, edges);
            while (Augment(pool, byEssay, matchOf))
            {
            }
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(edges);
        }

        return [.. Enumerable.Range(0, essayCount)
            .Where(e => matchOf[e] >= 0 && Other(pool[matchOf[e]], e) > e)
            .Select(e => matchOf[e])
            .OrderBy(k => rank[k])];
    }

    private static bool Augment(List<Candidate> pool, ByEssay byEssay, int[] matchOf)
    {
        for (var u = 0; u < matchOf.Length; u++)
        {
            if (matchOf[u] >= 0)
            {
                continue;
            }

            foreach (var k1 in byEssay[u])
            {
                var x = Other(pool[k1], u);
                if (matchOf[x] < 0)
                {
                    (matchOf[u], matchOf[x]) = (k1, k1);
                    return true;
                }

                var y = Other(pool[matchOf[x]], x);
                foreach (var k3 in byEssay[y])
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

    /// <summary>The candidates of essay e: <c>edges[start[e]..start[e + 1]]</c>, in greedy order.</summary>
    private readonly struct ByEssay(int[] start, int[] edges)
    {
        public ReadOnlySpan<int> this[int essay] => edges.AsSpan(start[essay], start[essay + 1] - start[essay]);
    }

    private static int Other(Candidate c, int e) => c.A == e ? c.B : c.A;
}
