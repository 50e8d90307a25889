using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Cj.Runner.Inventory;

/// <summary>
/// The body text of a .docx: one line per <c>w:p</c>, the text of <c>w:t</c> runs, <c>w:tab</c> as a tab and
/// <c>w:br</c>/<c>w:cr</c> as a newline. Deleted text (<c>w:delText</c>), field codes and tab-stop definitions are skipped.
/// </summary>
internal static class DocxText
{
    private const string Transitional = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string Strict = "http://purl.oclc.org/ooxml/wordprocessingml/main";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    public static string Extract(string path, byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            var entry = zip.GetEntry("word/document.xml")
                ?? throw new InputException($"{path}: corrupt .docx (no word/document.xml).");
            using var stream = entry.Open();
            using var reader = XmlReader.Create(stream, Settings);
            return Paragraphs(reader);
        }
        catch (InvalidDataException ex)
        {
            throw new InputException($"{path}: corrupt .docx (not a readable zip archive: {InventoryProblems.Reason(ex)}).");
        }
        catch (XmlException ex)
        {
            throw new InputException($"{path}: corrupt .docx (bad XML in word/document.xml: {InventoryProblems.Reason(ex)}).");
        }
    }

    private static string Paragraphs(XmlReader reader)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        var inText = false;
        var tabStops = 0;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when IsWord(reader):
                    switch (reader.LocalName)
                    {
                        case "p" when reader.IsEmptyElement:
                            Flush(lines, line);
                            break;
                        case "p" when line.Length > 0:
                            // A paragraph nested in a text box: keep what came before it on its own line.
                            Flush(lines, line);
                            break;
                        case "t":
                            inText = !reader.IsEmptyElement;
                            break;
                        case "tabs" when !reader.IsEmptyElement:
                            tabStops++;
                            break;
                        case "tab" when tabStops == 0:
                            line.Append('\t');
                            break;
                        case "br" or "cr":
                            line.Append('\n');
                            break;
                        case "noBreakHyphen":
                            line.Append('-');
                            break;
                    }

                    break;
                case XmlNodeType.EndElement when IsWord(reader):
                    switch (reader.LocalName)
                    {
                        case "p":
                            Flush(lines, line);
                            break;
                        case "t":
                            inText = false;
                            break;
                        case "tabs":
                            tabStops--;
                            break;
                    }

                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace
                    when inText:
                    line.Append(reader.Value);
                    break;
            }
        }

        if (line.Length > 0)
        {
            Flush(lines, line);
        }

        return string.Join('\n', lines);
    }

    private static bool IsWord(XmlReader reader) => reader.NamespaceURI is Transitional or Strict;

    private static void Flush(List<string> lines, StringBuilder line)
    {
        lines.Add(line.ToString());
        line.Clear();
    }
}
