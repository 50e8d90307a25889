using System.Collections.Immutable;
using Cj.Core.Scoring;

namespace Cj.Core.Grading;

/// <summary>One essay's projection, or why there is none (anchors are not projected and get neither).</summary>
public sealed record EssayProjection(EssayId EssayId, GradeProjection? Projection, ProjectionUnavailable? Unavailable);

/// <summary>Projections of a whole batch: calibrated per component that holds anchors (engine design §9).</summary>
public sealed record BatchProjections(ImmutableArray<EssayProjection> Essays, ImmutableDictionary<int, GradeCalibration> Calibrations)
{
    /// <summary>
    /// Calibrates on the anchors of each component of <paramref name="fit"/> and projects its students; students of
    /// components without anchors get <see cref="ProjectionUnavailable.NotLinkedToAnchors"/>. Rows follow
    /// <see cref="BtFit.Essays"/>; <paramref name="essays"/> supplies which are anchors and their grades.
    /// </summary>
    public static BatchProjections Project(BtFit fit, IEnumerable<Essay> essays, GradeScale scale, GradingOptions? options = null)
    {
        var byId = essays.ToDictionary(e => e.Id);
        var calibrations = ImmutableDictionary.CreateBuilder<int, GradeCalibration>();
        for (var component = 0; component < fit.ComponentCount; component++)
        {
            var anchors = Enumerable.Range(0, fit.Count)
                .Where(i => fit.ComponentOf[i] == component && byId[fit.Essays[i]].IsAnchor)
                .Select(i => new GradeAnchor(fit.Essays[i], byId[fit.Essays[i]].AnchorGrade!, fit.Abilities[i], fit.StandardErrors[i]))
                .ToArray();
            if (anchors.Length > 0)
            {
                calibrations[component] = Grader.Calibrate(scale, anchors, options);
            }
        }

        var rows = Enumerable.Range(0, fit.Count).Select(i =>
        {
            var id = fit.Essays[i];
            if (byId[id].IsAnchor)
            {
                return new EssayProjection(id, null, null);
            }

            return calibrations.TryGetValue(fit.ComponentOf[i], out var calibration)
                ? calibration.IsAvailable
                    ? new EssayProjection(id, Grader.Project(calibration, fit.Abilities[i], fit.StandardErrors[i]), null)
                    : new EssayProjection(id, null, calibration.Unavailable)
                : new EssayProjection(id, null, ProjectionUnavailable.NotLinkedToAnchors);
        });
        return new BatchProjections([.. rows], calibrations.ToImmutable());
    }
}
