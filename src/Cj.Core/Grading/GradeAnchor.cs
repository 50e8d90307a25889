namespace Cj.Core.Grading;

/// <summary>An anchor as calibration sees it: its expert grade label, ability θ (logits) and standard error.</summary>
/// <param name="Id">The anchor essay.</param>
/// <param name="Grade">A label of the scale (normalised by <see cref="GradeScale.NormaliseLabel"/>).</param>
/// <param name="Ability">θ in logits, from the same fit and component as every other anchor of the calibration.</param>
/// <param name="StandardError">The SE of θ in logits (≥ 0).</param>
public sealed record GradeAnchor(EssayId Id, string Grade, double Ability, double StandardError);
