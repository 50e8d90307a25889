using Cj.Runner.Tests.Inventory;

namespace Cj.Runner.Tests.Run;

/// <summary>Every bad-input case of the runner issue, end to end: exit code 2, the file named, no run folder written.</summary>
public sealed class BadAssetsCliTests
{
    private static readonly Dictionary<string, (Action<TestAssets> Break, string Named)> Cases = new()
    {
        ["empty assets folder"] = (a => { foreach (var f in Directory.GetFileSystemEntries(a.Root)) { a.Delete(Path.GetFileName(f)); } }, "the assets folder is empty"),
        ["no anchors"] = (a => a.Delete("anchors"), "anchor"),
        ["no students"] = (a => a.Delete("students"), "student"),
        ["one anchor grade"] = (a => { a.Delete("anchors"); a.Write("anchors/x_B.txt", "One."); a.Write("anchors/y_B.txt", "Two."); }, "distinct"),
        ["grade not in scale"] = (a => a.Write("anchors/anchor_09_Q.txt", "Graded Q."), "anchor_09_Q.txt"),
        ["empty file"] = (a => a.Write("students/blank.txt", "  \n"), "blank.txt"),
        ["binary file"] = (a => a.WriteBytes("students/image.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]), "image.txt"),
        ["corrupt docx"] = (a => a.WriteBytes("students/broken.docx", [1, 2, 3, 4]), "broken.docx"),
        ["not utf-8"] = (a => a.WriteBytes("students/latin1.txt", [0x48, 0xE9, 0x6C, 0x6C, 0xF6]), "latin1.txt"),
        ["same essay id"] = (a => { a.Write("students/Student One.md", "Again."); }, "STUDENT_ONE"),
        ["duplicate anchor label"] = (a => a.Write("anchors/anchors.csv", "file_name,grade,anchor_id\nanchor_01_C+.txt,C+,X1\nanchor_02_E-.md,E-,X1\nanchor_03_B.txt,B,X3\n"), "X1"),
    };

    public static TheoryData<string> Names() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Bad_assets_exit_2_and_write_no_run_folder(string name)
    {
        var (breakIt, named) = Cases[name];
        using var assets = TestAssets.Valid();
        breakIt(assets);
        using var output = new TempFolder();
        var (exit, _, error) = Cli.Run("--mode", "dry-run", "--assets", assets.Root, "--output-dir", output.Path);
        Assert.Equal(2, exit);
        Assert.Contains(named, error, StringComparison.OrdinalIgnoreCase);
        Assert.False(Directory.Exists(Path.Combine(output.Path, "runs")));
        Assert.Empty(Directory.GetFiles(output.Path, "*.json", SearchOption.AllDirectories));
    }
}
