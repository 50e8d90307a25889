using static Cj.Core.Alignment.AnchorAlignment;

namespace Cj.Core.Tests.Alignment;

public sealed class KendallTauBTests
{
    // R1 (§12 A1), best first: A, A, B, B, C+, C-, D+, D-, E+, E-, F+, F+ as legacy grade indices.
    private static readonly double[] R1Grades = [9, 9, 8, 8, 7, 6, 5, 4, 3, 2, 1, 1];
    private static readonly double[] R1Abilities = [.. Enumerable.Range(0, 12).Select(i => 12.0 - i)];

    [Fact]
    public void Identical_order_gives_one() => Assert.Equal(1.0, KendallTauB([1, 2, 3, 4, 5], [1, 2, 3, 4, 5])!.Value, 1e-12);

    [Fact]
    public void Reversed_order_gives_minus_one() =>
        Assert.Equal(-1.0, KendallTauB([1, 2, 3, 4, 5], [5, 4, 3, 2, 1])!.Value, 1e-12);

    [Fact]
    public void One_adjacent_swap_among_five_distinct_grades_gives_0_8() =>
        Assert.Equal(0.8, KendallTauB([1, 2, 3, 4, 5], [1, 3, 2, 4, 5])!.Value, 1e-12);

    [Fact]
    public void Two_disjoint_swaps_among_five_distinct_grades_give_0_6() =>
        Assert.Equal(0.6, KendallTauB([1, 2, 3, 4, 5], [2, 1, 3, 5, 4])!.Value, 1e-12);

    [Fact]
    public void Perfectly_ordered_R1_anchors_reach_the_maximum_their_ties_allow()
    {
        var tau = KendallTauB(R1Abilities, R1Grades)!.Value;
        Assert.Equal(Math.Sqrt(63.0 / 66.0), tau, 1e-12);
        Assert.Equal(0.977008, tau, 1e-6);
    }

    [Fact]
    public void R1_with_two_adjacent_distinct_grades_swapped_gives_0_945992()
    {
        var abilities = (double[])R1Abilities.Clone();
        (abilities[4], abilities[5]) = (abilities[5], abilities[4]); // C+ and C-
        var tau = KendallTauB(abilities, R1Grades)!.Value;
        Assert.Equal(61.0 / Math.Sqrt(63.0 * 66.0), tau, 1e-12);
        Assert.Equal(0.945992, tau, 1e-6);
    }

    [Fact]
    public void Tau_is_null_not_zero_when_undefined()
    {
        Assert.Null(KendallTauB([], []));
        Assert.Null(KendallTauB([1.0], [2.0]));
        Assert.Null(KendallTauB([1, 2, 3], [4, 4, 4]));
        Assert.Null(KendallTauB([7, 7, 7], [1, 2, 3]));
    }

    [Fact]
    public void Abilities_within_1e_12_are_tied()
    {
        var tau = KendallTauB([0.0, 5e-13, 1.0], [1, 2, 3])!.Value;
        Assert.Equal(2 / Math.Sqrt(2.0 * 3.0), tau, 1e-12);
    }

    [Fact]
    public void Unequal_lengths_or_NaN_are_programmer_errors()
    {
        Assert.Throws<ArgumentException>(() => KendallTauB([1, 2], [1]));
        Assert.Throws<ArgumentException>(() => KendallTauB([1, double.NaN], [1, 2]));
    }
}
