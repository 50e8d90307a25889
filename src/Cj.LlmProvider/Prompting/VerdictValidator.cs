using System.Text.Json;
using Cj.Contracts;

namespace Cj.LlmProvider.Prompting;

/// <summary>A valid verdict: <see cref="Winner"/> is exactly <c>Essay A</c> or <c>Essay B</c>, confidence in [1, 5].</summary>
internal sealed record Verdict(string Winner, string Justification, double Confidence, bool JustificationTruncated);

/// <summary>The validator's answer: a verdict, or the reason the answer is an <c>INVALID_RESPONSE</c>.</summary>
internal sealed record VerdictCheck(Verdict? Verdict, string? InvalidReason)
{
    public bool IsValid => Verdict is not null;
}

/// <summary>
/// Strict answer validation shared by every provider and mode (design §5). There is no default winner and no
/// fuzzy mapping: anything but a JSON object with winner <c>Essay A</c>/<c>Essay B</c> (case-insensitive, trimmed),
/// a numeric confidence in [1, 5] and a non-empty justification is invalid. A justification longer than
/// <see cref="MaxJustificationWords"/> words is cut and flagged, not rejected.
/// </summary>
internal static class VerdictValidator
{
    public const int MaxJustificationWords = 50;

    public static VerdictCheck Validate(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return Invalid("empty");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content);
        }
        catch (JsonException)
        {
            return Invalid("not_json");
        }

        using (document)
        {
            return Validate(document.RootElement);
        }
    }

    public static VerdictCheck Validate(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Invalid("not_object");
        }

        var winner = ReadWinner(root);
        if (winner is null)
        {
            return Invalid(root.TryGetProperty("winner", out _) ? "invalid_winner" : "missing_winner");
        }

        if (!root.TryGetProperty("confidence", out var c) || c.ValueKind != JsonValueKind.Number)
        {
            return Invalid("invalid_confidence");
        }

        var confidence = c.GetDouble();
        if (confidence is < 1.0 or > 5.0)
        {
            return Invalid("confidence_out_of_range");
        }

        if (!root.TryGetProperty("justification", out var j) || j.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(j.GetString()))
        {
            return Invalid("invalid_justification");
        }

        var (justification, truncated) = CutToWords(j.GetString()!.Trim(), MaxJustificationWords);
        return new VerdictCheck(new Verdict(winner, justification, confidence, truncated), null);
    }

    /// <summary>The first <paramref name="max"/> whitespace-separated words, and whether any were cut.</summary>
    public static (string Text, bool Truncated) CutToWords(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= max ? (text, false) : (string.Join(' ', words.Take(max)), true);
    }

    private static string? ReadWinner(JsonElement root)
    {
        if (!root.TryGetProperty("winner", out var w) || w.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var text = w.GetString()!.Trim();
        if (text.Equals(LlmComparisonResultV1.EssayA, StringComparison.OrdinalIgnoreCase))
        {
            return LlmComparisonResultV1.EssayA;
        }

        return text.Equals(LlmComparisonResultV1.EssayB, StringComparison.OrdinalIgnoreCase)
            ? LlmComparisonResultV1.EssayB
            : null;
    }

    private static VerdictCheck Invalid(string reason) => new(null, reason);
}
