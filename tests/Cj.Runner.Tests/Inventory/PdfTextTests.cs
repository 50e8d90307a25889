using System.Globalization;
using System.Text;
using Cj.Runner.Inventory;

namespace Cj.Runner.Tests.Inventory;

/// <summary>PDF essays. Every test that replaces the pdftotext lookup lives in this class, so none runs in parallel.</summary>
public sealed class PdfTextTests
{
    [Fact]
    public void Without_pdftotext_each_pdf_gets_a_clear_error_naming_it()
    {
        using var assets = TestAssets.Valid();
        var first = assets.WriteBytes("students/scan_01.pdf", "%PDF-1.4"u8.ToArray());
        var second = assets.WriteBytes("students/scan_02.pdf", "%PDF-1.4"u8.ToArray());

        var message = WithPdfToText(() => null, () => assets.Problems());

        Assert.Contains($"{first}: PDF essays need pdftotext (Debian package poppler-utils); not found on PATH.", message, StringComparison.Ordinal);
        Assert.Contains($"{second}: PDF essays need pdftotext (Debian package poppler-utils); not found on PATH.", message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tool_gets_layout_and_utf8_options_and_its_page_breaks_become_newlines()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var assets = TestAssets.Empty();
        var tool = assets.Write("fake-pdftotext", "#!/bin/sh\nprintf 'args:'; printf ' %s' \"$@\"; printf '\\nPage two\\f'\n");
        File.SetUnixFileMode(tool, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var pdf = assets.WriteBytes("essay.pdf", "%PDF-1.4"u8.ToArray());

        var text = WithPdfToText(() => tool, () => EssayText.Read(pdf));

        Assert.Equal($"args: -layout -enc UTF-8 {pdf} -\nPage two", text);
    }

    [Fact]
    public void A_failing_tool_is_reported_with_its_message_on_one_line()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var assets = TestAssets.Empty();
        var tool = assets.Write("fake-pdftotext", "#!/bin/sh\necho 'Syntax Error: no trailer' >&2\necho 'Syntax Error: give up' >&2\nexit 1\n");
        File.SetUnixFileMode(tool, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var pdf = assets.WriteBytes("essay.pdf", "not a pdf"u8.ToArray());

        var message = WithPdfToText(() => tool, () => Assert.Throws<InputException>(() => EssayText.Read(pdf)).Message);

        Assert.Equal($"{pdf}: pdftotext failed: Syntax Error: no trailer; Syntax Error: give up (exit code 1).", message);
    }

    [RequiresPdfToTextFact]
    public void The_real_pdftotext_extracts_the_text_of_a_pdf()
    {
        using var assets = TestAssets.Empty();
        var pdf = assets.WriteBytes("essay.pdf", MinimalPdf("My role model is my grandmother."));

        Assert.Equal("My role model is my grandmother.", EssayText.Read(pdf).Trim());
    }

    [RequiresPdfToTextFact]
    public void The_real_pdftotext_rejects_a_file_that_is_not_a_pdf()
    {
        using var assets = TestAssets.Empty();
        var pdf = assets.Write("essay.pdf", "This is plain text with a .pdf name.");

        var message = Assert.Throws<InputException>(() => EssayText.Read(pdf)).Message;

        Assert.StartsWith($"{pdf}: pdftotext failed: ", message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
    }

    private static T WithPdfToText<T>(Func<string?> find, Func<T> action)
    {
        var original = PdfText.FindPdfToText;
        PdfText.FindPdfToText = find;
        try
        {
            return action();
        }
        finally
        {
            PdfText.FindPdfToText = original;
        }
    }

    /// <summary>A one-page PDF showing <paramref name="text"/> in Helvetica, with a correct cross-reference table.</summary>
    private static byte[] MinimalPdf(string text)
    {
        var content = $"BT /F1 12 Tf 72 720 Td ({text}) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var k = 0; k < objects.Length; k++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{k + 1} 0 obj\n{objects[k]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}

/// <summary>A fact skipped when pdftotext is not on PATH.</summary>
public sealed class RequiresPdfToTextFactAttribute : FactAttribute
{
    public RequiresPdfToTextFactAttribute()
    {
        if (PdfText.FindOnPath("pdftotext") is null)
        {
            Skip = "pdftotext (Debian package poppler-utils) is not on PATH.";
        }
    }
}
