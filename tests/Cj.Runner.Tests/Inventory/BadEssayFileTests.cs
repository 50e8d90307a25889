namespace Cj.Runner.Tests.Inventory;

/// <summary>Essay files that cannot be read, or that clash with another essay, are reported by path and reason.</summary>
public sealed class BadEssayFileTests
{
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
}
