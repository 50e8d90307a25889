using Cj.Core.Grading;

namespace Cj.Core.Tests.Grading;

/// <summary>Builds anchor lists for calibration tests: ids are the grade plus a running number.</summary>
internal static class Anchors
{
    public static IReadOnlyList<GradeAnchor> Of(double se, params (string Grade, double Ability)[] anchors) =>
        [.. anchors.Select((a, i) => new GradeAnchor(new EssayId($"{a.Grade}#{i}"), a.Grade, a.Ability, se))];

    /// <summary>Golden V5 (swedish_8_anchor): A 0.95/0.90/0.85, B 0.8×3, C 0.6×3, D 0.4×3, all SE 0.02.</summary>
    public static IReadOnlyList<GradeAnchor> V5() => Of(
        0.02,
        ("A", 0.95), ("A", 0.90), ("A", 0.85),
        ("B", 0.8), ("B", 0.8), ("B", 0.8),
        ("C", 0.6), ("C", 0.6), ("C", 0.6),
        ("D", 0.4), ("D", 0.4), ("D", 0.4));

    /// <summary>Golden V6 (eng5_np_legacy_9_step), all SE 1.</summary>
    public static IReadOnlyList<GradeAnchor> V6() => Of(
        1.0,
        ("A", 3.72), ("A", 2.31), ("B", 2.95), ("B", 2.94), ("C+", -0.03), ("C-", -1.99), ("D+", -1.88),
        ("D-", -4.05), ("E+", -3.24), ("E-", -7.99), ("F+", -5.04), ("F+", -6.31));
}
