using System.Collections.Immutable;
using Cj.Core.Scoring;

namespace Cj.Core.Diagnostics;

/// <summary>Split-half reliability: the median Pearson r between the abilities fitted to two random halves.</summary>
public sealed record SplitHalfResult(double MedianCorrelation, double SpearmanBrown, int Splits, string Mode);

/// <summary>
/// Split-half reliability (§5 of the engine design), as the Kinnear et al. (2025) meta-analysis computed it: each split
/// puts a random half of the judges (rounded down) in one half and the rest in the other, fits both halves with the same
/// method, and correlates the abilities of the essays that have comparisons in both halves.
/// </summary>
public static class SplitHalf
{
    /// <summary>Below this many distinct judge ids the judgements themselves are halved.</summary>
    public const int MinimumJudges = 4;

    /// <summary>
    /// Runs <paramref name="splits"/> seeded halvings (<c>SPLIT_HALF_SPLITS</c>, 100 by default in the design) by judge
    /// when there are at least <see cref="MinimumJudges"/> judge ids, otherwise by judgement. Returns the median r over
    /// the splits where r is defined (NaN when none is), its Spearman–Brown step-up 2r/(1+r), K and the mode
    /// ("judge" or "judgement"). Judgements without a judge id form one group of their own when halving by judge.
    /// </summary>
    public static SplitHalfResult Compute(
        IReadOnlyList<Essay> essays, IReadOnlyList<Judgement> judgements, FitOptions options, int splits, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(essays);
        ArgumentNullException.ThrowIfNull(judgements);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(splits);
        var byJudge = judgements.Select(j => j.JudgeId).OfType<string>().Distinct(StringComparer.Ordinal).Count() >= MinimumJudges;
        var groups = byJudge
            ? [.. judgements.GroupBy(j => j.JudgeId, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.ToArray())]
            : judgements.Select(j => new[] { j }).ToArray();
        var fitOptions = options with { ComputeStandardErrors = false, KeepCovariance = false };
        var random = new CjRandom(seed);
        var correlations = new List<double>(splits);
        for (var k = 0; k < splits; k++)
        {
            random.Shuffle(groups.AsSpan());
            var half = groups.Length / 2;
            var first = FitHalf(essays, groups.AsSpan(0, half), fitOptions);
            var second = FitHalf(essays, groups.AsSpan(half), fitOptions);
            var r = Correlation(first, second);
            if (double.IsFinite(r))
            {
                correlations.Add(r);
            }
        }

        var median = Median(correlations);
        return new SplitHalfResult(median, 2 * median / (1 + median), splits, byJudge ? "judge" : "judgement");
    }

    /// <summary>Fits one half over the essays that occur in it, as sirt does when given only that half's data.</summary>
    private static BtFit FitHalf(IReadOnlyList<Essay> essays, ReadOnlySpan<Judgement[]> groups, FitOptions options)
    {
        var judgements = new List<Judgement>();
        var present = new HashSet<EssayId>();
        foreach (var group in groups)
        {
            judgements.AddRange(group);
            foreach (var judgement in group)
            {
                present.Add(judgement.Winner);
                present.Add(judgement.Loser);
            }
        }

        return BradleyTerry.Fit(essays.Where(e => present.Contains(e.Id)), judgements, options);
    }

    /// <summary>Pearson r of the abilities of the essays in both fits (each fit holds only essays with comparisons).</summary>
    private static double Correlation(BtFit first, BtFit second)
    {
        var x = new List<double>();
        var y = new List<double>();
        for (var i = 0; i < first.Count; i++)
        {
            var j = second.Essays.BinarySearch(first.Essays[i]);
            if (j >= 0)
            {
                x.Add(first.Abilities[i]);
                y.Add(second.Abilities[j]);
            }
        }

        if (x.Count < 2)
        {
            return double.NaN;
        }

        var (meanX, meanY) = (x.Average(), y.Average());
        double sxy = 0, sxx = 0, syy = 0;
        for (var k = 0; k < x.Count; k++)
        {
            var (dx, dy) = (x[k] - meanX, y[k] - meanY);
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        return sxy / Math.Sqrt(sxx * syy);
    }

    private static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
