using System.Globalization;
using Cj.LlmProvider.Providers;

namespace Cj.LlmProvider.Resilience;

/// <summary>
/// When a failed call is tried again and after how long (design §8). Transient errors retry until
/// <c>maxAttempts</c> calls were made; <c>INVALID_RESPONSE</c> and <c>OUTPUT_TRUNCATED</c> get exactly one retry
/// of the identical request; the rest never retry. Backoff is exponential from the base delay, capped, with
/// "equal jitter" (half fixed, half drawn) from a seeded hash, so a re-run waits alike; a longer server
/// <c>Retry-After</c> wins.
/// </summary>
internal static class RetryPolicy
{
    /// <param name="retry">The error's retry class.</param>
    /// <param name="attempts">Calls made so far, this one included.</param>
    /// <param name="onceRetriesUsed">Single retries (invalid or truncated answers) already spent.</param>
    /// <param name="maxAttempts">The limit for backoff retries.</param>
    public static bool ShouldRetry(RetryClass retry, int attempts, int onceRetriesUsed, int maxAttempts) => retry switch
    {
        RetryClass.Backoff => attempts < maxAttempts,
        RetryClass.Once => onceRetriesUsed == 0,
        _ => false,
    };

    /// <summary>The wait before the next attempt after <paramref name="attempts"/> calls (1-based).</summary>
    public static TimeSpan Delay(int attempts, TimeSpan baseDelay, TimeSpan maxDelay, double u, TimeSpan? retryAfter)
    {
        var exponent = Math.Min(30, Math.Max(0, attempts - 1));
        var full = Math.Min(maxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        var delay = TimeSpan.FromMilliseconds(full * (0.5 + (0.5 * u)));
        return retryAfter is { } server && server > delay ? server : delay;
    }

    /// <summary>The jitter draw of one retry, from the configured seed.</summary>
    public static double Jitter(long seed, string queueId, string leg, int attempts) =>
        OfflineDraw.FromText(string.Create(CultureInfo.InvariantCulture, $"backoff|{seed}|{queueId}|{leg}|{attempts}"));
}
