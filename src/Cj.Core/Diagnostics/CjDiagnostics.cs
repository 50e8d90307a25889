using Cj.Core.Scoring;

namespace Cj.Core.Diagnostics;

/// <summary>Everything the engine reports about a fit besides the abilities themselves.</summary>
public sealed record DiagnosticsReport(
    IReadOnlyList<EssayDiagnostics> Essays,
    Reliability Reliability,
    PositionBias PositionBias,
    GraphSummary Graph,
    SplitHalfResult? SplitHalf)
{
    /// <summary>The empirical-Bayes reliability that adaptive pairing cannot inflate (ADR 0005); null when not computed.</summary>
    public EmpiricalBayesReliability? HonestReliability { get; init; }
}

/// <summary>Computes <see cref="DiagnosticsReport"/> from a fit and the judgements it was fitted to.</summary>
public static class CjDiagnostics
{
    public static DiagnosticsReport Compute(BtFit fit, IReadOnlyList<Judgement> judgements, SplitHalfResult? splitHalf = null)
    {
        var n = fit.Count;
        var wins = new int[n];
        var losses = new int[n];
        var first = new int[n];
        var pairs = new Dictionary<(int, int), int>();
        foreach (var j in judgements)
        {
            var w = fit.IndexOf(j.Winner);
            var l = fit.IndexOf(j.Loser);
            wins[w]++;
            losses[l]++;
            if (j.ShownFirst is { } shown)
            {
                first[fit.IndexOf(shown)]++;
            }

            var key = (Math.Min(w, l), Math.Max(w, l));
            pairs[key] = pairs.GetValueOrDefault(key) + 1;
        }

        var ranks = Ranks(fit);
        var essays = Enumerable.Range(0, n).Select(i => new EssayDiagnostics(
            fit.Essays[i], fit.Abilities[i], fit.StandardErrors[i], ranks[i], wins[i] + losses[i], wins[i], losses[i], first[i],
            fit.ComponentOf[i], fit.Infit[i], fit.Outfit[i])).ToArray();
        var counts = essays.Select(e => e.Comparisons).DefaultIfEmpty(0).ToArray();
        var graph = new GraphSummary(
            [.. fit.ComponentOf.GroupBy(c => c).OrderBy(g => g.Key).Select(g => g.Count())],
            essays.Count(e => e.Comparisons == 0),
            counts.Min(),
            counts.Average(),
            counts.Max(),
            pairs.Count,
            (long)n * (n - 1) / 2,
            pairs.Count(p => p.Value > 1));
        return new DiagnosticsReport(essays, Reliability.Of(fit), PositionBias.Of(judgements), graph, splitHalf);
    }

    /// <summary>Rank 1 = highest ability; equal abilities are ordered by essay id.</summary>
    public static int[] Ranks(BtFit fit)
    {
        var order = Enumerable.Range(0, fit.Count)
            .OrderByDescending(i => fit.Abilities[i])
            .ThenBy(i => fit.Essays[i])
            .ToArray();
        var ranks = new int[fit.Count];
        for (var r = 0; r < order.Length; r++)
        {
            ranks[order[r]] = r + 1;
        }

        return ranks;
    }
}
