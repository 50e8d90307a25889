using Cj.Core;
using Cj.Core.Diagnostics;
using Cj.Core.Grading;
using Cj.Core.Scoring;

namespace Cj.Runner.Analyse;

/// <summary>Re-scores recorded judgements: fit, diagnostics, split-half and, given anchors, grade projections per component.</summary>
internal static class Analysis
{
    public static AnalyseResult Run(JudgementInput input, IReadOnlyDictionary<string, string> anchorGrades, AnalyseSettings settings)
    {
        var essayIds = input.Essays.Concat(anchorGrades.Keys.Select(k => new EssayId(k))).Distinct().Order().ToArray();
        if (essayIds.Length < 2)
        {
            throw new InputException($"{settings.JudgementsPath}: at least two essays are needed; found {essayIds.Length}.");
        }

        var essays = essayIds.Select(id => anchorGrades.TryGetValue(id.Value, out var g) ? new Essay(id, true, g) : new Essay(id)).ToArray();
        var options = new FitOptions { Method = settings.Method, PositionEffect = settings.PositionEffect };
        var fit = BradleyTerry.Fit(essays, input.Judgements, options);
        var splitHalf = settings.SplitHalfSplits > 0
            ? SplitHalf.Compute(essays, input.Judgements, options, settings.SplitHalfSplits, settings.Seed)
            : null;
        var diagnostics = CjDiagnostics.Compute(fit, input.Judgements, splitHalf);
        var honest = fit.ComponentCount == 1 ? EmpiricalBayesReliability.Of(essays, input.Judgements, options) : null;
        var (projections, calibration) = Project(fit, essays, settings.Scale);
        var rows = diagnostics.Essays.Select((d, i) => EssayRow(d, essays[i], projections[i])).ToArray();
        return new AnalyseResult(
            Method: settings.Method.ToString().ToLowerInvariant(),
            Items: fit.Count,
            Judgements: input.Judgements.Count,
            Components: fit.ComponentCount,
            Converged: fit.Converged,
            Iterations: fit.Iterations,
            Flags: [.. Enum.GetValues<FitFlags>().Where(f => f != FitFlags.None && fit.Flags.HasFlag(f)).Select(f => f.ToString())],
            PositionEffect: fit.PositionEffect is { } p ? new PositionEffectOutput(p.Eta, p.StandardError, p.FirstShownWinProbability) : null,
            GradeScale: settings.Scale?.Name,
            Calibration: calibration,
            Essays: rows,
            Reliability: new ReliabilityOutput(
                diagnostics.Reliability.Ssr,
                diagnostics.Reliability.SeparationIndex,
                splitHalf is null ? null : new SplitHalfOutput(splitHalf.MedianCorrelation, splitHalf.SpearmanBrown, splitHalf.Splits, splitHalf.Mode),
                diagnostics.Reliability.MeanStandardError,
                diagnostics.Reliability.MaxStandardError,
                new PositionBiasOutput(diagnostics.PositionBias.JudgementsWithPosition, diagnostics.PositionBias.FirstPositionWinRate, diagnostics.PositionBias.SwapConsistency),
                honest?.Value,
                honest is { Value: not null } h && double.IsFinite(h.AbilitySd) ? h.AbilitySd : null));
    }

    private static EssayOutput EssayRow(EssayDiagnostics d, Essay essay, Projected projected) => new(
        d.EssayId.Value,
        d.Ability,
        Finite(d.StandardError),
        d.Rank,
        d.Component,
        d.Comparisons,
        d.Wins,
        d.Losses,
        Finite(d.Infit),
        Finite(d.Outfit),
        essay.IsAnchor,
        essay.AnchorGrade,
        projected.Projection,
        projected.Unavailable);

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private sealed record Projected(GradeProjectionOutput? Projection, string? Unavailable);

    /// <summary>Projects per component (see <see cref="BatchProjections"/>); reports the largest calibrated component.</summary>
    private static (Projected[] Rows, CalibrationOutput? Main) Project(BtFit fit, Essay[] essays, GradeScale? scale)
    {
        if (scale is null || !essays.Any(e => e.IsAnchor))
        {
            return ([.. Enumerable.Repeat(new Projected(null, null), fit.Count)], null);
        }

        var projections = BatchProjections.Project(fit, essays, scale);
        var rows = projections.Essays
            .Select(e => new Projected(e.Projection is { } p ? Output(scale, p) : null, e.Unavailable?.ToString()))
            .ToArray();
        var main = projections.Calibrations.Where(c => c.Value.IsAvailable).OrderBy(c => c.Key).Select(c => Output(c.Key, c.Value)).FirstOrDefault();
        return (rows, main);
    }

    private static GradeProjectionOutput Output(GradeScale scale, GradeProjection p) => new(
        p.Grade,
        p.MedianGrade,
        scale.Grades.Select((g, k) => (g, k)).ToDictionary(x => x.g, x => p.Probabilities[x.k]),
        p.ExpectedGradeIndex,
        p.Confidence,
        p.ConfidenceLabel.ToString().ToUpperInvariant(),
        p.JudgingCertainty);

    private static CalibrationOutput Output(int component, GradeCalibration c) => new(
        component,
        [.. c.Grades.Select(g => new GradeLocationOutput(g.Grade, g.Location, g.Source.ToString(), g.AnchorCount))],
        c.Boundaries,
        Math.Sqrt(c.BoundaryVariance),
        [.. c.AnchorChecks.Where(a => a.OutsideOwnBand).Select(a => a.Id.Value)]);
}
