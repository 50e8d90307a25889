using Cj.Core.Grading;
using Cj.Core.Scoring;
using Cj.Core.Workflow;

namespace Cj.Core.Simulation;

/// <summary>Measures one wave end of a run against the truth (the definitions are on <see cref="WaveRecord"/>).</summary>
internal static class WaveMetrics
{
    private const double Z95 = 1.959963984540054;
    private const double CertainConfidence = 0.9;

    public static WaveRecord Measure(
        SimulatedPopulation population, SimulatedJudge judge, WaveSummary summary, BtFit fit, GradeCalibration? calibration, int studentAppearances)
    {
        var essays = population.Essays;
        for (var i = 0; i < essays.Length; i++)
        {
            if (fit.Essays[i] != essays[i].Id)
            {
                throw new InvalidOperationException("The fit and the simulated essays are not aligned.");
            }
        }

        var students = Enumerable.Range(0, essays.Length).Where(i => !essays[i].IsAnchor).ToArray();
        var truth = judge.SeesAbilities ? population.Abilities : [.. new double[essays.Length]];
        var mean = truth.Average();
        var estimated = students.Select(i => fit.Abilities[i]).ToArray();
        var actual = students.Select(i => truth[i]).ToArray();
        var pearson = Correlation.Pearson(estimated, actual);
        var covered = students.Count(i => Math.Abs(fit.Abilities[i] - (truth[i] - mean)) <= Z95 * fit.StandardErrors[i]);
        return new WaveRecord(
            summary.Wave,
            summary.Successes,
            2.0 * summary.Successes / essays.Length,
            (double)studentAppearances / students.Length,
            Correlation.Spearman(estimated, actual),
            pearson * pearson,
            summary.Ssr,
            (double)covered / students.Length,
            fit.PositionEffect?.Eta,
            fit.PositionEffect?.StandardError,
            fit.ComponentCount,
            calibration is { IsAvailable: true } ? Grades(population, fit, calibration, students) : null);
    }

    private static GradeRecord Grades(SimulatedPopulation population, BtFit fit, GradeCalibration calibration, int[] students)
    {
        var linked = students.Where(i => fit.ComponentOf[i] == 0).ToArray();
        var projected = linked.Select(i => (Truth: population.TrueGrades[i], Projection: Grader.Project(calibration, fit.Abilities[i], fit.StandardErrors[i]))).ToArray();
        var count = Math.Max(1, projected.Length);
        var mean = population.Abilities.Average();
        var squared = calibration.Boundaries.Select((b, k) => Math.Pow(b - (population.Cuts[k] - mean), 2)).Average();
        return new GradeRecord(
            (double)projected.Count(p => p.Projection.PrimaryIndex == p.Truth) / count,
            (double)projected.Count(p => Math.Abs(p.Projection.PrimaryIndex - p.Truth) <= 1) / count,
            Math.Sqrt(squared),
            (double)projected.Count(p => p.Projection.Confidence >= CertainConfidence) / count,
            ConfidenceBins.Of(projected.Select(p => (p.Projection.Confidence, p.Projection.PrimaryIndex == p.Truth))));
    }
}
