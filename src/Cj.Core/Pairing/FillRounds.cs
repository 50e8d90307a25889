namespace Cj.Core.Pairing;

/// <summary>
/// §6 step 3: fill the wave by rounds. Each round takes the essays with the lowest count, pairs each at most once,
/// and weighs candidate pairs by a uniform draw (when either essay explores) or by normalised utility. Selection is
/// greedy by weight (<see cref="RoundMatching"/> then seats essays the greedy pass stranded) and random partners may
/// be re-seated for orientation balance (<see cref="PartnerReseating"/>); pairs are oriented in selection order.
/// </summary>
internal static class FillRounds
{
    /// <summary>Plans rounds until the wave is full or no essay can take another pair.</summary>
    public static void Run(WaveBuilder builder, PairUtility utility, double exploration)
    {
        var counts = builder.Counts;
        while (!builder.IsFull)
        {
            var alive = Enumerable.Range(0, builder.Count).Where(builder.IsAlive).ToArray();
            if (alive.Length < 2)
            {
                return;
            }

            var least = alive.Min(e => counts[e]);
            var most = alive.Max(e => counts[e]);
            var eligible = alive.Where(e => counts[e] == least).ToArray();

            // The lowest-count essays pair among themselves. When fewer than two remain, or they have no pair left
            // among themselves, their partners widen one count level at a time, so counts stay within ±1 wherever
            // the pair supply allows and an essay repeats a pair only once it has no unasked partner anywhere.
            var pool = new List<Candidate>();
            for (var level = eligible.Length >= 2 ? 0 : 1; pool.Count == 0 && level <= most - least; level++)
            {
                var partners = alive.Where(e => counts[e] <= least + level).ToArray();
                pool = CandidatePool.Build(builder, utility, eligible, partners);
            }

            if (pool.Count == 0)
            {
                return;
            }

            Select(builder, utility, pool, exploration);
        }
    }

    /// <summary>Weighs the pool, ties broken by a seeded permutation, and plans the round's pairs in that order.</summary>
    private static void Select(WaveBuilder builder, PairUtility utility, List<Candidate> pool, double exploration)
    {
        var random = builder.Random;
        var explores = new bool[builder.Count];
        var present = new bool[builder.Count];
        foreach (var c in pool)
        {
            present[c.A] = present[c.B] = true;
        }

        for (var e = 0; e < present.Length; e++)
        {
            explores[e] = present[e] && random.NextDouble() < exploration;
        }

        // The weights and sort keys of a round of 200 essays (~20,000 candidates) are large-object arrays: they come
        // from the pool, as fresh ones cost more to zero and collect than the round takes to weigh.
        var weights = System.Buffers.ArrayPool<double>.Shared.Rent(pool.Count);
        var keys = System.Buffers.ArrayPool<SelectionKey>.Shared.Rent(pool.Count);
        var order = Enumerable.Range(0, pool.Count).ToArray();
        try
        {
            var best = 0.0;
            for (var k = 0; k < pool.Count; k++)
            {
                weights[k] = utility.Of(pool[k].A, pool[k].B);
                best = Math.Max(best, weights[k]);
            }

            for (var k = 0; k < pool.Count; k++)
            {
                var (a, b, option) = pool[k];
                var w = explores[a] || explores[b] ? random.NextDouble() : best > 0 ? weights[k] / best : 0.0;
                weights[k] = option == RoundOption.Repeat ? w / 2 : w;
            }

            random.Shuffle(order.AsSpan());
            for (var r = 0; r < order.Length; r++)
            {
                keys[r] = new SelectionKey(weights[order[r]], r);
            }

            keys.AsSpan(0, order.Length).Sort(order.AsSpan());
        }
        finally
        {
            System.Buffers.ArrayPool<double>.Shared.Return(weights);
            System.Buffers.ArrayPool<SelectionKey>.Shared.Return(keys);
        }

        var chosen = RoundMatching.Choose(pool, order, builder.Count);
        PartnerReseating.Improve(pool, chosen, explores, builder.Skews);
        foreach (var k in chosen)
        {
            var (a, b, option) = pool[k];
            if (option == RoundOption.Repeat)
            {
                builder.PlanReversed(a, b, PairKind.Repeat);
            }
            else
            {
                builder.PlanBalanced(a, b, PairKind.Round);
            }

            if (builder.IsFull)
            {
                return;
            }
        }
    }

    /// <summary>Heavier first, ties in the seeded permutation's order (a total order: ranks are distinct).</summary>
    private readonly record struct SelectionKey(double Weight, int Rank) : IComparable<SelectionKey>
    {
        public int CompareTo(SelectionKey other) =>
            Weight != other.Weight ? other.Weight.CompareTo(Weight) : Rank.CompareTo(other.Rank);
    }
}
