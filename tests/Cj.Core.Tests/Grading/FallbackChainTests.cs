using Cj.Core.Grading;
using static Cj.Core.Grading.Grader;

namespace Cj.Core.Tests.Grading;

public sealed class FallbackChainTests
{
    private static readonly GradeScale Legacy = GradeScale.Eng5NpLegacy9Step;

    [Fact]
    public void Unanchored_grades_are_interpolated_inside_and_extrapolated_outside_the_anchored_range()
    {
        // Anchored: E- (2) at −2, C- (6) at 2; step = 4/4 = 1.
        var c = Calibrate(Legacy, Anchors.Of(0.3, ("E-", -2.0), ("C-", 2.0)));
        double[] locations = [-4, -3, -2, -1, 0, 1, 2, 3, 4, 5];
        Assert.Equal(locations, c.Grades.Select(g => Math.Round(g.Location, 12)));
        var sources = c.Grades.Select(g => g.Source).ToArray();
        Assert.Equal(GradeLocationSource.Extrapolated, sources[0]);
        Assert.Equal(GradeLocationSource.Extrapolated, sources[1]);
        Assert.Equal(GradeLocationSource.Anchored, sources[2]);
        Assert.All(sources[3..6], s => Assert.Equal(GradeLocationSource.Interpolated, s));
        Assert.Equal(GradeLocationSource.Anchored, sources[6]);
        Assert.All(sources[7..], s => Assert.Equal(GradeLocationSource.Extrapolated, s));
    }

    [Fact]
    public void A_grade_with_one_anchor_sits_at_that_anchor()
    {
        var c = Calibrate(Legacy, Anchors.Of(0.3, ("F+", -3.3), ("B", 1.7), ("B", 2.1), ("B", 5.0)));
        Assert.Equal(-3.3, c.Grades[1].Location);
        Assert.Equal(2.1, c.Grades[8].Location);
        Assert.Equal(1, c.Grades[1].AnchorCount);
        Assert.Equal(3, c.Grades[8].AnchorCount);
    }

    [Fact]
    public void Three_pooled_grades_leave_the_middle_one_degenerate_with_zero_probability()
    {
        // D- 1.0, D+ 0.5, C- 0.0 pool to 0.5; anchors elsewhere keep the span.
        var c = Calibrate(Legacy, Anchors.Of(0.3, ("E-", -2.0), ("D-", 1.0), ("D+", 0.5), ("C-", 0.0), ("A", 3.0)));
        Assert.True(c.IsAvailable);
        Assert.Equal(["D-", "D+", "C-"], c.Grades.Where(g => g.AnchorsOutOfOrder).Select(g => g.Grade));
        Assert.Equal(["D+"], c.Grades.Where(g => g.Degenerate).Select(g => g.Grade));
        Assert.All(c.Grades.Where(g => g.AnchorsOutOfOrder), g => Assert.Equal(0.5, g.Location, 1e-12));

        var p = Project(c, 0.5, 0.4);
        Assert.Equal(0.0, p.Probabilities[5]);
        Assert.Equal(1.0, p.Probabilities.Sum(), 1e-12);
        Assert.NotEqual("D+", p.PrimaryGrade);
    }

    [Fact]
    public void Without_a_grade_of_two_anchors_v_is_the_mean_anchor_SE_squared()
    {
        var c = Calibrate(
            Legacy,
            [
                new GradeAnchor(new EssayId("a1"), "C-", 0.0, 0.5),
                new GradeAnchor(new EssayId("a2"), "A", 2.0, 1.0),
            ]);
        Assert.Equal((0.25 + 1.0) / 2, c.PooledVariance, 1e-15);
    }

    [Fact]
    public void Boundary_uncertainty_none_keeps_v_but_sets_sigma_b_to_zero()
    {
        var c = Calibrate(GradeScale.Swedish8Anchor, Anchors.V5(), new GradingOptions(BoundaryUncertainty: BoundaryUncertainty.None));
        Assert.Equal(0.000625, c.PooledVariance, 1e-12);
        Assert.Equal(0.0, c.BoundaryVariance);
        var p = Project(c, 0.76, 0.01);
        Assert.Equal(p.JudgingCertainty, p.Confidence, 1e-15);
    }

    [Fact]
    public void Mean_location_uses_the_mean_of_the_grade_anchors()
    {
        var anchors = Anchors.Of(0.3, ("C-", 0.0), ("C-", 0.1), ("C-", 0.8), ("A", 3.0));
        Assert.Equal(0.1, Calibrate(Legacy, anchors).Grades[6].Location, 1e-12);
        Assert.Equal(0.3, Calibrate(Legacy, anchors, new GradingOptions(AnchorLocation.Mean)).Grades[6].Location, 1e-12);
    }
}
