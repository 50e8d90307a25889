using System.Text;

namespace Cj.Runner.Analyse;

/// <summary>A small RFC 4180 reader: a header row and string cells; quoted fields may hold commas, quotes and newlines.</summary>
internal sealed record CsvTable(string Path, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public static CsvTable Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputException($"{path}: file not found.");
        }

        string text;
        try
        {
            text = File.ReadAllText(path, new UTF8Encoding(false, true));
        }
        catch (DecoderFallbackException)
        {
            throw new InputException($"{path}: not valid UTF-8 text.");
        }

        var records = Parse(text, path);
        if (records.Count == 0 || records[0].All(string.IsNullOrWhiteSpace))
        {
            throw new InputException($"{path}: the file is empty; expected a header row.");
        }

        var header = records[0].Select(h => h.Trim()).ToArray();
        var rows = records.Skip(1).Where(r => !(r.Count == 1 && string.IsNullOrWhiteSpace(r[0]))).ToArray();
        return new CsvTable(path, header, rows);
    }

    /// <summary>Finds a column by name, compared case-insensitively ignoring '.', '_', '-' and spaces.</summary>
    public int Find(params string[] names)
    {
        foreach (var name in names)
        {
            var wanted = Normalise(name);
            for (var c = 0; c < Header.Count; c++)
            {
                if (Normalise(Header[c]) == wanted)
                {
                    return c;
                }
            }
        }

        return -1;
    }

    public static string Normalise(string name) =>
        new([.. name.Where(ch => ch is not ('.' or '_' or '-' or ' ')).Select(char.ToLowerInvariant)]);

    private static List<List<string>> Parse(string text, string path)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (var k = start; k < text.Length; k++)
        {
            var ch = text[k];
            if (quoted)
            {
                if (ch == '"' && k + 1 < text.Length && text[k + 1] == '"')
                {
                    field.Append('"');
                    k++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (ch is '\n' or '\r')
            {
                if (ch == '\r' && k + 1 < text.Length && text[k + 1] == '\n')
                {
                    k++;
                }

                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
            }
            else
            {
                field.Append(ch);
            }
        }

        if (quoted)
        {
            throw new InputException($"{path}: a quoted field is not closed.");
        }

        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add(record);
        }

        return records;
    }
}
