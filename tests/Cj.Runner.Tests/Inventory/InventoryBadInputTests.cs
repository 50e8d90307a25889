using Cj.Core.Grading;
using Cj.Runner.Inventory;

namespace Cj.Runner.Tests.Inventory;

/// <summary>Each kind of bad input is an <see cref="InputException"/> whose message names the file and the reason.</summary>
public sealed class InventoryBadInputTests
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
    public void An_unreadable_file_is_reported()
    {
        using var assets = TestAssets.Valid();
        var link = assets.Path("students/gone.txt");
        File.CreateSymbolicLink(link, assets.Path("nowhere/gone.txt"));

        Assert.Contains($"{link}: cannot be read (", assets.Problems(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_or_whitespace_only_file_is_reported()
    {
        using var assets = TestAssets.Valid();
        var empty = assets.Write("students/empty.txt", "");
        var blank = assets.Write("students/blank.md", " \n\t\r\n");
        var blankDocx = assets.WriteDocx("students/blank.docx", "<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>");

        var message = assets.Problems();

        Assert.Contains($"{empty}: empty file.", message, StringComparison.Ordinal);
        Assert.Contains($"{blank}: empty file.", message, StringComparison.Ordinal);
        Assert.Contains($"{blankDocx}: empty file.", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_binary_file_is_reported()
    {
        using var assets = TestAssets.Valid();
        var file = assets.WriteBytes("students/image.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00]);

        Assert.Contains($"{file}: binary file, not text.", assets.Problems(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_reported()
    {
        using var assets = TestAssets.Valid();
        var file = assets.WriteBytes("students/latin1.txt", [0x52, 0xE4, 0x6B, 0x73]);

        Assert.Contains($"{file}: not valid UTF-8 text.", assets.Problems(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_docx_that_is_not_a_zip_is_corrupt()
    {
        using var assets = TestAssets.Valid();
        var file = assets.Write("students/fake.docx", "I am not a zip archive.");

        Assert.Contains($"{file}: corrupt .docx (not a readable zip archive", assets.Problems(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_docx_without_a_document_part_is_corrupt()
    {
        using var assets = TestAssets.Valid();
        var file = assets.WriteBytes("students/hollow.docx", TestAssets.Docx(null));

        Assert.Contains($"{file}: corrupt .docx (no word/document.xml).", assets.Problems(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_docx_with_broken_xml_is_corrupt()
    {
        using var assets = TestAssets.Valid();
        var file = assets.WriteBytes("students/broken.docx", TestAssets.Docx("<w:document><w:body><w:p>"));

        Assert.Contains($"{file}: corrupt .docx (bad XML in word/document.xml: ", assets.Problems(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsupported_file_in_an_essay_folder_is_named()
    {
        using var assets = TestAssets.Valid();
        var file = assets.Write("students/essay.doc", "Old Word format.");
        var bare = assets.Write("students/notes", "No extension.");

        var message = assets.Problems();

        Assert.Contains($"{file}: unsupported file type '.doc' (expected .txt, .md, .docx or .pdf).", message, StringComparison.Ordinal);
        Assert.Contains($"{bare}: no file extension (expected .txt, .md, .docx or .pdf).", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_subfolder_of_an_essay_folder_is_reported_rather_than_skipped()
    {
        using var assets = TestAssets.Valid();
        assets.Write("students/class 9B/essay.txt", "Hidden one level down.");

        Assert.Contains(
            $"{assets.Path("students/class 9B")}: essay folders are read without their subfolders; move its essays up or remove it.",
            assets.Problems(), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_files_with_the_same_essay_id_are_both_named()
    {
        using var assets = TestAssets.Valid();
        var other = assets.Write("students/Student One.md", "A different essay.");

        Assert.Contains(
            $"{other} and {assets.Path("students/student one.txt")}: both map to essay id 'STUDENT_ONE'; rename one of the files.",
            assets.Problems(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_anchor_and_a_student_with_the_same_id_are_both_named()
    {
        using var assets = TestAssets.Valid();
        var student = assets.Write("students/anchor-01-C.txt", "A student essay with an unlucky name.");

        Assert.Contains(
            $"{assets.Path("anchors/anchor_01_C+.txt")} and {student}: both map to essay id 'ANCHOR_01_C'",
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

    [Fact]
    public void A_file_in_both_anchors_and_students_is_reported()
    {
        using var assets = TestAssets.Valid();
        var student = assets.Write("students/anchor_01_C+.txt", "A strong anchor essay.");

        var message = assets.Problems();

        Assert.Contains(
            $"{assets.Path("anchors/anchor_01_C+.txt")} and {student}: the same essay is both an anchor and a student (same file name); keep one.",
            message, StringComparison.Ordinal);
        Assert.DoesNotContain("map to essay id", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_anchor_copied_into_students_under_another_name_is_reported()
    {
        using var assets = TestAssets.Valid();
        var student = assets.Write("students/copied.md", "A very strong anchor essay.\n");

        Assert.Contains(
            $"{assets.Path("anchors/anchor_03_B.txt")} and {student}: the same essay is both an anchor and a student (same text); keep one.",
            assets.Problems(), StringComparison.Ordinal);
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
