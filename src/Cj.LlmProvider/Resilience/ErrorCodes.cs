namespace Cj.LlmProvider.Resilience;

/// <summary>The error codes of <c>error_detail.error_code</c> (design §8).</summary>
internal static class ErrorCodes
{
    public const string RateLimit = "RATE_LIMIT";
    public const string ProviderUnavailable = "PROVIDER_UNAVAILABLE";
    public const string Timeout = "TIMEOUT";
    public const string ConnectionError = "CONNECTION_ERROR";
    public const string InvalidResponse = "INVALID_RESPONSE";
    public const string OutputTruncated = "OUTPUT_TRUNCATED";
    public const string ContentRefused = "CONTENT_REFUSED";
    public const string AuthenticationError = "AUTHENTICATION_ERROR";
    public const string ContextLengthExceeded = "CONTEXT_LENGTH_EXCEEDED";
    public const string InvalidRequest = "INVALID_REQUEST";
    public const string ReplayMiss = "REPLAY_MISS";
    public const string SimulatedUnknownEssay = "SIMULATED_UNKNOWN_ESSAY";
    public const string InternalError = "INTERNAL_ERROR";
    public const string QueueExpired = "QUEUE_EXPIRED";
}
