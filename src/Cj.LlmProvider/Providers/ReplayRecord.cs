using System.Globalization;
using System.Text.Json;

namespace Cj.LlmProvider.Providers;

/// <summary>
/// One recorded judgement: the pair (essay ids and/or storage ids), whether the record's Essay A won, and what was
/// said. <see cref="Line"/> is the 1-based line in the replay file.
/// </summary>
internal sealed record ReplayRecord(
    int Line,
    string? EssayAId,
    string? EssayBId,
    string? EssayAStorageId,
    string? EssayBStorageId,
    bool AWins,
    double? Confidence,
    string? Justification,
    string? Model,
    decimal? CostUsd)
{
    /// <summary>A JSONL record: ids, <c>winner</c> (<c>Essay A</c>/<c>Essay B</c>) or <c>winner_id</c>, and the rest.</summary>
    public static ReplayRecord FromJson(int line, string text)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        string? S(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        double? D(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
        var (a, b, sa, sb) = (S("essay_a_id"), S("essay_b_id"), S("essay_a_storage_id"), S("essay_b_storage_id"));
        var aWins = WinnerIsA(line, S("winner"), S("winner_id"), [a, sa], [b, sb]);
        var cost = D("cost_usd") is { } c ? (decimal?)c : null;
        return new ReplayRecord(line, a, b, sa, sb, aWins, D("confidence"), S("justification"), S("model"), cost);
    }

    /// <summary>A CSV row <c>essay_a_id,essay_b_id,winner_id[,confidence,justification]</c>.</summary>
    public static ReplayRecord FromCsv(int line, IReadOnlyList<string> fields)
    {
        if (fields.Count < 3)
        {
            throw new InvalidDataException($"line {line}: expected essay_a_id,essay_b_id,winner_id");
        }

        var aWins = WinnerIsA(line, null, fields[2], [fields[0]], [fields[1]]);
        double? confidence = fields.Count > 3 && fields[3].Length > 0
            ? double.Parse(fields[3], NumberStyles.Float, CultureInfo.InvariantCulture)
            : null;
        var justification = fields.Count > 4 && fields[4].Length > 0 ? fields[4] : null;
        return new ReplayRecord(line, fields[0], fields[1], null, null, aWins, confidence, justification, null, null);
    }

    private static bool WinnerIsA(int line, string? winner, string? winnerId, string?[] aIds, string?[] bIds)
    {
        if (winner is not null)
        {
            var w = winner.Trim();
            if (w.Equals("Essay A", StringComparison.OrdinalIgnoreCase) || w.Equals("Essay B", StringComparison.OrdinalIgnoreCase))
            {
                return w.Equals("Essay A", StringComparison.OrdinalIgnoreCase);
            }
        }

        if (winnerId is not null && aIds.Contains(winnerId))
        {
            return true;
        }

        return winnerId is not null && bIds.Contains(winnerId)
            ? false
            : throw new InvalidDataException($"line {line}: the winner is neither Essay A nor Essay B of the record");
    }
}
