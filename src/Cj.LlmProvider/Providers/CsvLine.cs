using System.Text;

namespace Cj.LlmProvider.Providers;

/// <summary>Splits one CSV line (RFC 4180 quoting: <c>"a, b"</c>, doubled quotes inside) into trimmed fields.</summary>
internal static class CsvLine
{
    public static IReadOnlyList<string> Split(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString().Trim());
        return fields;
    }

    /// <summary>The non-blank lines of a file with their 1-based line numbers.</summary>
    public static IEnumerable<(int Number, string Text)> NonBlankLines(string path) =>
        File.ReadLines(path)
            .Select((text, i) => (Number: i + 1, Text: text.TrimEnd('\r')))
            .Where(l => !string.IsNullOrWhiteSpace(l.Text));
}
