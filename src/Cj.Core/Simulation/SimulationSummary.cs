using System.Collections.Immutable;

namespace Cj.Core.Simulation;

/// <summary>
/// How many comparisons the runs needed to reach a threshold the first time (at a wave end): mean and median over the
/// runs that reached it, and how many did. Mean and median are null when no run reached it.
/// </summary>
public sealed record ThresholdSummary(double Threshold, double? Mean, double? Median, int Reached);

/// <summary>A checkpoint: per run, the first wave end with at least <paramref name="ComparisonsPerEssay"/> comparisons per essay.</summary>
public sealed record Checkpoint(int ComparisonsPerEssay, WaveStatistics Statistics);

/// <summary>
/// What a scenario's runs show (the <c>simulate</c> contract of the runner design): comparisons per essay until
/// Spearman ρ ≥ 0.90 and until r² ≥ 0.90, with anchors comparisons per student until 90% of students have
/// P(modal grade) ≥ 0.90; the statistics at the default stop and at the cap; and checkpoints every two comparisons
/// per essay.
/// </summary>
public sealed record SimulationSummary(
    Scenario Scenario,
    ThresholdSummary ComparisonsPerEssayForSpearman,
    ThresholdSummary ComparisonsPerEssayForTrueReliability,
    ThresholdSummary? ComparisonsPerStudentForGradeCertainty,
    WaveStatistics AtStop,
    ImmutableSortedDictionary<string, int> StopReasons,
    WaveStatistics AtCap,
    ImmutableArray<Checkpoint> Checkpoints)
{
    public const double Target = 0.90;

    public static SimulationSummary Of(Scenario scenario, IReadOnlyList<SimulationRun> runs)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0)
        {
            throw new ArgumentException("A summary needs at least one run.", nameof(runs));
        }

        var judge = scenario.Judge;
        var checkpoints = Enumerable.Range(1, scenario.MaxComparisonsPerEssay / 2).Select(k => 2 * k)
            .Select(c => (c, Waves: runs.Select(r => r.Waves.FirstOrDefault(w => w.ComparisonsPerEssay >= c - 1e-9)).OfType<WaveRecord>().ToArray()))
            .Where(p => p.Waves.Length > 0)
            .Select(p => new Checkpoint(p.c, WaveStatistics.Of(p.Waves, judge)));
        return new SimulationSummary(
            scenario,
            Threshold(runs, w => w.Spearman >= Target, w => w.ComparisonsPerEssay),
            Threshold(runs, w => w.TrueReliability >= Target, w => w.ComparisonsPerEssay),
            scenario.Anchors > 0 ? Threshold(runs, w => w.Grades?.ShareCertain >= Target, w => w.ComparisonsPerStudent) : null,
            WaveStatistics.Of([.. runs.Select(r => r.AtStop)], judge),
            runs.GroupBy(r => r.StopReason, StringComparer.Ordinal).ToImmutableSortedDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            WaveStatistics.Of([.. runs.Select(r => r.AtCap)], judge),
            [.. checkpoints]);
    }

    private static ThresholdSummary Threshold(IReadOnlyList<SimulationRun> runs, Func<WaveRecord, bool> reached, Func<WaveRecord, double> cost)
    {
        var costs = runs.Select(r => r.Waves.FirstOrDefault(reached)).OfType<WaveRecord>().Select(cost).Order().ToArray();
        return new ThresholdSummary(Target, WaveStatistics.MeanOrNull(costs), WaveStatistics.Quantile(costs, 0.5), costs.Length);
    }
}
