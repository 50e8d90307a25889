using System.Text.Json;
using System.Text.RegularExpressions;
using Cj.Assessment.Store;
using Cj.Contracts;

namespace Cj.Assessment.Handlers;

/// <summary>The checks of <c>ELS_CJAssessmentRequestV1</c> that need no store (contracts §4); each failure is <c>invalid_request</c>.</summary>
internal static partial class RequestValidation
{
    private static readonly string[] ReasoningEfforts = ["none", "minimal", "low", "medium", "high"];
    private static readonly string[] Verbosities = ["low", "medium", "high"];

    /// <summary>Null when the request is valid, else the first problem found.</summary>
    public static string? Problem(EventEnvelope<ElsCjAssessmentRequestV1> envelope, bool anchorAlign)
    {
        var request = envelope.Data;
        var essays = request.EssaysForCj ?? [];
        if (essays.Count == 0 && !anchorAlign)
        {
            return "essays_for_cj must list at least one essay";
        }

        if (essays.FirstOrDefault(e => e is null || !EssayIdPattern().IsMatch(e.EssayId ?? "")) is { } badId)
        {
            return $"essay_id '{badId?.EssayId}' must be 1-64 characters of [A-Za-z0-9_.:-]";
        }

        if (essays.GroupBy(e => e.EssayId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            return $"essay_id '{duplicate.Key}' appears more than once";
        }

        if (essays.FirstOrDefault(e => !ContentStore.IsStorageId(e.TextStorageId)) is { } badStorage)
        {
            return $"text_storage_id of essay '{badStorage.EssayId}' must be 64 lowercase hex characters";
        }

        if (string.IsNullOrWhiteSpace(request.UserId))
        {
            return "user_id is required";
        }

        if (request.AssignmentId is { Length: > 100 } || request.AssignmentId is { Length: 0 })
        {
            return "assignment_id must be 1-100 characters or null";
        }

        if (request.AssignmentId is null && StudentPromptStorageId(request) is null)
        {
            return "a request without assignment_id (guest run) needs student_prompt_ref.references.STUDENT_PROMPT_TEXT";
        }

        return OverridesProblem(request.LlmConfigOverrides) ?? MaxComparisonsProblem(envelope.Metadata);
    }

    /// <summary>The storage id of the request's student prompt, if it names one.</summary>
    public static string? StudentPromptStorageId(ElsCjAssessmentRequestV1 request) =>
        request.StudentPromptRef?.References?.GetValueOrDefault("STUDENT_PROMPT_TEXT")?.StorageId is { Length: > 0 } id ? id : null;

    /// <summary>The envelope metadata's <c>max_comparisons</c> (null when absent).</summary>
    public static int? MaxComparisons(IReadOnlyDictionary<string, object?>? metadata) =>
        metadata?.GetValueOrDefault("max_comparisons") switch
        {
            JsonElement { ValueKind: JsonValueKind.Number } number when number.TryGetInt32(out var value) => value,
            int value => value,
            long value when value <= int.MaxValue => (int)value,
            _ => null,
        };

    /// <summary>The envelope metadata's string value for <paramref name="key"/>, if any.</summary>
    public static string? MetadataText(IReadOnlyDictionary<string, object?>? metadata, string key) =>
        metadata?.GetValueOrDefault(key) switch
        {
            JsonElement { ValueKind: JsonValueKind.String } text => text.GetString(),
            string text => text,
            _ => null,
        };

    private static string? OverridesProblem(LlmConfigOverrides? o) => o switch
    {
        null => null,
        { TemperatureOverride: < 0 or > 2 } => "temperature_override must be in 0.0-2.0",
        { MaxTokensOverride: < 1 } => "max_tokens_override must be at least 1",
        { ReasoningEffort: { } effort } when !ReasoningEfforts.Contains(effort) => $"reasoning_effort must be one of {string.Join(", ", ReasoningEfforts)}",
        { OutputVerbosity: { } verbosity } when !Verbosities.Contains(verbosity) => $"output_verbosity must be one of {string.Join(", ", Verbosities)}",
        _ => null,
    };

    private static string? MaxComparisonsProblem(IReadOnlyDictionary<string, object?>? metadata)
    {
        if (metadata?.GetValueOrDefault("max_comparisons") is not { } raw || raw is JsonElement { ValueKind: JsonValueKind.Null })
        {
            return null;
        }

        return MaxComparisons(metadata) is >= 2 ? null : "metadata.max_comparisons must be an integer of at least 2";
    }

    [GeneratedRegex("^[A-Za-z0-9_.:-]{1,64}$")]
    private static partial Regex EssayIdPattern();
}
