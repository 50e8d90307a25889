using System.Collections.Immutable;
using Cj.Core.Grading;

namespace Cj.Core.Alignment;

/// <summary>One row of the per-anchor table.</summary>
/// <param name="Id">The anchor.</param>
/// <param name="Grade">Its expert grade label.</param>
/// <param name="GradeIndex">The grade's index (0 = lowest).</param>
/// <param name="Ability">θ in logits.</param>
/// <param name="StandardError">The SE of θ in logits.</param>
/// <param name="Rank">1 = highest θ; equal θ ordered by id.</param>
/// <param name="ExpectedRank">The rank the grade implies; anchors sharing a grade share the average of their ranks.</param>
/// <param name="Wins">Judgements the anchor won (against any essay).</param>
/// <param name="Losses">Judgements the anchor lost (against any essay).</param>
/// <param name="WinRate">Wins ÷ (wins + losses); null without judgements.</param>
/// <param name="Infit">Information-weighted mean square fit.</param>
/// <param name="Outfit">Unweighted mean square fit.</param>
/// <param name="OutsideOwnBand">The band check of <c>20-cj-engine.md</c> §9 step 8; null when no calibration exists.</param>
public sealed record AnchorAlignmentRow(
    EssayId Id,
    string Grade,
    int GradeIndex,
    double Ability,
    double StandardError,
    int Rank,
    double ExpectedRank,
    int Wins,
    int Losses,
    double? WinRate,
    double Infit,
    double Outfit,
    bool? OutsideOwnBand);

/// <summary>A pair of anchors of different grades in which the lower-graded anchor won at least once.</summary>
/// <param name="LowerAnchor">The anchor with the lower grade.</param>
/// <param name="LowerGrade">Its grade label.</param>
/// <param name="HigherAnchor">The anchor with the higher grade.</param>
/// <param name="HigherGrade">Its grade label.</param>
/// <param name="LowerWins">Verdicts for the lower-graded anchor (≥ 1).</param>
/// <param name="HigherWins">Verdicts for the higher-graded anchor.</param>
/// <param name="Judgements">Every judgement of the pair in sequence order, with confidence and justification.</param>
public sealed record AnchorInversion(
    EssayId LowerAnchor,
    string LowerGrade,
    EssayId HigherAnchor,
    string HigherGrade,
    int LowerWins,
    int HigherWins,
    ImmutableArray<AlignmentJudgement> Judgements)
{
    /// <summary>True when the lower-graded anchor won most of the pair's verdicts (a tie is not a majority).</summary>
    public bool IsMajority => LowerWins > HigherWins;
}

/// <summary>The anchor alignment report of <c>20-cj-engine.md</c> §10.</summary>
public sealed record AlignmentReport
{
    /// <summary>The per-anchor table in rank order.</summary>
    public required ImmutableArray<AnchorAlignmentRow> Anchors { get; init; }

    /// <summary>Direct inversions, widest grade gap first, then by the ids of the lower and higher anchor.</summary>
    public required ImmutableArray<AnchorInversion> Inversions { get; init; }

    /// <summary>The inversions in which the lower-graded anchor won the majority, in the same order.</summary>
    public required ImmutableArray<AnchorInversion> MajorityInversions { get; init; }

    /// <summary>Anchors with at least one judgement and no wins, in rank order.</summary>
    public required ImmutableArray<EssayId> ZeroWinAnchors { get; init; }

    /// <summary>Kendall τ_b between ability order and grade order; null when undefined (n &lt; 2 or a constant side).</summary>
    public required double? KendallTauB { get; init; }

    /// <summary>The calibration of the anchors themselves, which supplies the band check.</summary>
    public required GradeCalibration Calibration { get; init; }
}
