using System.Collections.Immutable;
using Cj.Core.Alignment;
using Cj.Core.Diagnostics;
using Cj.Core.Grading;
using Cj.Core.Pairing;
using Cj.Core.Scoring;

namespace Cj.Core.Workflow;

/// <summary>Ending a batch: exactly one <see cref="Finalise"/> or <see cref="Fail"/>, with the result built from the judgements.</summary>
internal static class Terminal
{
    public static BtFit Refit(BatchState state) =>
        BradleyTerry.Fit(state.Essays, [.. state.Judgements.OrderBy(j => j.Sequence)], state.Settings.Fit);

    public static (BatchState, ImmutableArray<BatchAction>) Finalise(BatchState state, string reason, BtFit? fit = null)
    {
        var ended = state with { Phase = BatchPhase.Completed, TerminalReason = reason };
        return (ended, [new Finalise(reason, Result(ended, reason, fit))]);
    }

    public static (BatchState, ImmutableArray<BatchAction>) Failure(BatchState state, string reason, string details, BtFit? fit = null)
    {
        var ended = state with { Phase = BatchPhase.Failed, TerminalReason = reason };
        return (ended, [new Fail(reason, details, Result(ended, reason, fit))]);
    }

    private static BatchResult Result(BatchState state, string reason, BtFit? fit)
    {
        fit ??= Refit(state);
        var judgements = state.Judgements.OrderBy(j => j.Sequence).ToArray();
        var splits = state.Settings.SplitHalfSplits;
        var splitHalf = splits > 0 && judgements.Length >= 4 && state.Essays.Length >= 3
            ? SplitHalf.Compute(state.Essays, judgements, state.Settings.Fit, splits, state.Seed)
            : null;
        var diagnostics = CjDiagnostics.Compute(fit, judgements, splitHalf) with
        {
            HonestReliability = judgements.Length > 0 && state.Essays.Length >= 2
                ? EmpiricalBayesReliability.Of(state.Essays, judgements, state.Settings.Fit, startSd: state.LastHonestAbilitySd)
                : null,
        };
        var projections = state.Mode == BatchMode.Normal && state.Essays.Any(e => e.IsAnchor)
            ? BatchProjections.Project(fit, state.Essays, state.Settings.GradeScale, state.Settings.Grading)
            : null;
        var alignment = state.Mode == BatchMode.AnchorAlign ? Align(state, fit, judgements) : null;
        return new BatchResult(
            state.BatchId, fit, diagnostics, projections, alignment, state.Waves, reason,
            state.Comparisons.Count,
            state.Comparisons.Count(c => c.Status == ComparisonStatus.Succeeded),
            state.Comparisons.Count(c => c.Status == ComparisonStatus.FailedPermanently));
    }

    private static AlignmentReport Align(BatchState state, BtFit fit, Judgement[] judgements)
    {
        var scale = state.Settings.GradeScale;
        var anchors = Enumerable.Range(0, fit.Count)
            .Where(i => state.Essays[i].IsAnchor)
            .Select(i => new AlignmentAnchor(fit.Essays[i], scale.IndexOf(state.Essays[i].AnchorGrade), fit.Abilities[i], fit.StandardErrors[i], fit.Infit[i], fit.Outfit[i]));
        return AnchorAlignment.Report(scale, anchors, judgements.Select(j => new AlignmentJudgement(j)), state.Settings.Grading);
    }
}
