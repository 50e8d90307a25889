using Cj.Core.Grading;
using static Cj.Core.Grading.Grader;

namespace Cj.Core.Tests.Grading;

public sealed class GoldenV6Tests
{
    private static readonly GradeCalibration Calibration = Calibrate(GradeScale.Eng5NpLegacy9Step, Anchors.V6());

    [Fact]
    public void Out_of_order_grades_are_pooled_by_isotonic_regression()
    {
        double[] expected = [-7.629375, -6.446667, -6.446667, -3.645, -3.645, -1.935, -1.935, -0.03, 2.945, 3.015];
        for (var k = 0; k < expected.Length; k++)
        {
            Assert.Equal(expected[k], Calibration.Grades[k].Location, 1e-6);
        }

        string[] pooled = ["F+", "E-", "E+", "D-", "D+", "C-"];
        Assert.Equal(pooled, Calibration.Grades.Where(g => g.AnchorsOutOfOrder).Select(g => g.Grade));
        Assert.Equal(GradeLocationSource.Extrapolated, Calibration.Grades[0].Source);
        Assert.All(Calibration.Grades.Skip(1), g => Assert.Equal(GradeLocationSource.Anchored, g.Source));
        Assert.All(Calibration.Grades, g => Assert.False(g.Degenerate));
    }

    [Fact]
    public void Boundaries_and_their_uncertainty_match_the_golden()
    {
        double[] expected = [-7.038021, -6.446667, -5.045833, -3.645, -2.79, -1.935, -0.9825, 1.4575, 2.98];
        Assert.Equal(expected.Length, Calibration.Boundaries.Length);
        for (var k = 0; k < expected.Length; k++)
        {
            Assert.Equal(expected[k], Calibration.Boundaries[k], 1e-6);
        }

        Assert.Equal(0.600183, Calibration.PooledVariance, 1e-6);
        Assert.Equal(0.258412, Calibration.BoundaryVariance, 1e-6);
    }

    [Fact]
    public void Anchors_outside_their_own_band_are_flagged()
    {
        // Bands: … B [1.4575, 2.98), A [2.98, ∞). Only A 3.72, both B and C+ sit inside their own band.
        string[] suspects = ["A#1", "C-#5", "D+#6", "D-#7", "E+#8", "E-#9", "F+#10", "F+#11"];
        Assert.Equal(suspects, Calibration.AnchorChecks.Where(c => c.OutsideOwnBand).Select(c => c.Id.Value));
    }

    [Theory]
    [InlineData(3.0, 1.0, "A", 0.5071, ConfidenceLabel.Mid)]
    [InlineData(1.0, 1.0, "C+", 0.6197, ConfidenceLabel.Mid)]
    [InlineData(0.0, 0.9, "C+", 0.7498, ConfidenceLabel.Mid)]
    [InlineData(-2.0, 1.2, "C-", 0.2626, ConfidenceLabel.Low)]
    [InlineData(-3.5, 1.5, "E+", 0.2990, ConfidenceLabel.Low)]
    [InlineData(-6.0, 1.9, "F", 0.2988, ConfidenceLabel.Low)]
    [InlineData(-9.0, 2.0, "F", 0.8291, ConfidenceLabel.High)]
    public void Students_get_the_golden_grade_and_confidence(
        double theta, double se, string grade, double confidence, ConfidenceLabel label)
    {
        var p = Project(Calibration, theta, se);
        Assert.Equal(grade, p.Grade);
        Assert.Equal(confidence, p.Confidence, 5e-5);
        Assert.Equal(label, p.ConfidenceLabel);
        Assert.Equal(p.Probabilities[p.PrimaryIndex], p.Confidence);
        Assert.Equal(1.0, p.Probabilities.Sum(), 1e-12);
        Assert.All(p.Probabilities, x => Assert.True(x < 1.0));
    }

    [Fact]
    public void Wide_SE_lets_the_open_lowest_band_outweigh_the_median_grade()
    {
        var p = Project(Calibration, -6.0, 1.9);
        Assert.Equal("E-", p.MedianGrade);
        Assert.Equal("F", p.PrimaryGrade);
        Assert.NotEqual(p.MedianIndex, p.PrimaryIndex);
    }
}
