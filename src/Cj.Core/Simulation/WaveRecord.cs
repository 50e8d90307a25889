using System.Collections.Immutable;

namespace Cj.Core.Simulation;

/// <summary>
/// What one wave end of one run measured. Correlations and coverage are over the <b>students</b> (the essays being
/// graded; all essays when there are no anchors) against the truth centred over all essays, the identification the
/// fit uses (Σθ̂ = 0). A judge that does not see abilities (<see cref="SimulatedJudge.SeesAbilities"/>) makes every
/// essay effectively equal: its truth is all zeros, so ρ and r² are 0 and coverage asks whether 0 is inside each interval.
/// </summary>
/// <param name="Wave">The wave number (1-based).</param>
/// <param name="Successes">Successful comparisons so far.</param>
/// <param name="ComparisonsPerEssay">2·successes/n over all n essays.</param>
/// <param name="ComparisonsPerStudent">Mean successful comparisons a student took part in.</param>
/// <param name="Spearman">Spearman ρ of θ̂ with the true θ over students (average ranks for ties; 0 when either is constant).</param>
/// <param name="TrueReliability">r²: squared Pearson correlation of θ̂ with the true θ over students (0 when either is constant).</param>
/// <param name="Ssr">SSR as the workflow reports it (largest component, all essays); null when undefined.</param>
/// <param name="Coverage">Share of students with |θ̂ − θ_true_centred| ≤ 1.96·SE.</param>
/// <param name="Eta">The estimated position effect η̂, when the fit estimated it.</param>
/// <param name="EtaStandardError">Its standard error.</param>
/// <param name="Components">Connected components of the judgement graph.</param>
/// <param name="Grades">Grade measures; null without anchors or when the projection is unavailable.</param>
public sealed record WaveRecord(
    int Wave,
    int Successes,
    double ComparisonsPerEssay,
    double ComparisonsPerStudent,
    double Spearman,
    double TrueReliability,
    double? Ssr,
    double Coverage,
    double? Eta,
    double? EtaStandardError,
    int Components,
    GradeRecord? Grades)
{
    /// <summary>
    /// The empirical-Bayes reliability (ADR 0005) at this wave end; computed only where it is needed or reported: at
    /// every stop check of a reliability target, at the stop and at the cap.
    /// </summary>
    public double? EbReliability { get; init; }
}

/// <summary>
/// Grade measures of one wave end over the students of the largest component: the projected (primary) grade against
/// the true grade, boundaries against the true cuts (centred like the truth), and the reported confidence P(modal grade).
/// </summary>
/// <param name="Exact">Share of students whose primary grade is their true grade.</param>
/// <param name="Adjacent">Share within one grade of it.</param>
/// <param name="BoundaryRmse">√mean (b̂ₖ − (cₖ − mean true θ))² over the G−1 boundaries, logits.</param>
/// <param name="ShareCertain">Share of students with P(modal grade) ≥ 0.9.</param>
/// <param name="Bins">The reliability diagram of P(modal grade) in 10 bins, for the expected calibration error.</param>
public sealed record GradeRecord(double Exact, double Adjacent, double BoundaryRmse, double ShareCertain, ConfidenceBins Bins);

/// <summary>
/// Ten equal bins over P(modal grade) ∈ [0, 1]: per bin the count, the summed confidence and the number correct.
/// Bins add, so runs can be pooled before the calibration error is taken.
/// </summary>
public sealed record ConfidenceBins(ImmutableArray<int> Counts, ImmutableArray<double> ConfidenceSums, ImmutableArray<int> Correct)
{
    public const int BinCount = 10;

    public static ConfidenceBins Empty { get; } = new([.. new int[BinCount]], [.. new double[BinCount]], [.. new int[BinCount]]);

    public static ConfidenceBins Of(IEnumerable<(double Confidence, bool Correct)> projections)
    {
        var counts = new int[BinCount];
        var sums = new double[BinCount];
        var correct = new int[BinCount];
        foreach (var (confidence, right) in projections)
        {
            var bin = Math.Clamp((int)Math.Floor(confidence * BinCount), 0, BinCount - 1);
            counts[bin]++;
            sums[bin] += confidence;
            correct[bin] += right ? 1 : 0;
        }

        return new ConfidenceBins([.. counts], [.. sums], [.. correct]);
    }

    public ConfidenceBins Add(ConfidenceBins other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new ConfidenceBins(
            [.. Counts.Zip(other.Counts, (a, b) => a + b)],
            [.. ConfidenceSums.Zip(other.ConfidenceSums, (a, b) => a + b)],
            [.. Correct.Zip(other.Correct, (a, b) => a + b)]);
    }

    /// <summary>ECE = Σ_bins (nᵦ/N)·|accuracyᵦ − mean confidenceᵦ|; null when empty.</summary>
    public double? ExpectedCalibrationError
    {
        get
        {
            var total = Counts.Sum();
            if (total == 0)
            {
                return null;
            }

            var error = 0.0;
            for (var b = 0; b < BinCount; b++)
            {
                if (Counts[b] > 0)
                {
                    error += Math.Abs(Correct[b] - ConfidenceSums[b]) / total;
                }
            }

            return error;
        }
    }
}

/// <summary>
/// One run: every wave end to the cap, the wave at which the scenario's own stop rules would have ended the batch,
/// and how the trajectory itself ended.
/// </summary>
/// <param name="Run">The run index (0-based).</param>
/// <param name="Waves">Every wave end, in order.</param>
/// <param name="StopIndex">Index into <paramref name="Waves"/> of the default stop: the first wave end at which the early-stop
/// rules of <see cref="Scenario.Settings"/> fire, else the last.</param>
/// <param name="StopReason">Why it stopped there: an early-stop reason, else the trajectory's own end.</param>
/// <param name="FinalReason">How the trajectory ended (normally <c>budget_exhausted</c>).</param>
public sealed record SimulationRun(int Run, ImmutableArray<WaveRecord> Waves, int StopIndex, string StopReason, string FinalReason)
{
    /// <summary>The wave end of the default stop.</summary>
    public WaveRecord AtStop => Waves[StopIndex];

    /// <summary>The last wave end (the cap, unless the pairs ran out).</summary>
    public WaveRecord AtCap => Waves[^1];
}
