using System.Security.Cryptography;
using System.Text;
using Cj.Core.Grading;

namespace Cj.Runner.Tests.Inventory;

public sealed class AssetDiscoveryTests
{
    [Fact]
    public void A_standard_folder_gives_instructions_prompt_anchors_and_students_ordered_by_id()
    {
        using var assets = TestAssets.Valid();
        assets.Write("rubric.md", "Content first, then language.");

        var inventory = assets.Read();

        Assert.Equal(assets.Root, inventory.AssetsDirectory);
        Assert.Equal("instructions.md", inventory.Instructions.SourcePath);
        Assert.Equal("Write about a role model.", inventory.Prompt.Text);
        Assert.Equal("rubric.md", inventory.Rubric?.SourcePath);
        Assert.Equal(["ANCHOR_01_C", "ANCHOR_02_E", "ANCHOR_03_B"], inventory.Anchors.Select(a => a.EssayId));
        Assert.Equal(["C+", "E-", "B"], inventory.Anchors.Select(a => a.Grade));
        Assert.All(inventory.Anchors, a => Assert.True(a.IsAnchor));
        Assert.Equal(["STUDENT_ONE", "STUDENT_THREE", "STUDENT_TWO"], inventory.Students.Select(s => s.EssayId));
        Assert.All(inventory.Students, s => Assert.False(s.IsAnchor));
        Assert.All(inventory.Students, s => Assert.Null(s.Grade));
    }

    [Fact]
    public void Each_file_carries_its_source_path_checksums_and_size()
    {
        using var assets = TestAssets.Valid();
        var bytes = Encoding.UTF8.GetBytes("A strong anchor essay.  \n\n");
        assets.WriteBytes("anchors/anchor_01_C+.txt", bytes);

        var file = assets.Read().Anchors[0].File;

        Assert.Equal("anchors/anchor_01_C+.txt", file.SourcePath);
        Assert.Equal(assets.Path("anchors/anchor_01_C+.txt"), file.FullPath);
        Assert.Equal("anchor_01_C+.txt", file.FileName);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.Sha256);
        Assert.Equal(bytes.Length, file.Bytes);
        Assert.Equal("A strong anchor essay.", file.Text);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData("A strong anchor essay."u8)), file.StorageId);
    }

    [Fact]
    public void The_rubric_is_optional()
    {
        using var assets = TestAssets.Valid();
        Assert.Null(assets.Read().Rubric);
    }

    [Fact]
    public void Names_and_folders_are_matched_case_insensitively_including_the_long_folder_names()
    {
        using var assets = TestAssets.Empty();
        assets.Write("INSTRUCTIONS.TXT", "Judge.");
        assets.Write("Prompt.Md", "Write.");
        assets.Write("Rubric.txt", "Rubric.");
        assets.Write("Anchor_Essays/a_F+.TXT", "Weak.");
        assets.Write("Anchor_Essays/b_A.txt", "Strong.");
        assets.Write("STUDENT_ESSAYS/s.txt", "Student.");

        var inventory = assets.Read();

        Assert.Equal("INSTRUCTIONS.TXT", inventory.Instructions.FileName);
        Assert.Equal("Prompt.Md", inventory.Prompt.FileName);
        Assert.Equal("Rubric.txt", inventory.Rubric?.FileName);
        Assert.Equal(2, inventory.Anchors.Count);
        Assert.Equal("STUDENT_ESSAYS/s.txt", Assert.Single(inventory.Students).File.SourcePath);
    }

    [Fact]
    public void Files_whose_names_contain_instruction_and_prompt_are_found_when_the_exact_names_are_absent()
    {
        using var assets = TestAssets.Valid();
        assets.Delete("instructions.md");
        assets.Delete("prompt.md");
        assets.WriteDocx("ENG5 Assessment Instructions 2016.docx", TestAssets.Paragraph("Judge the essays."));
        assets.Write("student_prompt_role_models.txt", "Write about a role model.");

        var inventory = assets.Read();

        Assert.Equal("Judge the essays.", inventory.Instructions.Text);
        Assert.Equal("student_prompt_role_models.txt", inventory.Prompt.FileName);
    }

    [Fact]
    public void One_file_may_be_both_the_instructions_and_the_prompt()
    {
        using var assets = TestAssets.Valid();
        assets.Delete("instructions.md");
        assets.Delete("prompt.md");
        assets.Write("instructions_and_prompt.md", "Judge. The students wrote about role models.");

        var inventory = assets.Read();

        Assert.Same(inventory.Instructions, inventory.Prompt);
        Assert.Equal("instructions_and_prompt.md", inventory.Prompt.SourcePath);
    }

    [Fact]
    public void Hidden_files_readmes_and_anchors_csv_in_essay_folders_are_ignored()
    {
        using var assets = TestAssets.Valid();
        assets.WriteBytes("students/.DS_Store", [0, 1, 2]);
        assets.Write("students/README.md", "Notes for the teacher.");
        assets.Write("students/readme", "More notes.");
        assets.Write("students/anchors.csv", "not,used\n");
        assets.Write("students/~$udent one.docx", "Word lock file.");
        assets.Write(".hidden/essay.txt", "Never read.");
        assets.Write("anchors/.notes.txt", "");

        var inventory = assets.Read();

        Assert.Equal(3, inventory.Anchors.Count);
        Assert.Equal(3, inventory.Students.Count);
    }

    [Fact]
    public void Essays_of_every_format_are_read_together()
    {
        using var assets = TestAssets.Valid();
        assets.WriteDocx("students/s4.docx", TestAssets.Paragraph("From Word."));

        var inventory = assets.Read(GradeScale.Eng5NpLegacy9Step);

        Assert.Equal("From Word.", inventory.Students.Single(s => s.EssayId == "S4").File.Text);
    }
}
