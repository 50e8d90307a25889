using System.Collections.Immutable;

namespace Cj.Core.Grading;

/// <summary>How a grade got its location (the fallback chain of <c>20-cj-engine.md</c> §9 step 5).</summary>
public enum GradeLocationSource
{
    /// <summary>The median (or mean) of the grade's own anchors, after isotonic regression.</summary>
    Anchored,

    /// <summary>No anchors; linear in grade index between the nearest anchored grades.</summary>
    Interpolated,

    /// <summary>No anchors and outside the anchored range; placed at the mean step per grade.</summary>
    Extrapolated,
}

/// <summary>One grade's calibrated location.</summary>
/// <param name="Grade">The label.</param>
/// <param name="Index">The grade index k (0 = lowest).</param>
/// <param name="Location">mₖ in logits.</param>
/// <param name="AnchorCount">How many anchors carry this grade.</param>
/// <param name="Source">Anchored, interpolated or extrapolated.</param>
/// <param name="AnchorsOutOfOrder">True when isotonic regression pooled this grade with a neighbour.</param>
/// <param name="Degenerate">True when the grade's band has zero width (three or more grades pooled).</param>
public sealed record GradeLocation(
    string Grade,
    int Index,
    double Location,
    int AnchorCount,
    GradeLocationSource Source,
    bool AnchorsOutOfOrder,
    bool Degenerate);

/// <summary>The step 8 check of one anchor.</summary>
/// <param name="Id">The anchor.</param>
/// <param name="Grade">Its expert grade (normalised label).</param>
/// <param name="GradeIndex">The index of that grade.</param>
/// <param name="Ability">Its θ in logits.</param>
/// <param name="OutsideOwnBand">True when θ lies outside [b_k, b_{k+1}] of its own grade (edges within 1e-12 count as inside): a suspect anchor.</param>
public sealed record AnchorCheck(EssayId Id, string Grade, int GradeIndex, double Ability, bool OutsideOwnBand);

/// <summary>
/// Grade locations and boundaries calibrated from the anchors of one component (<c>20-cj-engine.md</c> §9).
/// When <see cref="Unavailable"/> is set, the collections are empty and nothing can be projected.
/// </summary>
public sealed record GradeCalibration
{
    /// <summary>The grade scale calibrated.</summary>
    public required GradeScale Scale { get; init; }

    /// <summary>The options used.</summary>
    public required GradingOptions Options { get; init; }

    /// <summary>Null when projection is possible; otherwise why not.</summary>
    public ProjectionUnavailable? Unavailable { get; init; }

    /// <summary>True when <see cref="Unavailable"/> is null.</summary>
    public bool IsAvailable => Unavailable is null;

    /// <summary>Per grade, lowest first, aligned with <see cref="GradeScale.Grades"/>.</summary>
    public ImmutableArray<GradeLocation> Grades { get; init; } = [];

    /// <summary>b₁ … b_{K−1} in logits: Boundaries[k − 1] = bₖ = (mₖ₋₁ + mₖ)/2, where grade k begins.</summary>
    public ImmutableArray<double> Boundaries { get; init; } = [];

    /// <summary>v: pooled within-grade variance of anchor θ (logits²), or the mean anchor SE² when no grade has two anchors.</summary>
    public double PooledVariance { get; init; }

    /// <summary>σ_b²: the mean of Var(bₖ) = ¼(v/n′ₖ₋₁ + v/n′ₖ); 0 with <see cref="BoundaryUncertainty.None"/>.</summary>
    public double BoundaryVariance { get; init; }

    /// <summary>The band check of every anchor, in input order.</summary>
    public ImmutableArray<AnchorCheck> AnchorChecks { get; init; } = [];

    internal static GradeCalibration NotAvailable(GradeScale scale, GradingOptions options, ProjectionUnavailable reason) =>
        new() { Scale = scale, Options = options, Unavailable = reason };
}
