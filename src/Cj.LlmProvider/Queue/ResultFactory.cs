using System.Text.Json;
using Cj.Contracts;
using Cj.Hosting.Store;
using Cj.LlmProvider.Prompting;

namespace Cj.LlmProvider.Queue;

/// <summary>
/// How a request ended: a verdict, or an error with its code, message (never prompt text or secrets), HTTP status
/// and server Retry-After. <see cref="ReportedModel"/> and <see cref="ProviderMetadata"/> come from the answer.
/// </summary>
internal sealed record TerminalOutcome(
    Verdict? Verdict,
    string? ErrorCode,
    string? Message,
    int? HttpStatus = null,
    double? RetryAfterSeconds = null,
    string? ReportedModel = null,
    IReadOnlyDictionary<string, object?>? ProviderMetadata = null)
{
    public static TerminalOutcome Error(string code, string message, int? httpStatus = null, double? retryAfterSeconds = null) =>
        new(null, code, message, httpStatus, retryAfterSeconds);
}

/// <summary>
/// Builds the <see cref="LlmComparisonResultV1"/> of a terminal request (pure): success ⇔ a verdict and no error
/// detail; tokens and response time are the leg's totals over every billed attempt; offline cost is 0 with
/// <c>cost_status</c> <c>offline</c>; <c>request_metadata</c> echoes the caller's metadata plus the reserved keys.
/// </summary>
internal static class ResultFactory
{
    public const string Operation = "comparison";

    public static LlmComparisonResultV1 Build(QueueRow row, TerminalOutcome outcome, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(outcome);
        var timestamp = StoreTime.Format(now);
        var verdict = outcome.Verdict;
        var attempts = (int)row.Attempts;
        var error = verdict is not null
            ? null
            : new ErrorDetail(
                outcome.ErrorCode ?? "INTERNAL_ERROR",
                outcome.Message ?? "the request failed",
                row.CorrelationId,
                timestamp,
                SourceServices.LlmProvider,
                Operation,
                new ErrorDetails(outcome.HttpStatus, null, attempts, outcome.RetryAfterSeconds));
        var prompt = (int)row.PromptTokens;
        var completion = (int)row.CompletionTokens;
        var usage = new TokenUsage(prompt, completion, prompt + completion, (int)row.CacheReadTokens, (int)row.CacheWriteTokens, (int)row.ReasoningTokens);
        return new LlmComparisonResultV1(
            row.QueueId,
            row.CorrelationId,
            verdict?.Winner,
            verdict?.Justification,
            verdict?.Confidence,
            error,
            row.Provider,
            outcome.ReportedModel ?? row.Model,
            row.ResponseTimeMs,
            usage,
            0m,
            row.QueuedAt,
            timestamp,
            null,
            null,
            Metadata(row, outcome, attempts));
    }

    private static Dictionary<string, object?> Metadata(QueueRow row, TerminalOutcome outcome, int attempts)
    {
        var canonical = row.ParsedRequest;
        var metadata = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(row.Metadata) ?? [])
        {
            metadata[key] = value;
        }

        metadata["prompt_sha256"] = row.PromptSha256;
        metadata["resolved_provider"] = row.Provider;
        metadata["resolved_model"] = row.Model;
        metadata["queue_processing_mode"] = row.Mode;
        metadata["attempts"] = attempts;
        metadata["cost_status"] = "offline";
        metadata["prompt_format_version"] = canonical.PromptFormatVersion;
        metadata["temperature_applied"] = canonical.Temperature;
        metadata["reasoning_effort_applied"] = canonical.ReasoningEffort;
        metadata["output_verbosity_applied"] = canonical.OutputVerbosity;
        if (outcome.Verdict is { } verdict)
        {
            metadata["justification_truncated"] = verdict.JustificationTruncated;
        }

        foreach (var (key, value) in outcome.ProviderMetadata ?? new Dictionary<string, object?>())
        {
            metadata[key] = value;
        }

        return metadata;
    }

    /// <summary>The callback envelope: <c>event_type</c> is the request's callback topic, batch id from <c>bos_batch_id</c>.</summary>
    public static EventEnvelope<LlmComparisonResultV1> Envelope(QueueRow row, LlmComparisonResultV1 result, Guid eventId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new EventEnvelope<LlmComparisonResultV1>(
            eventId,
            row.CallbackTopic,
            StoreTime.Format(now),
            SourceServices.LlmProvider,
            1,
            row.CorrelationId,
            Guid.Parse(row.BatchId),
            "schemas/events/LLMComparisonResultV1.schema.json",
            result,
            null);
    }
}
