using System.IO.Compression;
using System.Text;
using Cj.Core.Grading;
using Cj.Runner.Inventory;

namespace Cj.Runner.Tests.Inventory;

/// <summary>An assets folder built in a temp directory, valid until a test breaks it.</summary>
internal sealed class TestAssets : IDisposable
{
    private readonly TempFolder _temp = new();

    public string Root => _temp.Path;

    /// <summary>instructions.md, prompt.md, three anchors at two grades and three students.</summary>
    public static TestAssets Valid()
    {
        var assets = new TestAssets();
        assets.Write("instructions.md", "Compare the two essays and pick the better one.");
        assets.Write("prompt.md", "Write about a role model.");
        assets.Write("anchors/anchor_01_C+.txt", "A strong anchor essay.");
        assets.Write("anchors/anchor_02_E-.md", "A weak anchor essay.");
        assets.Write("anchors/anchor_03_B.txt", "A very strong anchor essay.");
        assets.Write("students/student one.txt", "My role model is my grandmother.");
        assets.Write("students/student_two.md", "My role model is a footballer.");
        assets.Write("students/student-three.txt", "My role model is a teacher.");
        return assets;
    }

    public static TestAssets Empty() => new();

    public string Path(string relative) => System.IO.Path.Combine(Root, relative);

    public string Write(string relative, string text) => WriteBytes(relative, Encoding.UTF8.GetBytes(text));

    public string WriteBytes(string relative, byte[] bytes)
    {
        var file = Path(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, bytes);
        return file;
    }

    public string Folder(string relative) => Directory.CreateDirectory(Path(relative)).FullName;

    public void Delete(string relative)
    {
        var path = Path(relative);
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        else
        {
            File.Delete(path);
        }
    }

    public AssetInventory Read(GradeScale? scale = null) =>
        AssetInventoryReader.Read(Root, scale ?? GradeScale.Eng5NpLegacy9Step);

    /// <summary>The message of the <see cref="InputException"/> reading the folder throws.</summary>
    public string Problems(GradeScale? scale = null) => Assert.Throws<InputException>(() => Read(scale)).Message;

    /// <summary>A .docx whose word/document.xml has <paramref name="bodyXml"/> inside w:body.</summary>
    public string WriteDocx(string relative, string bodyXml) =>
        WriteBytes(relative, Docx(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
            + bodyXml + "</w:body></w:document>"));

    /// <summary>A zip with <c>word/document.xml</c> holding <paramref name="documentXml"/> (null: no such entry).</summary>
    public static byte[] Docx(string? documentXml)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            WriteEntry(zip, "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            if (documentXml is not null)
            {
                WriteEntry(zip, "word/document.xml", documentXml);
            }
        }

        return stream.ToArray();
    }

    /// <summary>A w:p with one run per text.</summary>
    public static string Paragraph(params string[] runs) =>
        "<w:p>" + string.Concat(runs.Select(r => $"<w:r><w:t xml:space=\"preserve\">{r}</w:t></w:r>")) + "</w:p>";

    public void Dispose() => _temp.Dispose();

    private static void WriteEntry(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
