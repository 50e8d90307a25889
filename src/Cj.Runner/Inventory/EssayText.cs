using System.Text;

namespace Cj.Runner.Inventory;

/// <summary>
/// Extracts the text of an essay or prompt file: <c>.txt</c> and <c>.md</c> as strict UTF-8 (a BOM is tolerated),
/// <c>.docx</c> as paragraph text, <c>.pdf</c> through <c>pdftotext</c>. Every failure is an <see cref="InputException"/>
/// whose message names the file and the reason.
/// </summary>
internal static class EssayText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The extensions an essay may have, as shown in messages.</summary>
    public const string SupportedList = ".txt, .md, .docx or .pdf";

    /// <summary>Whether <paramref name="path"/> has an extension this class can read (case-insensitive).</summary>
    public static bool IsSupported(string path) => FormatOf(path) is not null;

    /// <summary>The text of <paramref name="path"/>, trimmed of trailing whitespace.</summary>
    public static string Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return FromBytes(path, ReadBytes(path));
    }

    /// <summary>The bytes of <paramref name="path"/>; an I/O or permission failure names the file.</summary>
    public static byte[] ReadBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot be read ({InventoryProblems.Reason(ex)}).");
        }
    }

    /// <summary>The text of <paramref name="bytes"/>, read from <paramref name="path"/> (whose extension picks the format).</summary>
    public static string FromBytes(string path, byte[] bytes)
    {
        var text = FormatOf(path) switch
        {
            Format.PlainText => PlainText(path, bytes),
            Format.Docx => DocxText.Extract(path, bytes),
            Format.Pdf => PdfText.Extract(path),
            _ => throw new InputException(
                $"{path}: unsupported file type '{Path.GetExtension(path)}' (expected {SupportedList})."),
        };
        text = text.TrimEnd();
        return text.Length == 0 ? throw new InputException($"{path}: empty file.") : text;
    }

    private static string PlainText(string path, byte[] bytes)
    {
        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            throw new InputException($"{path}: not valid UTF-8 text (it is UTF-16; save it as UTF-8).");
        }

        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            throw new InputException($"{path}: binary file, not text.");
        }

        var start = bytes is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            throw new InputException($"{path}: not valid UTF-8 text.");
        }
    }

    private static Format? FormatOf(string path)
    {
        var extension = Path.GetExtension(path);
        return extension.Equals(".txt", StringComparison.OrdinalIgnoreCase) || extension.Equals(".md", StringComparison.OrdinalIgnoreCase)
            ? Format.PlainText
            : extension.Equals(".docx", StringComparison.OrdinalIgnoreCase) ? Format.Docx
            : extension.Equals(".pdf", StringComparison.OrdinalIgnoreCase) ? Format.Pdf
            : null;
    }

    private enum Format
    {
        PlainText,
        Docx,
        Pdf,
    }
}
