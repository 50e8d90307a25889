namespace Cj.Core.Alignment;

/// <summary>An anchor as the alignment report sees it, taken from a fit of the batch.</summary>
/// <param name="Id">The anchor essay.</param>
/// <param name="GradeIndex">The index of its expert grade on the report's scale (0 = lowest).</param>
/// <param name="Ability">θ in logits.</param>
/// <param name="StandardError">The SE of θ in logits.</param>
/// <param name="Infit">Information-weighted mean square fit (NaN when unknown).</param>
/// <param name="Outfit">Unweighted mean square fit (NaN when unknown).</param>
public sealed record AlignmentAnchor(
    EssayId Id,
    int GradeIndex,
    double Ability,
    double StandardError,
    double Infit = double.NaN,
    double Outfit = double.NaN);

/// <summary>A judgement with what the judge said about it, as shown next to an inversion.</summary>
/// <param name="Judgement">The verdict.</param>
/// <param name="Confidence">The judge's stated confidence, verbatim (e.g. "4"), when recorded.</param>
/// <param name="Justification">The judge's justification, when recorded.</param>
public sealed record AlignmentJudgement(Judgement Judgement, string? Confidence = null, string? Justification = null);
