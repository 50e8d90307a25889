using Cj.LlmProvider.Providers;
using Cj.LlmProvider.Resilience;

namespace Cj.LlmProvider.Tests.Resilience;

public sealed class RetryPolicyTests
{
    [Theory]
    [InlineData(429, "RATE_LIMIT", "Backoff")]
    [InlineData(500, "PROVIDER_UNAVAILABLE", "Backoff")]
    [InlineData(502, "PROVIDER_UNAVAILABLE", "Backoff")]
    [InlineData(503, "PROVIDER_UNAVAILABLE", "Backoff")]
    [InlineData(504, "PROVIDER_UNAVAILABLE", "Backoff")]
    [InlineData(529, "PROVIDER_UNAVAILABLE", "Backoff")]
    [InlineData(401, "AUTHENTICATION_ERROR", "Never")]
    [InlineData(403, "AUTHENTICATION_ERROR", "Never")]
    [InlineData(413, "CONTEXT_LENGTH_EXCEEDED", "Never")]
    [InlineData(404, "INVALID_REQUEST", "Never")]
    public void Http_statuses_map_to_the_error_codes_of_the_design(int status, string code, string retry)
    {
        var outcome = AnswerClassifier.Classify(new ProviderAnswer(FinishReason.HttpError, status, "{}", ProviderUsage.None, TimeSpan.Zero));

        Assert.Equal((code, retry), (outcome.ErrorCode, outcome.Retry.ToString()));
    }

    [Fact]
    public void A_400_naming_the_context_length_is_context_length_exceeded()
    {
        var body = """{"error":{"message":"This model's maximum context length is 8192 tokens"}}""";

        Assert.Equal("CONTEXT_LENGTH_EXCEEDED", AnswerClassifier.Classify(new ProviderAnswer(FinishReason.HttpError, 400, body, ProviderUsage.None, TimeSpan.Zero)).ErrorCode);
        Assert.Equal("INVALID_REQUEST", AnswerClassifier.Classify(new ProviderAnswer(FinishReason.HttpError, 400, "{}", ProviderUsage.None, TimeSpan.Zero)).ErrorCode);
    }

    [Theory]
    [InlineData("Timeout", "TIMEOUT", "Backoff")]
    [InlineData("ConnectionError", "CONNECTION_ERROR", "Backoff")]
    [InlineData("Length", "OUTPUT_TRUNCATED", "Once")]
    [InlineData("Refusal", "CONTENT_REFUSED", "Never")]
    public void Finish_reasons_map_to_their_codes(string finish, string code, string retry)
    {
        var outcome = AnswerClassifier.Classify(new ProviderAnswer(Enum.Parse<FinishReason>(finish), 200, "{}", ProviderUsage.None, TimeSpan.Zero));

        Assert.Equal((code, retry), (outcome.ErrorCode, outcome.Retry.ToString()));
    }

    [Fact]
    public void Backoff_retries_until_the_attempt_limit_and_invalid_answers_exactly_once()
    {
        Assert.True(RetryPolicy.ShouldRetry(RetryClass.Backoff, 1, 0, 3));
        Assert.True(RetryPolicy.ShouldRetry(RetryClass.Backoff, 2, 1, 3));
        Assert.False(RetryPolicy.ShouldRetry(RetryClass.Backoff, 3, 0, 3));
        Assert.True(RetryPolicy.ShouldRetry(RetryClass.Once, 1, 0, 3));
        Assert.True(RetryPolicy.ShouldRetry(RetryClass.Once, 3, 0, 3));
        Assert.False(RetryPolicy.ShouldRetry(RetryClass.Once, 2, 1, 3));
        Assert.False(RetryPolicy.ShouldRetry(RetryClass.Never, 1, 0, 3));
    }

    [Fact]
    public void Delays_double_per_attempt_with_equal_jitter_up_to_the_cap()
    {
        var baseDelay = TimeSpan.FromSeconds(2);
        var cap = TimeSpan.FromSeconds(60);

        Assert.Equal(TimeSpan.FromSeconds(1), RetryPolicy.Delay(1, baseDelay, cap, 0.0, null));
        Assert.Equal(TimeSpan.FromSeconds(2), RetryPolicy.Delay(1, baseDelay, cap, 1.0, null));
        Assert.Equal(TimeSpan.FromSeconds(3), RetryPolicy.Delay(2, baseDelay, cap, 0.5, null));
        Assert.Equal(TimeSpan.FromSeconds(60), RetryPolicy.Delay(10, baseDelay, cap, 1.0, null));
        Assert.Equal(TimeSpan.FromSeconds(30), RetryPolicy.Delay(10, baseDelay, cap, 0.0, null));
    }

    [Fact]
    public void A_longer_server_retry_after_wins_and_jitter_is_seeded()
    {
        Assert.Equal(TimeSpan.FromSeconds(20), RetryPolicy.Delay(1, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60), 0.5, TimeSpan.FromSeconds(20)));
        Assert.Equal(RetryPolicy.Jitter(1, "q", "ab", 2), RetryPolicy.Jitter(1, "q", "ab", 2));
        Assert.NotEqual(RetryPolicy.Jitter(1, "q", "ab", 2), RetryPolicy.Jitter(2, "q", "ab", 2));
    }
}
