using System.Collections.Immutable;

namespace Cj.Core.Grading;

/// <summary>
/// The sign rule of <c>20-cj-engine.md</c> §9, derived from the labels so that it needs no letter list: the lowest
/// grade and labels that already carry a sign never get one; "X-" is allowed for every other grade; "X+" only below
/// the top and when the next grade is not itself "X+". On <c>swedish_8_anchor</c> this gives exactly
/// E-, D-, C-, B-, A- and E+, B+.
/// </summary>
internal static class SignRules
{
    private const double MinusBelow = 0.25;
    private const double PlusAbove = 0.75;

    public static bool AllowsMinus(GradeScale scale, int k) => k > 0 && !HasSign(scale.Grades[k]);

    public static bool AllowsPlus(GradeScale scale, int k) =>
        k > 0
        && k < scale.Count - 1
        && !HasSign(scale.Grades[k])
        && !string.Equals(scale.Grades[k + 1], scale.Grades[k] + "+", StringComparison.Ordinal);

    /// <summary>The reported label for primary grade <paramref name="k"/> at ability θ, given the boundaries b₁…b_{K−1}.</summary>
    public static string Apply(GradeScale scale, ImmutableArray<double> boundaries, int k, double ability)
    {
        var label = scale.Grades[k];
        if (!scale.SignRule || !(AllowsMinus(scale, k) || AllowsPlus(scale, k)))
        {
            return label;
        }

        var r = RelativePosition(boundaries, k, ability);
        if (r is < MinusBelow && AllowsMinus(scale, k))
        {
            return label + "-";
        }

        return r is > PlusAbove && AllowsPlus(scale, k) ? label + "+" : label;
    }

    /// <summary>
    /// r = (θ − lower edge) / band width clamped to [0, 1]; an open (infinite) side borrows the adjacent band's width.
    /// Null when the width is not positive or cannot be defined (a two-grade scale).
    /// </summary>
    public static double? RelativePosition(ImmutableArray<double> boundaries, int k, double ability)
    {
        var last = boundaries.Length; // K − 1: index of the top band
        double lower;
        double width;
        if (k == 0)
        {
            if (last < 2)
            {
                return null;
            }

            width = boundaries[1] - boundaries[0];
            lower = boundaries[0] - width;
        }
        else if (k == last)
        {
            if (last < 2)
            {
                return null;
            }

            lower = boundaries[last - 1];
            width = boundaries[last - 1] - boundaries[last - 2];
        }
        else
        {
            lower = boundaries[k - 1];
            width = boundaries[k] - boundaries[k - 1];
        }

        return width > 0 ? Math.Clamp((ability - lower) / width, 0.0, 1.0) : null;
    }

    public static ImmutableArray<string> ReportableGrades(GradeScale scale)
    {
        var labels = ImmutableArray.CreateBuilder<string>();
        for (var k = 0; k < scale.Count; k++)
        {
            if (AllowsMinus(scale, k))
            {
                labels.Add(scale.Grades[k] + "-");
            }

            labels.Add(scale.Grades[k]);
            if (AllowsPlus(scale, k))
            {
                labels.Add(scale.Grades[k] + "+");
            }
        }

        return labels.ToImmutable();
    }

    private static bool HasSign(string label) => label.EndsWith('+') || label.EndsWith('-');
}
