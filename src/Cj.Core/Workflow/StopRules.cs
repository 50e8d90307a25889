using System.Collections.Immutable;
using Cj.Core.Diagnostics;
using Cj.Core.Grading;
using Cj.Core.Scoring;

namespace Cj.Core.Workflow;

/// <summary>
/// The early-stop rules of the wave end (engine design §7 step 3), pure, so that the workflow and the simulation
/// harness ask the same question: would a batch with these settings stop after this wave?
/// </summary>
public static class StopRules
{
    /// <summary>Fits allowed per wave end for the empirical-Bayes reliability (warm-started, it rarely needs more).</summary>
    public const int WaveIterations = 30;

    /// <summary>
    /// The early-stop reason after a wave, or null to carry on. Fires only with at least
    /// <see cref="EngineSettings.MinComparisonsForStabilityCheck"/> successes, a connected graph and a mode other than
    /// provider-batch: a met <see cref="EngineSettings.TargetMaxSe"/> or <see cref="EngineSettings.TargetGradeCertainty"/>
    /// (every student) or <see cref="EngineSettings.TargetReliability"/>, else <see cref="StopReasons.Stable"/> when <paramref name="maxChange"/> (logits, max |θ now − θ at
    /// the previous check|; null at the first check) is at most <see cref="EngineSettings.ScoreStabilityThreshold"/>.
    /// </summary>
    /// <param name="settings">The batch's settings.</param>
    /// <param name="essays">The essays in ordinal id order, aligned with <paramref name="fit"/>.</param>
    /// <param name="successes">Successful comparisons so far.</param>
    /// <param name="fit">The fit of this wave end.</param>
    /// <param name="calibration">The calibration of the largest component (<see cref="MainCalibration"/>), if any.</param>
    /// <param name="maxChange">The largest change in ability since the previous check, or null.</param>
    /// <param name="honest">The empirical-Bayes reliability of this wave end (<see cref="HonestReliability"/>); a converged
    /// estimate at or above <see cref="EngineSettings.TargetReliability"/> stops with <see cref="StopReasons.TargetReliability"/>.</param>
    public static string? EarlyStop(
        EngineSettings settings, ImmutableArray<Essay> essays, int successes, BtFit fit, GradeCalibration? calibration, double? maxChange,
        EmpiricalBayesReliability? honest = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(fit);
        if (settings.BatchingMode == BatchingMode.ProviderBatchApi
            || successes < settings.MinComparisonsForStabilityCheck
            || fit.ComponentCount != 1)
        {
            return null;
        }

        if (settings.TargetMaxSe > 0 && fit.StandardErrors.All(se => se <= settings.TargetMaxSe))
        {
            return StopReasons.TargetMaxSe;
        }

        if (settings.TargetGradeCertainty > 0 && calibration is { IsAvailable: true })
        {
            var students = Enumerable.Range(0, fit.Count).Where(i => !essays[i].IsAnchor);
            if (students.All(i => Grader.JudgingCertainty(calibration, fit.Abilities[i], fit.StandardErrors[i]) >= settings.TargetGradeCertainty))
            {
                return StopReasons.TargetGradeCertainty;
            }
        }

        if (settings.TargetReliability > 0 && honest is { Converged: true, Value: { } reliability } && reliability >= settings.TargetReliability)
        {
            return StopReasons.TargetReliability;
        }

        return maxChange is { } change && change <= settings.ScoreStabilityThreshold ? StopReasons.Stable : null;
    }

    /// <summary>
    /// The empirical-Bayes reliability the reliability target needs after this wave (ADR 0005), or null when no early
    /// stop can use it: the target is off, too few successes, more than one component, or provider-batch mode.
    /// <paramref name="previousSd"/> (the last wave's estimate) warm-starts the iteration.
    /// </summary>
    public static EmpiricalBayesReliability? HonestReliability(
        EngineSettings settings, ImmutableArray<Essay> essays, IEnumerable<Judgement> judgements, int successes, BtFit fit, double? previousSd)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(fit);
        return settings.TargetReliability <= 0
            || settings.BatchingMode == BatchingMode.ProviderBatchApi
            || successes < settings.MinComparisonsForStabilityCheck
            || fit.ComponentCount != 1
            ? null
            : EmpiricalBayesReliability.Of(essays, [.. judgements.OrderBy(j => j.Sequence)], settings.Fit, WaveIterations, previousSd);
    }

    /// <summary>
    /// The calibration of the largest component (component 0) from its anchors, or null when it holds none; used for
    /// anchor bracketing and the certainty target. <paramref name="essays"/> are aligned with <paramref name="fit"/>.
    /// </summary>
    public static GradeCalibration? MainCalibration(ImmutableArray<Essay> essays, BtFit fit, EngineSettings settings)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(settings);
        var anchors = Enumerable.Range(0, fit.Count)
            .Where(i => fit.ComponentOf[i] == 0 && essays[i].IsAnchor)
            .Select(i => new GradeAnchor(fit.Essays[i], essays[i].AnchorGrade!, fit.Abilities[i], fit.StandardErrors[i]))
            .ToArray();
        return anchors.Length == 0 ? null : Grader.Calibrate(settings.GradeScale, anchors, settings.Grading);
    }
}
