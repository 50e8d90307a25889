namespace Cj.Core.Grading;

/// <summary>Where a grade's anchors put its location (<c>GRADE_ANCHOR_LOCATION</c>).</summary>
public enum AnchorLocation
{
    /// <summary>The median θ of the grade's anchors (default; robust to one mismarked anchor).</summary>
    Median,

    /// <summary>The mean θ of the grade's anchors.</summary>
    Mean,
}

/// <summary>Whether boundary uncertainty widens projections (<c>GRADE_BOUNDARY_UNCERTAINTY</c>).</summary>
public enum BoundaryUncertainty
{
    /// <summary>σ_b² from the pooled within-grade anchor variance (default).</summary>
    Pooled,

    /// <summary>σ_b² = 0: only the essay's own SE spreads its probabilities.</summary>
    None,
}

/// <summary>Settings of <see cref="Grader.Calibrate"/>, with the defaults of <c>20-cj-engine.md</c> §7.</summary>
/// <param name="AnchorLocation">How anchors locate their grade; default median.</param>
/// <param name="BoundaryUncertainty">Whether boundaries carry uncertainty; default pooled.</param>
/// <param name="MinAnchorSpan">Logits: below this spread between the lowest and highest anchored grade the anchors
/// are treated as not ordered (<c>MIN_ANCHOR_SPAN</c>, default 0.1).</param>
public sealed record GradingOptions(
    AnchorLocation AnchorLocation = AnchorLocation.Median,
    BoundaryUncertainty BoundaryUncertainty = BoundaryUncertainty.Pooled,
    double MinAnchorSpan = 0.1)
{
    /// <summary>The defaults: median, pooled, 0.1.</summary>
    public static GradingOptions Default { get; } = new();

    internal void Validate()
    {
        if (!double.IsFinite(MinAnchorSpan) || MinAnchorSpan < 0)
        {
            throw new ArgumentException($"MinAnchorSpan must be finite and ≥ 0, got {MinAnchorSpan}.", nameof(MinAnchorSpan));
        }

        if (!Enum.IsDefined(AnchorLocation) || !Enum.IsDefined(BoundaryUncertainty))
        {
            throw new ArgumentException("Unknown anchor location or boundary uncertainty option.");
        }
    }
}
