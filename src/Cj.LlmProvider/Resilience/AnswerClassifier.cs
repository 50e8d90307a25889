using Cj.LlmProvider.Prompting;
using Cj.LlmProvider.Providers;

namespace Cj.LlmProvider.Resilience;

/// <summary>How an error is retried (design §8): with backoff up to the attempt limit, exactly once, or never.</summary>
internal enum RetryClass
{
    Never,
    Backoff,
    Once,
}

/// <summary>
/// A classified answer: a valid <see cref="Verdict"/>, or an error code with a message (never prompt text or
/// secrets) and its retry class.
/// </summary>
internal sealed record CallOutcome(Verdict? Verdict, string? ErrorCode, string? Message, RetryClass Retry, string? InvalidReason = null)
{
    public bool Succeeded => Verdict is not null;

    public static CallOutcome Error(string code, string message, RetryClass retry, string? invalidReason = null) =>
        new(null, code, message, retry, invalidReason);
}

/// <summary>Maps a provider answer to a verdict or an error code (design §8), the same for every provider.</summary>
internal static class AnswerClassifier
{
    public static CallOutcome Classify(ProviderAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer.Finish switch
        {
            FinishReason.Stop when answer.HttpStatus is 200 or 0 => Validate(answer.Content),
            FinishReason.Stop or FinishReason.HttpError => Http(answer),
            FinishReason.Length => CallOutcome.Error(ErrorCodes.OutputTruncated, "the answer hit the output token limit", RetryClass.Once),
            FinishReason.Refusal => CallOutcome.Error(ErrorCodes.ContentRefused, "the model refused to judge", RetryClass.Never),
            FinishReason.Timeout => CallOutcome.Error(ErrorCodes.Timeout, "the provider call timed out", RetryClass.Backoff),
            FinishReason.ConnectionError => CallOutcome.Error(ErrorCodes.ConnectionError, "the connection to the provider failed", RetryClass.Backoff),
            _ => CallOutcome.Error(answer.ErrorCode ?? ErrorCodes.InternalError, answer.ErrorMessage ?? "provider error", RetryClass.Never),
        };
    }

    private static CallOutcome Validate(string? content)
    {
        var check = VerdictValidator.Validate(content);
        return check.IsValid
            ? new CallOutcome(check.Verdict, null, null, RetryClass.Never)
            : CallOutcome.Error(ErrorCodes.InvalidResponse, $"the answer is not a valid verdict ({check.InvalidReason})", RetryClass.Once, check.InvalidReason);
    }

    private static CallOutcome Http(ProviderAnswer answer)
    {
        var status = answer.HttpStatus;
        var message = $"the provider answered HTTP {status}";
        return status switch
        {
            429 => CallOutcome.Error(ErrorCodes.RateLimit, message, RetryClass.Backoff),
            500 or 502 or 503 or 504 or 529 => CallOutcome.Error(ErrorCodes.ProviderUnavailable, message, RetryClass.Backoff),
            401 or 403 => CallOutcome.Error(ErrorCodes.AuthenticationError, message, RetryClass.Never),
            413 => CallOutcome.Error(ErrorCodes.ContextLengthExceeded, message, RetryClass.Never),
            400 when NamesContextLength(answer.Content) => CallOutcome.Error(ErrorCodes.ContextLengthExceeded, message, RetryClass.Never),
            >= 400 and < 500 => CallOutcome.Error(ErrorCodes.InvalidRequest, message, RetryClass.Never),
            >= 500 => CallOutcome.Error(ErrorCodes.ProviderUnavailable, message, RetryClass.Backoff),
            _ => CallOutcome.Error(ErrorCodes.InternalError, message, RetryClass.Never),
        };
    }

    private static bool NamesContextLength(string? body) =>
        body is not null
        && (body.Contains("context length", StringComparison.OrdinalIgnoreCase)
            || body.Contains("context_length", StringComparison.OrdinalIgnoreCase)
            || body.Contains("context window", StringComparison.OrdinalIgnoreCase));
}
