using System.Collections.Immutable;

namespace Cj.Core.Pairing;

/// <summary>
/// The replaced system's policy (§6 "original strategy"), for benchmarks: each wave is one exact maximum-weight,
/// maximum-cardinality matching over the pairs never asked in any state, weighted towards low counts and close
/// abilities. No cycle, repairs or re-asks; orientation follows §6 step 4.
/// </summary>
internal static class OriginalPlanner
{
    private const double JitterScale = 0.001;
    private const double ProximityRange = 2.0;

    // Weights become integers in units of 2⁻³⁰ (even, so halved slacks stay integral): exact arithmetic in the
    // matching, at a resolution far below the 0.001 jitter.
    private const double WeightUnits = 1L << 30;

    /// <summary>One matching of at most ⌊n/2⌋ pairs, in descending weight, cut to the budget.</summary>
    public static WavePlan PlanWave(PlanningState state, PairingOptions options, CjRandom random)
    {
        var builder = new WaveBuilder(state, options, random, state.RemainingBudget);
        var firstWave = state.Wave <= 1 || state.Comparisons.IsEmpty;
        AddMatching(builder, Abilities(state), sortByCount: !firstWave);
        return builder.ToPlan();
    }

    /// <summary>Provider-batch mode: matchings (counts updated) until the cap is reached or a matching adds nothing.</summary>
    public static WavePlan PlanAllAtOnce(PlanningState state, PairingOptions options, CjRandom random, int cap)
    {
        var builder = new WaveBuilder(state, options, random, cap);
        var theta = Abilities(state);
        var sortByCount = !state.Comparisons.IsEmpty;
        while (!builder.IsFull && AddMatching(builder, theta, sortByCount))
        {
            sortByCount = true;
        }

        return builder.ToPlan();
    }

    /// <summary>θ per essay from the fit, 0 before the first fit.</summary>
    private static double[] Abilities(PlanningState state)
    {
        var theta = new double[state.Essays.Length];
        if (state.Fit is { } fit)
        {
            for (var e = 0; e < theta.Length; e++)
            {
                var k = ImmutableArray.BinarySearch(fit.Essays, state.Essays[e].Id);
                theta[e] = k >= 0 ? fit.Abilities[k] : 0.0;
            }
        }

        return theta;
    }

    /// <summary>Plans one matching; false when it adds no pair.</summary>
    private static bool AddMatching(WaveBuilder builder, double[] theta, bool sortByCount)
    {
        var counts = builder.Counts;
        var order = Enumerable.Range(0, builder.Count).ToArray();
        builder.Random.Shuffle(order.AsSpan());
        if (sortByCount)
        {
            order = [.. order.OrderBy(e => counts[e])];
        }

        if (order.Length % 2 == 1)
        {
            // Essays are in ordinal id order, so the lowest index is the lowest id.
            var sitsOut = order.OrderByDescending(e => counts[e]).ThenBy(e => e).First();
            order = [.. order.Where(e => e != sitsOut)];
        }

        var options = builder.Options;
        var edges = new List<(int I, int J, long Weight)>();
        var weights = new List<double>();
        for (var a = 0; a < order.Length; a++)
        {
            for (var b = a + 1; b < order.Length; b++)
            {
                var (i, j) = (order[a], order[b]);
                if (builder.StatOf(i, j) is not null)
                {
                    continue;
                }

                var gap = Math.Abs(theta[i] - theta[j]);
                var w = (options.MatchingWeightComparisonCount * ((1.0 / (1 + counts[i])) + (1.0 / (1 + counts[j]))))
                    + (options.MatchingWeightBtProximity * (gap < ProximityRange ? Math.Exp(-gap) : 0.0))
                    + (JitterScale * builder.Random.NextDouble());
                edges.Add((a, b, 2 * (long)Math.Round(w * WeightUnits)));
                weights.Add(w);
            }
        }

        var mate = BlossomMatching.Solve(order.Length, edges, maxCardinality: true);
        var chosen = edges.Select((e, k) => (e.I, e.J, Weight: weights[k]))
            .Where(e => mate[e.I] == e.J)
            .OrderByDescending(e => e.Weight)
            .ToList();
        foreach (var (a, b, _) in chosen)
        {
            if (builder.IsFull)
            {
                break;
            }

            builder.PlanBalanced(order[a], order[b], PairKind.Matching);
        }

        return chosen.Count > 0;
    }
}
