namespace Cj.Core.Grading;

/// <summary>
/// Grade projection on the logit scale (<c>20-cj-engine.md</c> §9): calibrate grade locations and boundaries from
/// the anchors of one component, then project students of that component. Students in components without anchors
/// get <see cref="ProjectionUnavailable.NotLinkedToAnchors"/> from the caller; anchors are not projected.
/// </summary>
public static class Grader
{
    /// <summary>
    /// Calibrates <paramref name="scale"/> from the anchors of <b>one</b> component (abilities are only comparable
    /// within a component, so call this once per component that holds anchors). Returns an unavailable calibration
    /// (<see cref="ProjectionUnavailable.NotEnoughAnchorGrades"/>, <see cref="ProjectionUnavailable.AnchorsNotOrdered"/>)
    /// rather than throwing; throws <see cref="ArgumentException"/> for a grade not on the scale or a non-finite θ or SE.
    /// </summary>
    public static GradeCalibration Calibrate(GradeScale scale, IEnumerable<GradeAnchor> anchors, GradingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentNullException.ThrowIfNull(anchors);
        options ??= GradingOptions.Default;
        options.Validate();
        var resolved = new List<(GradeAnchor, int)>();
        foreach (var anchor in anchors)
        {
            ArgumentNullException.ThrowIfNull(anchor, nameof(anchors));
            if (!scale.TryResolve(anchor.Grade, out var index))
            {
                throw new ArgumentException(
                    $"Anchor '{anchor.Id}' has grade '{anchor.Grade}', which is not on {scale}.", nameof(anchors));
            }

            RequireAbility(anchor.Ability, anchor.StandardError, nameof(anchors));
            resolved.Add((anchor, index));
        }

        return GradeCalibrator.Calibrate(scale, resolved, options);
    }

    /// <summary>
    /// Projects a student with ability <paramref name="ability"/> and standard error <paramref name="standardError"/>
    /// (logits, same fit and component as the calibration's anchors). Throws <see cref="ArgumentException"/> when the
    /// calibration is unavailable or the inputs are not finite.
    /// </summary>
    public static GradeProjection Project(GradeCalibration calibration, double ability, double standardError)
    {
        RequireAvailable(calibration);
        RequireAbility(ability, standardError, nameof(ability));
        return GradeProjector.Project(calibration, ability, standardError);
    }

    /// <summary>
    /// Judging certainty alone: max Pₖ with s = SE (no boundary uncertainty), as used by
    /// <c>TARGET_GRADE_CERTAINTY</c> and anchor bracketing. Equals <see cref="GradeProjection.JudgingCertainty"/>.
    /// </summary>
    public static double JudgingCertainty(GradeCalibration calibration, double ability, double standardError)
    {
        RequireAvailable(calibration);
        RequireAbility(ability, standardError, nameof(ability));
        return GradeProjector.BandProbabilities(calibration.Boundaries, ability, standardError).Max();
    }

    private static void RequireAvailable(GradeCalibration calibration)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        if (!calibration.IsAvailable)
        {
            throw new ArgumentException(
                $"The calibration is unavailable ({calibration.Unavailable}); check IsAvailable before projecting.",
                nameof(calibration));
        }
    }

    private static void RequireAbility(double ability, double standardError, string parameter)
    {
        if (!double.IsFinite(ability) || !double.IsFinite(standardError) || standardError < 0)
        {
            throw new ArgumentException(
                $"Ability and standard error must be finite with SE ≥ 0; got θ = {ability}, SE = {standardError}.", parameter);
        }
    }
}
