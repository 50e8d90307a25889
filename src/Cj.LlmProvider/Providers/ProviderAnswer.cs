namespace Cj.LlmProvider.Providers;

/// <summary>Token usage of one call; prompt tokens include cached ones, completion tokens include reasoning.</summary>
internal sealed record ProviderUsage(int PromptTokens, int CompletionTokens, int CacheReadTokens, int CacheWriteTokens, int ReasoningTokens)
{
    public static ProviderUsage None { get; } = new(0, 0, 0, 0, 0);

    /// <summary>The offline estimate: characters ÷ 4.</summary>
    public static ProviderUsage FromCharacters(int promptCharacters, int completionCharacters) =>
        new(promptCharacters / 4, completionCharacters / 4, 0, 0, 0);
}

/// <summary>Why a call ended, in provider-neutral terms.</summary>
internal enum FinishReason
{
    /// <summary>A complete answer (check <see cref="ProviderAnswer.Content"/>).</summary>
    Stop,

    /// <summary>The output hit the token limit.</summary>
    Length,

    /// <summary>The model refused to answer.</summary>
    Refusal,

    /// <summary>The call returned an HTTP error status.</summary>
    HttpError,

    /// <summary>The call timed out.</summary>
    Timeout,

    /// <summary>The connection failed.</summary>
    ConnectionError,

    /// <summary>A provider-specific, non-retryable error (<see cref="ProviderAnswer.ErrorCode"/>).</summary>
    ProviderError,
}

/// <summary>
/// What one provider call returned, uninterpreted. <see cref="Metadata"/> adds provider-reserved keys to the
/// callback's <c>request_metadata</c> (e.g. <c>replay_source</c>); <see cref="Model"/> overrides the reported
/// model (a replayed record's model).
/// </summary>
internal sealed record ProviderAnswer(
    FinishReason Finish,
    int HttpStatus,
    string? Content,
    ProviderUsage Usage,
    TimeSpan Latency,
    TimeSpan? RetryAfter = null,
    string? RequestId = null,
    string? ErrorCode = null,
    string? ErrorMessage = null,
    string? Model = null,
    IReadOnlyDictionary<string, object?>? Metadata = null);
