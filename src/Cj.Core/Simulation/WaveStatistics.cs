namespace Cj.Core.Simulation;

/// <summary>
/// Means over runs of one chosen wave end per run (the stop, the cap, or a checkpoint). Null where no run had a
/// value (SSR undefined, η not estimated, no grades).
/// </summary>
/// <param name="Runs">Runs that contributed.</param>
/// <param name="ComparisonsPerEssay">Mean 2·successes/n.</param>
/// <param name="ComparisonsPerStudent">Mean comparisons per student.</param>
/// <param name="Spearman">Mean Spearman ρ with the truth.</param>
/// <param name="TrueReliability">Mean r² with the truth.</param>
/// <param name="Ssr">The SSR over runs: mean, 99th percentile and share of runs at or below 0.10.</param>
/// <param name="SsrMinusTrueReliability">Mean of SSR − r².</param>
/// <param name="AbsoluteSsrMinusTrueReliability">Mean of |SSR − r²|.</param>
/// <param name="Coverage">Mean share of 95% intervals that cover the truth.</param>
/// <param name="Eta">Mean η̂.</param>
/// <param name="EtaCoverage">Share of runs whose 95% interval η̂ ± 1.96·SE covers the judge's η.</param>
/// <param name="Grades">Grade measures, with anchors.</param>
public sealed record WaveStatistics(
    int Runs,
    double ComparisonsPerEssay,
    double ComparisonsPerStudent,
    double Spearman,
    double TrueReliability,
    SsrDistribution Ssr,
    double? SsrMinusTrueReliability,
    double? AbsoluteSsrMinusTrueReliability,
    double Coverage,
    double? Eta,
    double? EtaCoverage,
    GradeStatistics? Grades)
{
    private const double Z95 = 1.959963984540054;

    /// <summary>The empirical-Bayes reliability over the runs that computed it (ADR 0005): mean, p99, share ≤ 0.10.</summary>
    public SsrDistribution EbReliability { get; init; } = SsrDistribution.Of([]);

    /// <summary>Mean of EB reliability − r², over the runs that computed it.</summary>
    public double? EbMinusTrueReliability { get; init; }

    /// <summary>Mean of |EB reliability − r²|.</summary>
    public double? AbsoluteEbMinusTrueReliability { get; init; }

    public static WaveStatistics Of(IReadOnlyList<WaveRecord> waves, SimulatedJudge judge)
    {
        ArgumentNullException.ThrowIfNull(waves);
        ArgumentNullException.ThrowIfNull(judge);
        var ssr = waves.Where(w => w.Ssr is not null).ToArray();
        var eta = waves.Where(w => w.Eta is not null && w.EtaStandardError is not null).ToArray();
        var graded = waves.Where(w => w.Grades is not null).Select(w => w.Grades!).ToArray();
        var eb = waves.Where(w => w.EbReliability is not null).ToArray();
        return new WaveStatistics(
            waves.Count,
            waves.Average(w => w.ComparisonsPerEssay),
            waves.Average(w => w.ComparisonsPerStudent),
            waves.Average(w => w.Spearman),
            waves.Average(w => w.TrueReliability),
            SsrDistribution.Of([.. ssr.Select(w => w.Ssr!.Value)]),
            MeanOrNull(ssr.Select(w => w.Ssr!.Value - w.TrueReliability)),
            MeanOrNull(ssr.Select(w => Math.Abs(w.Ssr!.Value - w.TrueReliability))),
            waves.Average(w => w.Coverage),
            MeanOrNull(eta.Select(w => w.Eta!.Value)),
            MeanOrNull(eta.Select(w => Math.Abs(w.Eta!.Value - judge.PositionEffect) <= Z95 * w.EtaStandardError!.Value ? 1.0 : 0.0)),
            graded.Length == 0 ? null : GradeStatistics.Of(graded))
        {
            EbReliability = SsrDistribution.Of([.. eb.Select(w => w.EbReliability!.Value)]),
            EbMinusTrueReliability = MeanOrNull(eb.Select(w => w.EbReliability!.Value - w.TrueReliability)),
            AbsoluteEbMinusTrueReliability = MeanOrNull(eb.Select(w => Math.Abs(w.EbReliability!.Value - w.TrueReliability))),
        };
    }

    internal static double? MeanOrNull(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : list.Average();
    }

    /// <summary>The type-7 (linear interpolation) quantile of <paramref name="sorted"/> at <paramref name="p"/>; null when empty.</summary>
    internal static double? Quantile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return null;
        }

        var h = (sorted.Count - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }
}

/// <summary>The SSR over runs: mean, 99th percentile (type 7) and the share of runs with SSR ≤ 0.10; nulls when no run had one.</summary>
public sealed record SsrDistribution(double? Mean, double? P99, double? ShareAtMost010)
{
    public static SsrDistribution Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        return new SsrDistribution(
            WaveStatistics.MeanOrNull(sorted),
            WaveStatistics.Quantile(sorted, 0.99),
            sorted.Length == 0 ? null : (double)sorted.Count(v => v <= 0.10) / sorted.Length);
    }
}

/// <summary>Grade measures over runs: means of the per-run shares and RMSE, and the ECE of all runs' students pooled.</summary>
/// <param name="Runs">Runs with a projection.</param>
/// <param name="Exact">Mean share of students given their true grade.</param>
/// <param name="Adjacent">Mean share within one grade.</param>
/// <param name="BoundaryRmse">Mean boundary RMSE, logits.</param>
/// <param name="ExpectedCalibrationError">ECE of P(modal grade) in 10 bins, over every run's students pooled.</param>
/// <param name="ShareCertain">Mean share of students with P(modal grade) ≥ 0.9.</param>
public sealed record GradeStatistics(int Runs, double Exact, double Adjacent, double BoundaryRmse, double? ExpectedCalibrationError, double ShareCertain)
{
    public static GradeStatistics Of(IReadOnlyList<GradeRecord> grades)
    {
        ArgumentNullException.ThrowIfNull(grades);
        return new GradeStatistics(
            grades.Count,
            grades.Average(g => g.Exact),
            grades.Average(g => g.Adjacent),
            grades.Average(g => g.BoundaryRmse),
            grades.Aggregate(ConfidenceBins.Empty, (sum, g) => sum.Add(g.Bins)).ExpectedCalibrationError,
            grades.Average(g => g.ShareCertain));
    }
}
