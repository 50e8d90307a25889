using Cj.Core.Grading;
using static Cj.Core.Grading.Grader;

namespace Cj.Core.Tests.Grading;

public sealed class UnavailableTests
{
    private static readonly GradeScale Legacy = GradeScale.Eng5NpLegacy9Step;

    [Fact]
    public void No_anchors_give_not_enough_anchor_grades()
    {
        var c = Calibrate(Legacy, []);
        Assert.False(c.IsAvailable);
        Assert.Equal(ProjectionUnavailable.NotEnoughAnchorGrades, c.Unavailable);
        Assert.Empty(c.Boundaries);
        Assert.Empty(c.Grades);
    }

    [Fact]
    public void One_distinct_grade_gives_not_enough_anchor_grades()
    {
        var c = Calibrate(Legacy, Anchors.Of(0.3, ("B", 1.0), ("B", 2.0), ("B", -1.0)));
        Assert.Equal(ProjectionUnavailable.NotEnoughAnchorGrades, c.Unavailable);
    }

    [Fact]
    public void Reversed_anchors_pool_to_zero_span_and_are_not_ordered()
    {
        var c = Calibrate(Legacy, Anchors.Of(0.3, ("A", -1.0), ("F", 1.0)));
        Assert.Equal(ProjectionUnavailable.AnchorsNotOrdered, c.Unavailable);
    }

    [Fact]
    public void A_span_below_the_minimum_is_not_ordered_unless_the_minimum_is_lowered()
    {
        var anchors = Anchors.Of(0.3, ("C-", 0.0), ("C+", 0.05));
        Assert.Equal(ProjectionUnavailable.AnchorsNotOrdered, Calibrate(Legacy, anchors).Unavailable);
        Assert.True(Calibrate(Legacy, anchors, new GradingOptions(MinAnchorSpan: 0.01)).IsAvailable);
    }

    [Fact]
    public void Projecting_with_an_unavailable_calibration_is_a_programmer_error()
    {
        var c = Calibrate(Legacy, []);
        Assert.Throws<ArgumentException>(() => Project(c, 0.0, 1.0));
        Assert.Throws<ArgumentException>(() => JudgingCertainty(c, 0.0, 1.0));
    }

    [Fact]
    public void An_anchor_grade_off_the_scale_or_a_NaN_ability_throws()
    {
        Assert.Throws<ArgumentException>(() => Calibrate(Legacy, Anchors.Of(0.3, ("A", 1.0), ("G", 0.0))));
        Assert.Throws<ArgumentException>(() => Calibrate(Legacy, Anchors.Of(0.3, ("A", 1.0), ("B", double.NaN))));
        var c = Calibrate(Legacy, Anchors.V6());
        Assert.Throws<ArgumentException>(() => Project(c, double.NaN, 1.0));
        Assert.Throws<ArgumentException>(() => Project(c, 0.0, -1.0));
    }

    [Fact]
    public void Not_linked_to_anchors_is_a_reason_the_caller_can_report() =>
        Assert.Contains(ProjectionUnavailable.NotLinkedToAnchors, Enum.GetValues<ProjectionUnavailable>());
}
