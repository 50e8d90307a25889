using Cj.Core.Grading;
using static Cj.Core.Grading.Grader;

namespace Cj.Core.Tests.Grading;

public sealed class GoldenV5Tests
{
    private static readonly GradeCalibration Calibration = Calibrate(GradeScale.Swedish8Anchor, Anchors.V5());

    [Fact]
    public void Locations_follow_the_fallback_chain()
    {
        Assert.True(Calibration.IsAvailable);
        double[] expected = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
        for (var k = 0; k < expected.Length; k++)
        {
            Assert.Equal(expected[k], Calibration.Grades[k].Location, 1e-12);
        }

        GradeLocationSource[] sources =
        [
            GradeLocationSource.Extrapolated, GradeLocationSource.Extrapolated, GradeLocationSource.Anchored,
            GradeLocationSource.Interpolated, GradeLocationSource.Anchored, GradeLocationSource.Interpolated,
            GradeLocationSource.Anchored, GradeLocationSource.Anchored,
        ];
        Assert.Equal(sources, Calibration.Grades.Select(g => g.Source));
        Assert.All(Calibration.Grades, g => Assert.False(g.AnchorsOutOfOrder || g.Degenerate));
    }

    [Fact]
    public void Boundaries_are_midpoints_and_uncertainty_is_pooled()
    {
        double[] expected = [0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85];
        Assert.Equal(expected.Length, Calibration.Boundaries.Length);
        for (var k = 0; k < expected.Length; k++)
        {
            Assert.Equal(expected[k], Calibration.Boundaries[k], 1e-6);
        }

        Assert.Equal(0.000625, Calibration.PooledVariance, 1e-12);
        Assert.Equal(0.000208333, Calibration.BoundaryVariance, 1e-9);
        Assert.All(Calibration.AnchorChecks, c => Assert.False(c.OutsideOwnBand));
    }

    [Fact]
    public void Swedish_minus_case_projects_B_minus()
    {
        var p = Project(Calibration, 0.76, 0.01);
        Assert.Equal("B-", p.Grade);
        Assert.Equal("B", p.PrimaryGrade);
        Assert.Equal("B", p.MedianGrade);
        Assert.Equal(0.715490, p.Confidence, 1e-5);
        Assert.Equal(ConfidenceLabel.Mid, p.ConfidenceLabel);
        Assert.Equal(0.715490, p.Probabilities[6], 1e-5);
        Assert.Equal(0.284510, p.Probabilities[5], 1e-5);
        Assert.Equal(5.715490, p.ExpectedGradeIndex, 1e-5);
        Assert.Equal(5.715490 / 7, p.NormalisedScore, 1e-5);
        Assert.Equal(0.841345, p.JudgingCertainty, 1e-5);
        Assert.Equal(1.0, p.WithinOneGrade, 1e-5);
    }

    [Fact]
    public void Swedish_centre_case_projects_plain_B_with_high_confidence()
    {
        var p = Project(Calibration, 0.80, 0.01);
        Assert.Equal("B", p.Grade);
        Assert.Equal(0.995593, p.Confidence, 1e-5);
        Assert.Equal(ConfidenceLabel.High, p.ConfidenceLabel);
        Assert.Equal(0.002203, p.Probabilities[5], 1e-5);
        Assert.Equal(0.002203, p.Probabilities[7], 1e-5);
        Assert.Equal(6.000000, p.ExpectedGradeIndex, 1e-5);
        Assert.Equal(0.999999, p.JudgingCertainty, 1e-5);
        Assert.Equal(1.0, p.Probabilities.Sum(), 1e-12);
    }

    [Theory]
    [InlineData(0.86, "A-")]
    [InlineData(0.95, "A")]
    [InlineData(0.842, "B+")]
    [InlineData(0.33, "E+")]
    [InlineData(0.36, "D-")]
    [InlineData(0.46, "D+")]
    [InlineData(0.10, "F")]
    public void Sign_rule_marks_only_the_grades_it_names(double theta, string expected) =>
        Assert.Equal(expected, Project(Calibration, theta, 0.001).Grade);

    [Fact]
    public void Swedish_scale_lists_every_reportable_label()
    {
        string[] expected = ["F", "E-", "E", "E+", "D-", "D", "D+", "C-", "C", "C+", "B-", "B", "B+", "A-", "A"];
        Assert.Equal(expected, GradeScale.Swedish8Anchor.ReportableGrades);
    }
}
