namespace Cj.Core.Pairing;

/// <summary>A pair a fill round may take: <see cref="A"/> is always one of the round's eligible essays.</summary>
internal readonly record struct Candidate(int A, int B, RoundOption Option);

/// <summary>
/// The candidates of one fill round (§6 step 3): pairs of an eligible essay with a partner of the round, listed in
/// index order. Above <see cref="LargeBatch"/> essays each eligible essay keeps only the nearest partners in θ̃, a few
/// random ones and the anchors that bracket it.
/// </summary>
internal static class CandidatePool
{
    /// <summary>Candidate limiting applies to batches with more essays than this.</summary>
    public const int LargeBatch = 200;

    /// <summary>Pairs (a, b) with a in <paramref name="eligible"/> and b in <paramref name="partners"/> (a superset).</summary>
    public static List<Candidate> Build(WaveBuilder builder, PairUtility utility, int[] eligible, int[] partners)
    {
        var isEligible = new bool[builder.Count];
        foreach (var e in eligible)
        {
            isEligible[e] = true;
        }

        return builder.Count > LargeBatch
            ? Limited(builder, utility, eligible, partners, isEligible)
            : All(builder, eligible, partners, isEligible);
    }

    private static List<Candidate> All(WaveBuilder builder, int[] eligible, int[] partners, bool[] isEligible)
    {
        // Sized once for at most every listed pair (eligible × partners, pairs of two eligible essays once): grown by
        // doubling, the list of a 200-essay round copied itself through three large-object arrays.
        var pool = new List<Candidate>(Math.Max((eligible.Length * partners.Length) - (eligible.Length * (eligible.Length + 1) / 2), 0));
        foreach (var a in eligible)
        {
            foreach (var b in partners)
            {
                // A pair of two eligible essays is listed once, from its lower index.
                if (isEligible[b] && b <= a)
                {
                    continue;
                }

                var option = builder.RoundOptionOf(a, b);
                if (option != RoundOption.None)
                {
                    pool.Add(new Candidate(a, b, option));
                }
            }
        }

        return pool;
    }

    private static List<Candidate> Limited(
        WaveBuilder builder, PairUtility utility, int[] eligible, int[] partners, bool[] isEligible)
    {
        var draws = utility.Draws;
        var sorted = partners.OrderBy(e => draws[e]).ThenBy(e => e).ToArray();
        var position = new int[builder.Count];
        for (var p = 0; p < sorted.Length; p++)
        {
            position[sorted[p]] = p;
        }

        var anchors = utility.HasBracketing ? sorted.Where(e => builder.Essays[e].IsAnchor).ToArray() : [];
        var nearestCount = ((2 * builder.Options.MaxCandidatesPerEssay) + 1) / 3;
        var randomCount = builder.Options.MaxCandidatesPerEssay - nearestCount;
        var seen = new HashSet<long>();
        var pool = new List<Candidate>();
        var mine = new HashSet<int>();
        foreach (var a in eligible)
        {
            mine.Clear();
            var (left, right) = (position[a] - 1, position[a] + 1);
            while (mine.Count < nearestCount && (left >= 0 || right < sorted.Length))
            {
                var takeLeft = right >= sorted.Length
                    || (left >= 0 && draws[a] - draws[sorted[left]] <= draws[sorted[right]] - draws[a]);
                Offer(a, takeLeft ? sorted[left--] : sorted[right++]);
            }

            var wanted = mine.Count + randomCount;
            for (var attempt = 0; attempt < 4 * randomCount && mine.Count < wanted; attempt++)
            {
                Offer(a, sorted[builder.Random.NextInt(sorted.Length)]);
            }

            foreach (var anchor in anchors)
            {
                if (utility.Brackets(a, anchor))
                {
                    Offer(a, anchor);
                }
            }
        }

        return pool;

        void Offer(int a, int b)
        {
            var option = builder.RoundOptionOf(a, b);
            if (option == RoundOption.None || !mine.Add(b))
            {
                return;
            }

            var (lo, hi) = a < b ? (a, b) : (b, a);
            if (seen.Add(((long)lo << 32) | (uint)hi))
            {
                pool.Add(isEligible[b] && b < a ? new Candidate(b, a, option) : new Candidate(a, b, option));
            }
        }
    }
}
