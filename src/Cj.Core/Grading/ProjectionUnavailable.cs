namespace Cj.Core.Grading;

/// <summary>Why an essay has no grade projection.</summary>
public enum ProjectionUnavailable
{
    /// <summary>The essay's component of the judgement graph holds no anchors (decided by the caller).</summary>
    NotLinkedToAnchors,

    /// <summary>Fewer than two distinct grades carry anchors.</summary>
    NotEnoughAnchorGrades,

    /// <summary>After isotonic regression the anchored grades span less than <see cref="GradingOptions.MinAnchorSpan"/>.</summary>
    AnchorsNotOrdered,
}
