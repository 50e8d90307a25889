using Cj.Core.Grading;
using Cj.Runner.Inventory;

namespace Cj.Runner.Tests.Inventory;

/// <summary>An assets folder missing a part, or holding two candidates for one, is reported by path and reason.</summary>
public sealed class BadAssetsFolderTests
{
    [Fact]
    public void A_missing_assets_folder_is_named()
    {
        using var assets = TestAssets.Empty();
        var missing = assets.Path("no-such-folder");

        var message = Assert.Throws<InputException>(() => AssetInventoryReader.Read(missing, GradeScale.Eng5NpLegacy9Step)).Message;

        Assert.Equal($"{missing}: assets folder not found.", message);
    }

    [Fact]
    public void An_empty_assets_folder_is_named()
    {
        using var assets = TestAssets.Empty();
        assets.Write(".DS_Store", "hidden files do not count");

        Assert.Equal($"{assets.Root}: the assets folder is empty.", assets.Problems());
    }

    [Fact]
    public void A_missing_instructions_file_is_reported()
    {
        using var assets = TestAssets.Valid();
        assets.Delete("instructions.md");

        Assert.Contains(
            $"{assets.Root}: no instructions file (expected instructions.md or instructions.txt, or one file whose name contains 'instruction').",
            assets.Problems(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_instructions_file_in_an_unsupported_format_is_named()
    {
        using var assets = TestAssets.Valid();
        assets.Delete("instructions.md");
        assets.Write("Instructions.rtf", "{\\rtf1}");

        Assert.Contains("Instructions.rtf is not .txt, .md, .docx or .pdf", assets.Problems(), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_candidate_prompt_files_are_named_together()
    {
        using var assets = TestAssets.Valid();
        assets.Delete("prompt.md");
        assets.Write("prompt_2016.md", "One.");
        assets.Write("prompt_2017.md", "Two.");

        Assert.Contains(
            $"{assets.Root}: several files could be the prompt (prompt_2016.md, prompt_2017.md); name one prompt.md.",
            assets.Problems(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_prompt_file_is_reported()
    {
        using var assets = TestAssets.Valid();
        assets.Delete("prompt.md");

        Assert.Contains($"{assets.Root}: no prompt file (expected prompt.md or prompt.txt", assets.Problems(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_anchors_folder_is_reported()
    {
        using var assets = TestAssets.Valid();
        assets.Delete("anchors");

        Assert.Contains($"{assets.Root}: no anchors folder (expected anchors/ or anchor_essays/).", assets.Problems(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_anchors_folder_without_essays_is_reported()
    {
        using var assets = TestAssets.Valid();
        assets.Delete("anchors");
        var folder = assets.Folder("anchors");
        assets.Write("anchors/README.md", "Anchors go here.");

        Assert.Contains($"{folder}: no anchor essays (expected .txt, .md, .docx or .pdf files).", assets.Problems(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_students_folder_is_reported()
    {
        using var assets = TestAssets.Valid();
        assets.Delete("students");

        Assert.Contains($"{assets.Root}: no students folder (expected students/ or student_essays/).", assets.Problems(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_students_folder_without_essays_is_reported()
    {
        using var assets = TestAssets.Valid();
        assets.Delete("students");
        var folder = assets.Folder("student_essays");

        Assert.Contains($"{folder}: no student essays (expected .txt, .md, .docx or .pdf files).", assets.Problems(), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_anchors_folders_are_ambiguous()
    {
        using var assets = TestAssets.Valid();
        assets.Write("anchor_essays/x_A.txt", "Another anchor.");

        Assert.Contains($"{assets.Root}: several anchors folders (anchor_essays/, anchors/); keep one.", assets.Problems(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_one_per_line()
    {
        using var assets = TestAssets.Valid();
        assets.Delete("prompt.md");
        var empty = assets.Write("students/empty.txt", "");
        var offScale = assets.Write("anchors/anchor_04_Z.txt", "Off the scale.");
        var corrupt = assets.Write("anchors/anchor_05_A.docx", "not a zip");

        var lines = assets.Problems().Split('\n');

        Assert.Equal($"The assets folder {assets.Root} has 4 problems:", lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.Contains(lines, l => l.StartsWith($"  {assets.Root}: no prompt file", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"  {empty}: empty file", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"  {offScale}: grade 'Z'", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"  {corrupt}: corrupt .docx", StringComparison.Ordinal));
    }
}
