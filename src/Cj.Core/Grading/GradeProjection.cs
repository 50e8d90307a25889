using System.Collections.Immutable;

namespace Cj.Core.Grading;

/// <summary>The label of a confidence P(primary): HIGH at ≥ 0.80, MID at ≥ 0.50, otherwise LOW.</summary>
public enum ConfidenceLabel
{
    /// <summary>P(primary) &lt; 0.50.</summary>
    Low,

    /// <summary>0.50 ≤ P(primary) &lt; 0.80.</summary>
    Mid,

    /// <summary>P(primary) ≥ 0.80.</summary>
    High,
}

/// <summary>One essay's grade projection (<c>20-cj-engine.md</c> §9). Grade indices are 0-based, lowest first.</summary>
public sealed record GradeProjection
{
    /// <summary>Pₖ per grade, aligned with <see cref="GradeScale.Grades"/>; they sum to 1 within 1e-12.</summary>
    public required ImmutableArray<double> Probabilities { get; init; }

    /// <summary>The index of the primary grade: argmax Pₖ, ties to the band containing θ, then to the lower index.</summary>
    public required int PrimaryIndex { get; init; }

    /// <summary>The primary grade's label on the scale.</summary>
    public required string PrimaryGrade { get; init; }

    /// <summary>The reported label: <see cref="PrimaryGrade"/>, with "-" or "+" when the scale uses the sign rule.</summary>
    public required string Grade { get; init; }

    /// <summary>The index of the band containing θ (the median grade).</summary>
    public required int MedianIndex { get; init; }

    /// <summary>The median grade's label.</summary>
    public required string MedianGrade { get; init; }

    /// <summary>E = Σ k·Pₖ, on 0 … K−1.</summary>
    public required double ExpectedGradeIndex { get; init; }

    /// <summary>E / (K − 1), on 0 … 1.</summary>
    public required double NormalisedScore { get; init; }

    /// <summary>P(the grade is within one grade of the primary).</summary>
    public required double WithinOneGrade { get; init; }

    /// <summary>P(primary).</summary>
    public required double Confidence { get; init; }

    /// <summary>The label of <see cref="Confidence"/>.</summary>
    public required ConfidenceLabel ConfidenceLabel { get; init; }

    /// <summary>max Pₖ computed with the essay's SE alone (no boundary uncertainty): what more comparisons can raise.</summary>
    public required double JudgingCertainty { get; init; }
}
