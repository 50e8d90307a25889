namespace Cj.Contracts;

/// <summary>
/// Exactly one per accepted comparison request, success or error (contracts §4). Success ⇔ winner, confidence and
/// justification non-null and error_detail null; error ⇔ winner null and error_detail non-null. No default winner.
/// </summary>
public sealed record LlmComparisonResultV1(
    string RequestId,
    string CorrelationId,
    string? Winner,
    string? Justification,
    double? Confidence,
    ErrorDetail? ErrorDetail,
    string Provider,
    string Model,
    long ResponseTimeMs,
    TokenUsage TokenUsage,
    decimal? CostEstimate,
    string RequestedAt,
    string CompletedAt,
    string? TraceId,
    PositionCheck? PositionCheck,
    IReadOnlyDictionary<string, object?> RequestMetadata)
{
    public const string EssayA = "Essay A";
    public const string EssayB = "Essay B";
}

public sealed record TokenUsage(int PromptTokens, int CompletionTokens, int TotalTokens, int CacheReadTokens, int CacheWriteTokens, int ReasoningTokens)
{
    public static TokenUsage None { get; } = new(0, 0, 0, 0, 0, 0);
}

public sealed record ErrorDetail(
    string ErrorCode,
    string Message,
    string CorrelationId,
    string Timestamp,
    string Service,
    string Operation,
    ErrorDetails Details);

public sealed record ErrorDetails(int? HttpStatus, string? ProviderErrorType, int Attempts, double? RetryAfterSeconds);

public sealed record PositionCheck(string? ReverseWinner, double? ReverseConfidence, string? ReverseJustification, bool Consistent);
