using System.Globalization;

namespace Cj.LlmProvider.Providers;

/// <summary>
/// Latent abilities (logits) of the simulated judge, read from a CSV whose header is <c>essay_id,ability</c> or
/// <c>storage_id,ability</c>; <see cref="ByStorageId"/> says which id the first column holds.
/// </summary>
internal sealed class AbilityTable
{
    private readonly Dictionary<string, double> abilities;

    private AbilityTable(Dictionary<string, double> abilities, bool byStorageId)
    {
        this.abilities = abilities;
        ByStorageId = byStorageId;
    }

    public bool ByStorageId { get; }

    public int Count => abilities.Count;

    public double? Find(string? id) => id is not null && abilities.TryGetValue(id, out var a) ? a : null;

    public static AbilityTable Load(string path)
    {
        var lines = CsvLine.NonBlankLines(path).ToList();
        if (lines.Count == 0)
        {
            throw new InvalidDataException($"{path}: empty abilities file");
        }

        var header = CsvLine.Split(lines[0].Text);
        var key = header.Count >= 2 && header[1] == "ability" ? header[0] : null;
        if (key is not ("essay_id" or "storage_id"))
        {
            throw new InvalidDataException($"{path}: the header must be essay_id,ability or storage_id,ability");
        }

        var abilities = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (number, text) in lines.Skip(1))
        {
            var fields = CsvLine.Split(text);
            if (fields.Count < 2 || fields[0].Length == 0
                || !double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var ability)
                || !double.IsFinite(ability) || !abilities.TryAdd(fields[0], ability))
            {
                throw new InvalidDataException($"{path}:{number}: expected a new id and a finite ability");
            }
        }

        return new AbilityTable(abilities, key == "storage_id");
    }
}
