namespace Cj.Runner.Tests.Inventory;

/// <summary>Anchor grades that cannot be used, and anchors.csv mistakes, are reported by file (and line) and reason.</summary>
public sealed class BadAnchorGradeTests
{
    [Fact]
    public void Anchors_with_a_single_distinct_grade_are_reported()
    {
        using var assets = TestAssets.Valid();
        assets.Delete("anchors");
        assets.Write("anchors/a_C+.txt", "One.");
        assets.Write("anchors/b_C+.txt", "Two.");

        Assert.Contains(
            $"{assets.Path("anchors")}: the anchors have fewer than two distinct grades (C+); grade projection needs at least two.",
            assets.Problems(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_suffix_grade_outside_the_scale_is_reported_with_the_scales_grades()
    {
        using var assets = TestAssets.Valid();
        var file = assets.Write("anchors/anchor_04_G.txt", "Off the scale.");

        Assert.Contains(
            $"{file}: grade 'G' (from the file name) is not in grade scale eng5_np_legacy_9_step (F, F+, E-, E+, D-, D+, C-, C+, B, A).",
            assets.Problems(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_anchors_csv_grade_outside_the_scale_is_reported_with_its_line()
    {
        using var assets = TestAssets.Valid();
        var csv = assets.Write("anchors.csv", "file_name,grade\nanchor_01_C+.txt,C+\nanchor_02_E-.md,5\nanchor_03_B.txt,B\n");

        Assert.Contains(
            $"{csv}, line 3: grade '5' of anchor_02_E-.md is not in grade scale eng5_np_legacy_9_step (F, F+, E-, E+, D-, D+, C-, C+, B, A).",
            assets.Problems(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_anchor_without_a_grade_suffix_is_reported()
    {
        using var assets = TestAssets.Valid();
        var file = assets.Write("anchors/exemplar.txt", "No grade in the name.");

        Assert.Contains(
            $"{file}: the anchor's grade cannot be determined: there is no anchors.csv and the file name has no _GRADE suffix",
            assets.Problems(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_anchor_missing_from_anchors_csv_is_reported()
    {
        using var assets = TestAssets.Valid();
        var csv = assets.Write("anchors/anchors.csv", "file_name,grade\nanchor_01_C+.txt,C+\nanchor_02_E-.md,E-\n");

        Assert.Contains(
            $"{assets.Path("anchors/anchor_03_B.txt")}: the anchor's grade cannot be determined: it is not listed in {csv}.",
            assets.Problems(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_anchor_id_listed_twice_in_anchors_csv_is_reported()
    {
        using var assets = TestAssets.Valid();
        var csv = assets.Write("anchors/anchors.csv", "file_name,grade,anchor_id\nanchor_01_C+.txt,C+,X1\nanchor_02_E-.md,E-,x1\nanchor_03_B.txt,B,X3\n");

        var message = assets.Problems();

        Assert.Contains($"{csv}, line 3: anchor_id 'x1' of 'anchor_02_E-.md' is listed twice (first on line 2).", message, StringComparison.Ordinal);
        Assert.DoesNotContain("cannot be determined", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_listed_twice_in_anchors_csv_is_reported()
    {
        using var assets = TestAssets.Valid();
        var csv = assets.Write("anchors.csv", "file_name,grade\nanchor_01_C+.txt,C+\nanchor_02_E-.md,E-\nanchor_03_B.txt,B\nanchor_01_C+.txt,A\n");

        Assert.Contains($"{csv}, line 5: 'anchor_01_C+.txt' is listed twice (first on line 2).", assets.Problems(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_anchors_csv_row_naming_a_missing_file_is_reported()
    {
        using var assets = TestAssets.Valid();
        var csv = assets.Write("anchors.csv", "file_name,grade\nanchor_01_C+.txt,C+\nanchor_02_E-.md,E-\nanchor_03_B.txt,B\nanchor_99_A.txt,A\n");

        Assert.Contains(
            $"{csv}, line 5: 'anchor_99_A.txt' is not an anchor essay in {assets.Path("anchors")}.",
            assets.Problems(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_anchors_csv_without_the_expected_columns_is_reported()
    {
        using var assets = TestAssets.Valid();
        var csv = assets.Write("anchors.csv", "essay,level\nanchor_01_C+.txt,C+\n");

        Assert.Contains(
            $"{csv}: expected the columns file_name,grade[,anchor_id]; the header is essay,level.",
            assets.Problems(), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_anchors_csv_files_are_ambiguous()
    {
        using var assets = TestAssets.Valid();
        var root = assets.Write("anchors.csv", "file_name,grade\n");
        var inner = assets.Write("anchors/anchors.csv", "file_name,grade\n");

        Assert.Contains($"{root} and {inner}: two anchors.csv files; keep one.", assets.Problems(), StringComparison.Ordinal);
    }
}
