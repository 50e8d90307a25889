using Cj.Core.Grading;
using static Cj.Core.Grading.Grader;

namespace Cj.Core.Tests.Grading;

public sealed class NationalScaleTests
{
    private static readonly GradeScale National = GradeScale.Named("eng5_np_national_9_step");

    [Fact]
    public void Numeric_labels_calibrate_and_project_without_trouble()
    {
        var anchors = Anchors.Of(0.4, ("2", -3.1), ("2", -2.8), ("4", -1.0), ("5", 0.1), ("7", 1.9), ("7", 2.2), ("9", 4.0));
        var c = Calibrate(National, anchors);
        Assert.True(c.IsAvailable);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), c.Grades.Select(g => g.Grade));

        var p = Project(c, 0.1, 0.5);
        Assert.Equal("5", p.Grade);
        Assert.Equal("5", p.MedianGrade);
        Assert.Equal(10, p.Probabilities.Length);
        Assert.Equal(1.0, p.Probabilities.Sum(), 1e-12);
        Assert.Equal("0", Project(c, -9.0, 0.5).Grade);
        Assert.Equal("9", Project(c, 9.0, 0.5).Grade);
        Assert.Equal(National.Grades.ToArray(), National.ReportableGrades.ToArray());
    }

    [Fact]
    public void Numeric_labels_resolve_after_trimming()
    {
        Assert.Equal(0, National.IndexOf(" 0 "));
        Assert.Equal(9, National.IndexOf("9"));
        Assert.Equal(-1, National.IndexOf("10"));
    }
}
