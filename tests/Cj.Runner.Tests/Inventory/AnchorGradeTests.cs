using Cj.Core.Grading;

namespace Cj.Runner.Tests.Inventory;

public sealed class AnchorGradeTests
{
    [Fact]
    public void The_grade_is_the_last_underscore_token_of_the_file_stem()
    {
        using var assets = TestAssets.Valid();
        assets.WriteDocx("anchors/anchor_essay_eng_5_17_vt_001_F+.docx", TestAssets.Paragraph("A national-test anchor."));

        var anchor = assets.Read().Anchors.Single(a => a.File.FileName.EndsWith(".docx", StringComparison.Ordinal));

        Assert.Equal("F+", anchor.Grade);
        Assert.Equal("ANCHOR_ESSAY_ENG_5_17_VT_001_F", anchor.EssayId);
    }

    [Fact]
    public void A_suffix_grade_is_normalised_to_the_scales_spelling()
    {
        using var assets = TestAssets.Valid();
        assets.Write("anchors/anchor_04_d\u2212.txt", "Minus sign and lower case.");

        var anchor = assets.Read().Anchors.Single(a => a.EssayId == "ANCHOR_04_D");

        Assert.Equal("D-", anchor.Grade);
    }

    [Fact]
    public void A_stem_that_is_only_a_grade_gives_that_grade()
    {
        using var assets = TestAssets.Valid();
        assets.Write("anchors/A.txt", "The best anchor.");

        Assert.Equal("A", assets.Read().Anchors.Single(a => a.EssayId == "A").Grade);
    }

    [Fact]
    public void Anchors_csv_in_the_anchors_folder_overrides_the_file_name_suffix()
    {
        using var assets = TestAssets.Valid();
        assets.Write("anchors/anchors.csv", "file_name,grade\nanchor_01_C+.txt,A\nanchor_02_E-.md,E+\nanchor_03_B.txt,B\n");

        var grades = assets.Read().Anchors.ToDictionary(a => a.File.FileName, a => a.Grade);

        Assert.Equal("A", grades["anchor_01_C+.txt"]);
        Assert.Equal("E+", grades["anchor_02_E-.md"]);
        Assert.Equal("B", grades["anchor_03_B.txt"]);
    }

    [Fact]
    public void Anchors_csv_at_the_assets_root_names_files_without_a_grade_in_their_names()
    {
        using var assets = TestAssets.Valid();
        assets.Delete("anchors");
        assets.Write("anchors/Role Model One.txt", "Anchor one.");
        assets.Write("anchors/role model two.docx.txt", "Anchor two.");
        assets.Write("anchors.csv", "File Name,Grade,Anchor ID\n\"Role Model One.txt\",C\u2212,TK24\nROLE MODEL TWO.DOCX.TXT, d+ ,HJ17\n");

        var anchors = assets.Read().Anchors;

        Assert.Equal(["HJ17", "TK24"], anchors.Select(a => a.EssayId));
        Assert.Equal(["D+", "C-"], anchors.Select(a => a.Grade));
    }

    [Fact]
    public void Another_scale_reads_its_own_labels()
    {
        using var assets = TestAssets.Valid();
        assets.Delete("anchors");
        assets.Write("anchors/a_3.txt", "Three.");
        assets.Write("anchors/b_7.txt", "Seven.");

        var inventory = assets.Read(GradeScale.Eng5NpNational9Step);

        Assert.Equal(["3", "7"], inventory.Anchors.Select(a => a.Grade));
    }
}
