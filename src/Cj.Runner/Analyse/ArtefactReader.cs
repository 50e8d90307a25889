using System.Text.Json;
using Cj.Core;

namespace Cj.Runner.Analyse;

/// <summary>Reads the judgements, essays and anchor grades of an assessment artefact (<c>results.comparisons</c>, <c>results.essays</c>).</summary>
internal static class ArtefactReader
{
    public static JudgementInput Read(string path, JsonElement root)
    {
        if (!root.TryGetProperty("results", out var results) || !results.TryGetProperty("comparisons", out var comparisons)
            || comparisons.ValueKind != JsonValueKind.Array)
        {
            throw new InputException($"{path}: not an assessment artefact; 'results.comparisons' is missing.");
        }

        var judgements = new List<Judgement>();
        var index = 0;
        foreach (var c in comparisons.EnumerateArray())
        {
            index++;
            if (String(c, "status") is { } status && status != "succeeded")
            {
                continue;
            }

            var winner = String(c, "winner_id") ?? throw new InputException($"{path}: results.comparisons[{index - 1}].winner_id is missing.");
            var loser = String(c, "loser_id") ?? throw new InputException($"{path}: results.comparisons[{index - 1}].loser_id is missing.");
            var first = String(c, "essay_a_id");
            var sequence = c.TryGetProperty("sequence", out var s) && s.TryGetInt64(out var n) ? n : index;
            judgements.Add(new Judgement(new EssayId(winner), new EssayId(loser), first is null ? null : new EssayId(first), String(c, "model"), sequence));
        }

        var essays = new SortedSet<EssayId>(judgements.SelectMany(j => new[] { j.Winner, j.Loser }));
        var anchors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (results.TryGetProperty("essays", out var rows) && rows.ValueKind == JsonValueKind.Array)
        {
            foreach (var e in rows.EnumerateArray())
            {
                if (String(e, "essay_id") is not { } id)
                {
                    continue;
                }

                essays.Add(new EssayId(id));
                if (e.TryGetProperty("is_anchor", out var a) && a.ValueKind == JsonValueKind.True && String(e, "anchor_grade") is { } grade)
                {
                    anchors[id] = grade;
                }
            }
        }

        if (judgements.Count == 0)
        {
            throw new InputException($"{path}: the artefact has no successful comparisons.");
        }

        var scale = root.TryGetProperty("metadata", out var metadata) ? String(metadata, "grade_scale") : null;
        return new JudgementInput([.. essays], judgements, anchors, scale);
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
