using System.Security.Cryptography;
using System.Text;
using Cj.Runner.Inventory;

namespace Cj.Runner.Tests.Inventory;

public sealed class EssayIdTests
{
    [Theory]
    [InlineData("MHHXGLCG 50 (SA24D ENG 5 WRITING 2025)", "MHHXGLCG_50_SA24D_ENG_5_WRITING_2025")]
    [InlineData("anchor_essay_eng_5_17_vt_001_F+", "ANCHOR_ESSAY_ENG_5_17_VT_001_F")]
    [InlineData("  --Åsa's  essay!! ", "SA_S_ESSAY")]
    [InlineData("__already_SAFE__", "ALREADY_SAFE")]
    [InlineData("student.final.v2", "STUDENT_FINAL_V2")]
    public void Ids_are_the_upper_cased_stem_with_everything_else_collapsed_to_one_underscore(string stem, string id) =>
        Assert.Equal(id, EssayIds.FromStem(stem));

    [Fact]
    public void Ids_are_stable()
    {
        const string stem = "An essay with a rather long name that will need a hash suffix";
        Assert.Equal(EssayIds.FromStem(stem), EssayIds.FromStem(stem));
        Assert.Equal("AN_ESSAY_WITH_A_RATHER_LONG_NAM_" + Hash8(stem), EssayIds.FromStem(stem));
    }

    [Fact]
    public void Long_stems_keep_31_characters_and_a_hash_so_similar_names_stay_apart()
    {
        var first = EssayIds.FromStem("pupil_essay_for_the_national_test_2016_number_001");
        var second = EssayIds.FromStem("pupil_essay_for_the_national_test_2016_number_002");

        Assert.Equal(EssayIds.MaxLength, first.Length);
        Assert.StartsWith("PUPIL_ESSAY_FOR_THE_NATIONAL_TE_", first, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
        Assert.Matches("^[A-Z0-9_]+$", first);
    }

    [Fact]
    public void An_id_of_exactly_forty_characters_is_kept_whole()
    {
        var stem = new string('A', 40);
        Assert.Equal(stem, EssayIds.FromStem(stem));
    }

    [Fact]
    public void A_truncation_that_ends_in_an_underscore_does_not_double_it()
    {
        var stem = new string('A', 30) + "_" + new string('B', 20);
        Assert.Equal(new string('A', 30) + "_" + Hash8(stem), EssayIds.FromStem(stem));
    }

    [Theory]
    [InlineData("")]
    [InlineData("___")]
    [InlineData("ÅÄÖ")]
    public void A_stem_with_nothing_usable_gets_an_essay_prefix_and_a_hash(string stem) =>
        Assert.Equal("ESSAY_" + Hash8(stem), EssayIds.FromStem(stem));

    [Fact]
    public void An_anchor_id_from_anchors_csv_replaces_the_stem_and_is_sanitised()
    {
        using var assets = TestAssets.Valid();
        assets.Write("anchors/anchors.csv", "file_name,grade,anchor_id\nanchor_01_C+.txt,C+,ja-24\nanchor_02_E-.md,E-,\nanchor_03_B.txt,B,Lw 24\n");

        var ids = assets.Read().Anchors.Select(a => a.EssayId);

        Assert.Equal(["ANCHOR_02_E", "JA_24", "LW_24"], ids);
    }

    private static string Hash8(string stem) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(stem)))[..8];
}
