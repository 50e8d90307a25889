using System.Text;
using Cj.Runner.Inventory;

namespace Cj.Runner.Tests.Inventory;

public sealed class EssayTextTests
{
    [Fact]
    public void Docx_text_is_one_line_per_paragraph_with_tabs_and_breaks()
    {
        using var assets = TestAssets.Empty();
        var file = assets.WriteDocx("essay.docx",
            "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>"
            + "<w:r><w:t>My </w:t></w:r><w:r><w:t xml:space=\"preserve\">role model</w:t></w:r></w:p>"
            + "<w:p/>"
            + "<w:p><w:r><w:t>Name:</w:t><w:tab/><w:t>Ada</w:t><w:br/><w:t>Line two</w:t><w:cr/><w:t>three</w:t></w:r></w:p>"
            + "<w:p><w:r><w:delText>deleted </w:delText><w:t>kept</w:t></w:r></w:p>"
            + "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>In a table</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
            + "<w:p><w:r><w:t xml:space=\"preserve\">  </w:t></w:r></w:p>");

        Assert.Equal("My role model\n\nName:\tAda\nLine two\nthree\nkept\nIn a table", EssayText.Read(file));
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_tolerated_and_dropped()
    {
        using var assets = TestAssets.Empty();
        var file = assets.WriteBytes("bom.txt", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Åsa wrote this.\r\n")]);

        Assert.Equal("Åsa wrote this.", EssayText.Read(file));
    }

    [Fact]
    public void Text_keeps_leading_whitespace_and_loses_trailing_whitespace()
    {
        using var assets = TestAssets.Empty();
        var file = assets.Write("essay.md", "\n  # Title\n\nBody.\t \n\n");

        Assert.Equal("\n  # Title\n\nBody.", EssayText.Read(file));
    }

    [Fact]
    public void Utf16_text_is_reported_as_not_utf8()
    {
        using var assets = TestAssets.Empty();
        var file = assets.WriteBytes("utf16.txt", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Hi")).ToArray());

        var message = Assert.Throws<InputException>(() => EssayText.Read(file)).Message;

        Assert.Equal($"{file}: not valid UTF-8 text (it is UTF-16; save it as UTF-8).", message);
    }

    [Fact]
    public void A_folder_in_place_of_a_file_cannot_be_read()
    {
        using var assets = TestAssets.Empty();
        var folder = assets.Folder("essay.txt");

        var message = Assert.Throws<InputException>(() => EssayText.Read(folder)).Message;

        Assert.StartsWith($"{folder}: cannot be read (", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsupported_extension_is_named()
    {
        using var assets = TestAssets.Empty();
        var file = assets.Write("essay.rtf", "{\\rtf1 hi}");

        var message = Assert.Throws<InputException>(() => EssayText.Read(file)).Message;

        Assert.Equal($"{file}: unsupported file type '.rtf' (expected .txt, .md, .docx or .pdf).", message);
    }
}
