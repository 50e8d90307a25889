using Cj.Core.Grading;

namespace Cj.Core.Tests.Grading;

public sealed class GradeScaleTests
{
    [Fact]
    public void Built_in_scales_list_their_grades_lowest_first()
    {
        Assert.Equal(["F", "F+", "E-", "E+", "D-", "D+", "C-", "C+", "B", "A"], GradeScale.Named("eng5_np_legacy_9_step").Grades.ToArray());
        Assert.Equal(["F", "E", "D", "D+", "C", "C+", "B", "A"], GradeScale.Named("swedish_8_anchor").Grades.ToArray());
        Assert.True(GradeScale.Swedish8Anchor.SignRule);
        Assert.False(GradeScale.Eng5NpLegacy9Step.SignRule);
        Assert.Equal(10, GradeScale.Eng5NpNational9Step.Count);
    }

    [Fact]
    public void An_unknown_scale_name_lists_the_known_names()
    {
        var error = Assert.Throws<ArgumentException>(() => GradeScale.Named("swedish"));
        Assert.All(GradeScale.KnownNames, name => Assert.Contains(name, error.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(" B\u2212 ", "B-")]
    [InlineData("C\u2013", "C-")]
    [InlineData("E+", "E+")]
    public void Labels_are_trimmed_and_minus_signs_unified(string raw, string normalised) =>
        Assert.Equal(normalised, GradeScale.NormaliseLabel(raw));

    [Fact]
    public void Lookups_normalise_and_report_absence()
    {
        var legacy = GradeScale.Eng5NpLegacy9Step;
        Assert.Equal(2, legacy.IndexOf("E\u2212"));
        Assert.Equal(-1, legacy.IndexOf("B-"));
        Assert.Equal(-1, legacy.IndexOf("a"));
        Assert.Equal(-1, legacy.IndexOf(null));
        Assert.True(legacy.TryResolve(" C+", out var index));
        Assert.Equal(7, index);
        Assert.False(legacy.TryResolve("U", out _));
    }

    [Fact]
    public void Custom_scales_need_two_unique_non_empty_labels_after_normalisation()
    {
        var custom = GradeScale.Custom("ncea", ["NA", "A", "M", "E"]);
        Assert.Equal(["NA", "A", "M", "E"], custom.Grades.ToArray());
        Assert.Throws<ArgumentException>(() => GradeScale.Custom("one", ["A"]));
        Assert.Throws<ArgumentException>(() => GradeScale.Custom("dup", ["B-", "B\u2212"]));
        Assert.Throws<ArgumentException>(() => GradeScale.Custom("blank", ["A", " "]));
    }

    [Fact]
    public void Scales_with_equal_labels_are_equal()
    {
        Assert.Equal(GradeScale.Custom("x", ["1", "2"]), GradeScale.Custom("x", [" 1", "2 "]));
        Assert.NotEqual(GradeScale.Custom("x", ["1", "2"]), GradeScale.Custom("x", ["2", "1"]));
        Assert.Same(GradeScale.Swedish8Anchor, GradeScale.Named("SWEDISH_8_ANCHOR"));
    }
}
