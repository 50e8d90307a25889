using System.Collections.Immutable;
using Cj.Core.Simulation;

namespace Cj.Core.Tests.Simulation;

public sealed class SimulationSummaryTests
{
    private static WaveRecord Wave(int wave, double perEssay, double spearman, double r2, double? ssr, GradeRecord? grades = null) =>
        new(wave, (int)(perEssay * 5), perEssay, perEssay, spearman, r2, ssr, 0.95, 0.01, 0.1, 1, grades);

    private static SimulationRun Run(int index, params WaveRecord[] waves) => new(index, [.. waves], waves.Length - 1, "budget_exhausted", "budget_exhausted");

    [Fact]
    public void Thresholds_count_the_first_wave_that_reaches_them_and_report_how_many_runs_did()
    {
        var runs = new[]
        {
            Run(0, Wave(1, 2, 0.5, 0.3, 0.2), Wave(2, 4, 0.91, 0.8, 0.7), Wave(3, 6, 0.89, 0.91, 0.8)),
            Run(1, Wave(1, 2, 0.5, 0.3, 0.2), Wave(2, 4, 0.8, 0.7, 0.6), Wave(3, 6, 0.95, 0.85, 0.8)),
            Run(2, Wave(1, 2, 0.5, 0.3, 0.2), Wave(2, 4, 0.8, 0.7, 0.6), Wave(3, 6, 0.85, 0.8, null)),
        };
        var summary = SimulationSummary.Of(new Scenario { MaxComparisonsPerEssay = 6, Runs = 3 }, runs);
        Assert.Equal(new ThresholdSummary(0.9, 5.0, 5.0, 2), summary.ComparisonsPerEssayForSpearman);
        Assert.Equal(new ThresholdSummary(0.9, 6.0, 6.0, 1), summary.ComparisonsPerEssayForTrueReliability);
        Assert.Null(summary.ComparisonsPerStudentForGradeCertainty);
        Assert.Equal(3, summary.AtCap.Runs);
        Assert.Equal(0.8, summary.AtCap.Ssr.Mean!.Value, 1e-12);
        Assert.Equal((-0.11 - 0.05) / 2, summary.AtCap.SsrMinusTrueReliability!.Value, 1e-12);
        Assert.Equal([2, 4, 6], summary.Checkpoints.Select(c => c.ComparisonsPerEssay));
        Assert.Equal(ImmutableSortedDictionary<string, int>.Empty.Add("budget_exhausted", 3), summary.StopReasons);
    }

    [Fact]
    public void A_threshold_no_run_reaches_has_no_mean_or_median()
    {
        var summary = SimulationSummary.Of(new Scenario { MaxComparisonsPerEssay = 2, Runs = 1 }, [Run(0, Wave(1, 2, 0.5, 0.2, 0.1))]);
        Assert.Equal(new ThresholdSummary(0.9, null, null, 0), summary.ComparisonsPerEssayForSpearman);
    }

    [Fact]
    public void The_ssr_distribution_has_a_type_seven_percentile_and_the_share_at_most_a_tenth()
    {
        var ssr = SsrDistribution.Of([.. Enumerable.Range(0, 101).Select(i => i / 100.0)]);
        Assert.Equal(0.5, ssr.Mean!.Value, 1e-12);
        Assert.Equal(0.99, ssr.P99!.Value, 1e-12);
        Assert.Equal(11 / 101.0, ssr.ShareAtMost010!.Value, 1e-12);
        Assert.Equal(new SsrDistribution(null, null, null), SsrDistribution.Of([]));
    }

    [Fact]
    public void The_calibration_error_pools_the_bins_of_all_runs()
    {
        var a = ConfidenceBins.Of([(0.95, true), (0.95, false)]);
        var b = ConfidenceBins.Of([(0.55, true), (0.55, true)]);
        Assert.Equal(0.45, a.ExpectedCalibrationError!.Value, 1e-12);
        Assert.Equal(((2 * 0.45) + (2 * 0.45)) / 4, a.Add(b).ExpectedCalibrationError!.Value, 1e-12);
        Assert.Null(ConfidenceBins.Empty.ExpectedCalibrationError);
    }
}
