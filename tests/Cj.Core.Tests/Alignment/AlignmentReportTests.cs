using Cj.Core.Alignment;
using Cj.Core.Grading;
using static Cj.Core.Alignment.AnchorAlignment;

namespace Cj.Core.Tests.Alignment;

public sealed class AlignmentReportTests
{
    private static readonly GradeScale Scale = GradeScale.Custom("abc", ["C", "B", "A"]);

    // Grades A, A, B, C; the C anchor beats a B-anchor twice out of three and an A-anchor once out of two.
    private static readonly AlignmentAnchor[] Anchors =
    [
        new(new EssayId("a2"), 2, 1.5, 0.6, 0.9, 1.1),
        new(new EssayId("a1"), 2, 1.5, 0.6, 1.0, 1.0),
        new(new EssayId("b1"), 1, -1.2, 0.5, 1.3, 1.6),
        new(new EssayId("c1"), 0, -1.8, 0.5, 0.8, 0.7),
        new(new EssayId("z0"), 1, 0.0, 0.9),
    ];

    private static readonly AlignmentJudgement[] Judgements =
    [
        Verdict("c1", "b1", 1, "4", "clearer argument"),
        Verdict("b1", "c1", 2),
        Verdict("c1", "b1", 3, "3", "better structure"),
        Verdict("a1", "c1", 4),
        Verdict("c1", "a1", 5, "2", "close call"),
        Verdict("a1", "a2", 6),
        Verdict("a2", "b1", 7),
        Verdict("student", "a2", 8),
        Verdict("a1", "z0", 9),
        Verdict("student", "other", 10),
    ];

    private static readonly AlignmentReport Result = Report(Scale, Anchors, Judgements);

    [Fact]
    public void Inversions_list_every_pair_the_lower_grade_won_and_the_majority_subset()
    {
        Assert.Equal(2, Result.Inversions.Length);
        var wide = Result.Inversions[0];
        Assert.Equal((new EssayId("c1"), "C", new EssayId("a1"), "A"), (wide.LowerAnchor, wide.LowerGrade, wide.HigherAnchor, wide.HigherGrade));
        Assert.Equal((1, 1), (wide.LowerWins, wide.HigherWins));
        Assert.False(wide.IsMajority);
        Assert.Equal("close call", wide.Judgements[1].Justification);

        var majority = Assert.Single(Result.MajorityInversions);
        Assert.Equal((new EssayId("c1"), new EssayId("b1"), 2, 1), (majority.LowerAnchor, majority.HigherAnchor, majority.LowerWins, majority.HigherWins));
        Assert.Equal([1L, 2L, 3L], majority.Judgements.Select(j => j.Judgement.Sequence));
        Assert.Equal("4", majority.Judgements[0].Confidence);
    }

    [Fact]
    public void Zero_win_anchors_have_comparisons_but_no_wins()
    {
        Assert.Equal([new EssayId("z0")], Result.ZeroWinAnchors.ToArray());
    }

    [Fact]
    public void Per_anchor_table_ranks_by_ability_with_ties_by_id_and_shares_expected_ranks()
    {
        Assert.Equal(["a1", "a2", "z0", "b1", "c1"], Result.Anchors.Select(r => r.Id.Value));
        Assert.Equal([1, 2, 3, 4, 5], Result.Anchors.Select(r => r.Rank));
        Assert.Equal([1.5, 1.5, 3.5, 3.5, 5.0], Result.Anchors.Select(r => r.ExpectedRank));

        var a2 = Result.Anchors[1];
        Assert.Equal(("A", 1, 2, 1.0 / 3.0), (a2.Grade, a2.Wins, a2.Losses, a2.WinRate!.Value));
        Assert.Equal((0.9, 1.1), (a2.Infit, a2.Outfit));
        var c1 = Result.Anchors[4];
        Assert.Equal((3, 2), (c1.Wins, c1.Losses));
        Assert.True(double.IsNaN(Result.Anchors[2].Infit));
    }

    [Fact]
    public void Band_check_and_tau_come_from_the_anchors_themselves()
    {
        Assert.True(Result.Calibration.IsAvailable);
        Assert.All(Result.Anchors, r => Assert.NotNull(r.OutsideOwnBand));
        Assert.Equal(KendallTauB([1.5, 1.5, -1.2, -1.8, 0.0], [2, 2, 1, 0, 1]), Result.KendallTauB);
        Assert.True(Result.KendallTauB > 0.8);
    }

    [Fact]
    public void An_anchor_without_comparisons_has_no_win_rate_and_is_not_a_zero_win_anchor()
    {
        var report = Report(Scale, [new(new EssayId("x"), 0, -1, 1), new(new EssayId("y"), 2, 1, 1)], []);
        Assert.All(report.Anchors, r => Assert.Null(r.WinRate));
        Assert.Empty(report.ZeroWinAnchors);
        Assert.Empty(report.Inversions);
        Assert.Equal(1.0, report.KendallTauB);
    }

    [Fact]
    public void One_grade_only_leaves_tau_and_band_check_undefined()
    {
        var report = Report(Scale, [new(new EssayId("x"), 1, -1, 1), new(new EssayId("y"), 1, 1, 1)], []);
        Assert.Null(report.KendallTauB);
        Assert.Equal(ProjectionUnavailable.NotEnoughAnchorGrades, report.Calibration.Unavailable);
        Assert.All(report.Anchors, r => Assert.Null(r.OutsideOwnBand));
    }

    [Fact]
    public void Duplicate_ids_or_a_grade_index_off_the_scale_throw()
    {
        Assert.Throws<ArgumentException>(() => Report(Scale, [new(new EssayId("x"), 0, 0, 1), new(new EssayId("x"), 1, 1, 1)], []));
        Assert.Throws<ArgumentException>(() => Report(Scale, [new(new EssayId("x"), 3, 0, 1)], []));
    }

    private static AlignmentJudgement Verdict(string winner, string loser, long sequence, string? confidence = null, string? why = null) =>
        new(Judgement.Of(winner, loser, sequence), confidence, why);
}
