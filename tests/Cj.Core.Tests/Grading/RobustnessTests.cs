using Cj.Core.Grading;
using static Cj.Core.Grading.Grader;

namespace Cj.Core.Tests.Grading;

public sealed class RobustnessTests
{
    private static readonly GradeScale Four = GradeScale.Custom("four", ["1", "2", "3", "4"]);

    // True centres −1.5, −0.5, 0.5, 1.5 (cuts −1, 0, 1); the last anchor is a grade-4 script marked 2.
    private static IReadOnlyList<GradeAnchor> WithMismark(bool mismarked) => Anchors.Of(
        0.1,
        ("1", -1.6), ("1", -1.5), ("1", -1.4),
        ("2", -0.6), ("2", -0.5), ("2", -0.4),
        ("3", 0.4), ("3", 0.5), ("3", 0.6),
        ("4", 1.4), ("4", 1.5), ("4", 1.6),
        (mismarked ? "2" : "4", 1.5));

    [Theory]
    [InlineData(-0.85, "2")]
    [InlineData(0.1, "3")]
    [InlineData(-1.3, "1")]
    [InlineData(1.2, "4")]
    public void The_median_keeps_the_grade_of_a_student_far_from_a_mismarked_anchor(double theta, string grade)
    {
        var clean = Project(Calibrate(Four, WithMismark(false)), theta, 0.1);
        var median = Project(Calibrate(Four, WithMismark(true)), theta, 0.1);
        Assert.Equal(grade, clean.Grade);
        Assert.Equal(grade, median.Grade);
    }

    [Fact]
    public void The_mean_is_moved_by_the_same_mismarked_anchor()
    {
        var mean = Calibrate(Four, WithMismark(true), new GradingOptions(AnchorLocation.Mean));
        Assert.Equal("1", Project(mean, -0.85, 0.1).Grade);
        Assert.Equal("2", Project(mean, 0.1, 0.1).Grade);
    }

    [Fact]
    public void The_mismarked_anchor_is_flagged_outside_its_own_band()
    {
        var c = Calibrate(Four, WithMismark(true));
        var flagged = Assert.Single(c.AnchorChecks, a => a.OutsideOwnBand);
        Assert.Equal("2", flagged.Grade);
        Assert.Equal(1.5, flagged.Ability);
    }
}
