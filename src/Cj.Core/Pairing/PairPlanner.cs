namespace Cj.Core.Pairing;

/// <summary>
/// Plans the pairs of a wave (engine design §6) and the single wave of provider-batch mode (§7). Pure and seeded:
/// equal state, options and generator state give the same plan.
/// </summary>
public static class PairPlanner
{
    /// <summary>
    /// Plans wave <see cref="PlanningState.Wave"/>. The first wave (wave 1, or no comparisons yet) is the shuffled
    /// connectivity cycle filled by rounds to min(budget, max(W, n)) comparisons; later waves add bridges between
    /// components, swap re-asks (adaptive only) and rounds, truncated to min(W, budget). Pairs that failed permanently
    /// are never planned, no pair is asked more than <see cref="PairingOptions.MaxAsksPerPair"/> times, and no unordered
    /// pair appears twice in one wave. An empty plan means the pairs are exhausted. The
    /// <see cref="PairMatchingStrategy.Original"/> strategy plans one maximum-weight matching over never-asked pairs
    /// (at most ⌊n/2⌋ pairs, cut to the budget; the wave size does not apply).
    /// </summary>
    /// <exception cref="ArgumentException">An option is out of range, or a comparison names an unknown essay or pairs an essay with itself.</exception>
    public static WavePlan PlanWave(PlanningState state, PairingOptions options, CjRandom random)
    {
        Validate(state, options, random);
        if (options.Strategy == PairMatchingStrategy.Original)
        {
            return OriginalPlanner.PlanWave(state, options, random);
        }

        var n = state.Essays.Length;
        var firstWave = state.Wave <= 1 || state.Comparisons.IsEmpty;
        var target = firstWave
            ? Math.Min(state.RemainingBudget, Math.Max(state.WaveSize, n))
            : Math.Min(state.WaveSize, state.RemainingBudget);
        var builder = new WaveBuilder(state, options, random, target);
        if (n < 2 || target <= 0)
        {
            return builder.ToPlan();
        }

        var isRandom = options.Strategy == PairMatchingStrategy.Random;
        var exploration = isRandom ? 1.0 : options.ExplorationShare;
        if (firstWave)
        {
            ConnectivityCycle.Plan(builder);
            FillRounds.Run(builder, new PairUtility(state, options, random, usePrior: true), exploration);
            return builder.ToPlan();
        }

        var utility = new PairUtility(state, options, random, usePrior: false);
        Repairs.Bridge(builder, utility, randomPartner: isRandom);
        if (!isRandom)
        {
            Repairs.SwapReasks(builder, (int)Math.Round(options.SwapReaskShare * state.WaveSize, MidpointRounding.AwayFromZero));
        }

        FillRounds.Run(builder, utility, exploration);
        return builder.ToPlan();
    }

    /// <summary>
    /// Plans the one wave of provider-batch mode (§7): the connectivity cycle, then rounds, up to
    /// <paramref name="cap"/> comparisons, of which the last ⌊<see cref="PairingOptions.SwapReaskShare"/>·cap⌋ are reversed
    /// duplicates of randomly chosen pairs of the same wave (more when the distinct pairs run out first). Uses the fit
    /// in <paramref name="state"/> when present, otherwise θ = 0 and SE = σ; ignores its wave size and budget. The
    /// <see cref="PairMatchingStrategy.Original"/> strategy instead adds matchings until the cap is reached or a
    /// matching adds nothing, without duplicates.
    /// </summary>
    /// <exception cref="ArgumentException">As for <see cref="PlanWave"/>, or <paramref name="cap"/> is negative.</exception>
    public static WavePlan PlanAllAtOnce(PlanningState state, PairingOptions options, CjRandom random, int cap)
    {
        Validate(state, options, random);
        ArgumentOutOfRangeException.ThrowIfNegative(cap);
        if (options.Strategy == PairMatchingStrategy.Original)
        {
            return OriginalPlanner.PlanAllAtOnce(state, options, random, cap);
        }

        var duplicates = options.MaxAsksPerPair >= 2 ? (int)Math.Floor(options.SwapReaskShare * cap) : 0;
        var builder = new WaveBuilder(state, options, random, cap - duplicates);
        if (state.Essays.Length < 2 || cap == 0)
        {
            return builder.ToPlan();
        }

        var exploration = options.Strategy == PairMatchingStrategy.Random ? 1.0 : options.ExplorationShare;
        ConnectivityCycle.Plan(builder);
        FillRounds.Run(builder, new PairUtility(state, options, random, usePrior: false), exploration);
        builder.Target = cap;
        var candidates = builder.PlannedIndices
            .Where(p => builder.StatOf(p.First, p.Second) is { } stat && stat.Asks < options.MaxAsksPerPair)
            .ToList();
        while (!builder.IsFull && candidates.Count > 0)
        {
            var k = random.NextInt(candidates.Count);
            var (first, second) = candidates[k];
            candidates.RemoveAt(k);
            builder.PlanReversed(first, second, PairKind.SwapReask);
        }

        return builder.ToPlan();
    }

    private static void Validate(PlanningState state, PairingOptions options, CjRandom random)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(state.WaveSize, nameof(state));
        ArgumentOutOfRangeException.ThrowIfNegative(state.RemainingBudget, nameof(state));
        Require(options.ExplorationShare is >= 0 and <= 1, "ExplorationShare must lie in [0, 1].");
        Require(options.SwapReaskShare is >= 0 and <= 1, "SwapReaskShare must lie in [0, 1].");
        Require(options.MaxAsksPerPair >= 1, "MaxAsksPerPair must be at least 1.");
        Require(options.AnchorBracketBonus >= 0 && double.IsFinite(options.AnchorBracketBonus), "AnchorBracketBonus must be finite and ≥ 0.");
        Require(options.MaxCandidatesPerEssay >= 1, "MaxCandidatesPerEssay must be at least 1.");
        Require(options.PriorSd > 0 && double.IsFinite(options.PriorSd), "PriorSd must be finite and > 0.");
        Require(Enum.IsDefined(options.Strategy), "Unknown pair matching strategy.");

        static void Require(bool condition, string message)
        {
            if (!condition)
            {
                throw new ArgumentException(message, nameof(options));
            }
        }
    }
}
