namespace Cj.Core.Pairing;

/// <summary>§6 step 2, the repairs of later waves: bridges between components, then swap re-asks.</summary>
internal static class Repairs
{
    /// <summary>
    /// One bridge per component other than the largest of the graph of successful and pending comparisons: its
    /// lowest-count essay (then lowest index) meets the best-utility essay of the largest component, or a uniformly
    /// random one when <paramref name="randomPartner"/> is set.
    /// </summary>
    public static void Bridge(WaveBuilder builder, PairUtility utility, bool randomPartner)
    {
        var components = Components(builder);
        if (components.Count < 2)
        {
            return;
        }

        var largest = components[0];
        foreach (var component in components.Skip(1))
        {
            if (builder.IsFull)
            {
                return;
            }

            foreach (var e in component.OrderBy(e => builder.Counts[e]).ThenBy(e => e))
            {
                var partners = largest.Where(j => builder.IsFresh(e, j)).ToArray();
                if (partners.Length == 0)
                {
                    continue;
                }

                var partner = randomPartner
                    ? partners[builder.Random.NextInt(partners.Length)]
                    : partners.MaxBy(j => utility.Of(e, j));
                builder.PlanBalanced(e, partner, PairKind.Bridge);
                break;
            }
        }
    }

    /// <summary>
    /// Up to <paramref name="wanted"/> swap re-asks: each drawn uniformly from pairs judged exactly once whose essays are
    /// both eligible (lowest count, widened to the next count when fewer than two) and free in the current round, and
    /// asked in the reverse order. A new round starts when the current one has no candidate left.
    /// </summary>
    public static void SwapReasks(WaveBuilder builder, int wanted)
    {
        var planned = 0;
        var roundHadAny = true;
        while (planned < wanted && !builder.IsFull && roundHadAny)
        {
            roundHadAny = false;
            var eligible = Eligible(builder);
            var candidates = new List<(int A, int B)>();
            foreach (var a in Enumerable.Range(0, builder.Count).Where(e => eligible[e]))
            {
                foreach (var b in builder.PartnersOf(a))
                {
                    if (a < b && eligible[b] && IsReaskable(builder, a, b))
                    {
                        candidates.Add((a, b));
                    }
                }
            }

            while (candidates.Count > 0 && planned < wanted && !builder.IsFull)
            {
                var (a, b) = candidates[builder.Random.NextInt(candidates.Count)];
                builder.PlanReversed(a, b, PairKind.SwapReask);
                candidates.RemoveAll(c => c.A == a || c.B == a || c.A == b || c.B == b);
                planned++;
                roundHadAny = true;
            }
        }
    }

    private static bool IsReaskable(WaveBuilder builder, int a, int b) =>
        builder.StatOf(a, b) is { Successes: 1, Asks: 1, Failed: false, InWave: false } stat
        && stat.Asks < builder.Options.MaxAsksPerPair;

    private static bool[] Eligible(WaveBuilder builder)
    {
        var alive = Enumerable.Range(0, builder.Count).Where(builder.IsAlive).ToArray();
        var eligible = new bool[builder.Count];
        if (alive.Length < 2)
        {
            return eligible;
        }

        var least = alive.Min(e => builder.Counts[e]);
        var level = alive.Count(e => builder.Counts[e] == least) >= 2 ? least : least + 1;
        foreach (var e in alive.Where(e => builder.Counts[e] <= level))
        {
            eligible[e] = true;
        }

        return eligible;
    }

    /// <summary>Components of successful and pending comparisons: largest first, ties by lowest essay index.</summary>
    private static List<int[]> Components(WaveBuilder builder)
    {
        var parent = Enumerable.Range(0, builder.Count).ToArray();
        for (var a = 0; a < builder.Count; a++)
        {
            foreach (var b in builder.PartnersOf(a))
            {
                if (builder.StatOf(a, b) is { Asks: > 0 })
                {
                    var (ra, rb) = (Find(parent, a), Find(parent, b));
                    parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
                }
            }
        }

        return [.. Enumerable.Range(0, builder.Count)
            .GroupBy(e => Find(parent, e))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => g.ToArray())];
    }

    private static int Find(int[] parent, int x)
    {
        while (parent[x] != x)
        {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }

        return x;
    }
}
