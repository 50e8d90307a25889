namespace Cj.LlmProvider.Queue;

/// <summary>
/// Completions per minute as an exponentially weighted moving average with a 5-minute time constant, on the
/// <see cref="TimeProvider"/>: the decayed count of completions divided by the decayed length of the observed
/// window (so a young window is not under-estimated); unknown (null) until 10 completions were seen. Feeds <c>estimated_wait_minutes</c>
/// and the <c>Retry-After</c> of a full queue.
/// </summary>
internal sealed class CompletionRate(TimeProvider time)
{
    private const double TauSeconds = 300;
    private const int MinimumCompletions = 10;
    private readonly Lock gate = new();
    private double decayedCount;
    private long count;
    private DateTimeOffset first;
    private DateTimeOffset last;

    public void Record()
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            first = count == 0 ? now : first;
            decayedCount = Decayed(now) + 1;
            last = now;
            count++;
        }
    }

    /// <summary>Completions per minute now, or null before 10 completions.</summary>
    public double? PerMinute()
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            var window = TauSeconds * (1 - Math.Exp(-Math.Max(1, (now - first).TotalSeconds) / TauSeconds));
            return count < MinimumCompletions ? null : Decayed(now) / window * 60;
        }
    }

    /// <summary>Minutes until <paramref name="ahead"/> requests are done, or null while the rate is unknown.</summary>
    public double? WaitMinutes(long ahead) =>
        PerMinute() is { } perMinute && perMinute > 0 ? Math.Round(ahead / perMinute, 2) : null;

    /// <summary>Seconds to drain <paramref name="pending"/> requests, clamped to 1–60 (5 while unknown).</summary>
    public int RetryAfterSeconds(long pending) =>
        PerMinute() is { } perMinute && perMinute > 0
            ? (int)Math.Clamp(Math.Ceiling(pending / perMinute * 60), 1, 60)
            : 5;

    private double Decayed(DateTimeOffset now) =>
        count == 0 ? 0 : decayedCount * Math.Exp(-Math.Max(0, (now - last).TotalSeconds) / TauSeconds);
}
