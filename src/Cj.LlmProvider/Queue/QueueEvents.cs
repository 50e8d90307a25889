using Cj.Hosting.Metrics;
using Cj.Hosting.Outbox;
using Cj.Hosting.Store;
using Cj.LlmProvider.Providers;
using Cj.LlmProvider.Resilience;
using Microsoft.Extensions.Logging;

namespace Cj.LlmProvider.Queue;

/// <summary>
/// What follows a queue change outside the transaction: waking the dispatcher and the outbox relay, metrics
/// (design §12, exact Prometheus names, no id-valued labels), the completion rate, and the log events.
/// </summary>
internal sealed class QueueEvents(MetricsRegistry metrics, OutboxRelay relay, CompletionRate rate, ILogger logger)
{
    public WakeSignal Dispatcher { get; } = new();

    public CompletionRate Rate => rate;

    /// <summary>A request was admitted; <paramref name="promptChars"/> (the assembled prompt's length) is computed only for the log.</summary>
    public void Queued(NewRequest request, string mode, Func<int> promptChars)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(promptChars);
        metrics.Increment("llm_requests_total", "Comparison requests by outcome", 1, ("status", "queued"));
        if (logger.IsEnabled(LogLevel.Information))
        {
            Log.Queued(logger, request.QueueId, request.CorrelationId, request.BatchId, request.Provider, request.Model, mode, request.PromptSha256, promptChars());
        }

        Dispatcher.Set();
    }

    public void Rejected(string? correlationId)
    {
        metrics.Increment("llm_requests_total", "Comparison requests by outcome", 1, ("status", "rejected"));
        metrics.Increment("llm_provider_queue_overflow_total", "Requests refused because the queue was full");
        Log.Rejected(logger, "queue_full", correlationId, "queue_full");
    }

    /// <summary>One provider call: its outcome, latency and billed tokens.</summary>
    public void Called(QueueRow row, CallOutcome outcome, ProviderUsage usage, TimeSpan latency)
    {
        (string, string) provider = ("provider", row.Provider), model = ("model", row.Model);
        metrics.Increment("llm_provider_requests_total", "Provider calls", 1, provider, model, ("request_type", "comparison"), ("status", outcome.Succeeded ? "success" : "error"));
        metrics.Observe("llm_provider_response_duration_seconds", "Provider call duration", latency.TotalSeconds, provider, model);
        metrics.Increment("llm_provider_tokens_used_total", "Tokens billed", usage.PromptTokens, provider, model, ("token_type", "prompt"));
        metrics.Increment("llm_provider_tokens_used_total", "Tokens billed", usage.CompletionTokens, provider, model, ("token_type", "completion"));
        metrics.Increment("llm_provider_cost_dollars_total", "Estimated cost in USD", 0, provider, model);
        if (outcome.ErrorCode is { } code)
        {
            metrics.Increment("llm_provider_errors_total", "Failed provider calls", 1, provider, model, ("error_type", code));
        }

        if (outcome.InvalidReason is not null || outcome.ErrorCode == ErrorCodes.OutputTruncated)
        {
            metrics.Increment("llm_provider_invalid_responses_total", "Invalid or truncated answers", 1, provider, model, ("reason", outcome.InvalidReason ?? "truncated"));
        }
    }

    public void Retrying(QueueRow row, string? errorCode, TimeSpan delay)
    {
        metrics.Increment("llm_provider_retries_total", "Provider calls retried", 1, ("provider", row.Provider), ("model", row.Model), ("error_type", errorCode ?? "unknown"));
        Log.Retry(logger, row.QueueId, row.CorrelationId, row.Provider, row.Model, row.Attempts, errorCode, delay.TotalMilliseconds);
    }

    /// <summary>A request became terminal: its callback is in the outbox, so the relay is woken.</summary>
    public void Finished(Finished finished, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(finished);
        relay.Signal();
        Dispatcher.Set();
        var row = finished.Row;
        var status = finished.Status;
        metrics.Increment("llm_requests_total", "Comparison requests by outcome", 1, ("status", status));
        var waited = (StoreTime.Parse(row.StartedAt ?? StoreTime.Format(now)) - StoreTime.Parse(row.QueuedAt)).TotalSeconds;
        metrics.Observe("llm_provider_queue_wait_time_seconds", "Time from admission to the first dispatch (or expiry)", Math.Max(0, waited), ("queue_processing_mode", row.Mode), ("result", status));
        if (status == QueueStatus.Expired)
        {
            metrics.Increment("llm_provider_queue_expiry_total", "Requests expired in the queue", 1, ("provider", row.Provider), ("queue_processing_mode", row.Mode), ("expiry_reason", "ttl_exceeded"));
            Log.Expired(logger, row.QueueId, row.CorrelationId, row.BatchId, row.Provider, row.Model, row.Mode, row.Attempts);
            return;
        }

        rate.Record();
        if (status == QueueStatus.Completed)
        {
            Log.Completed(logger, row.QueueId, row.CorrelationId, row.BatchId, row.Provider, row.Model, row.Mode, row.Attempts);
        }
        else
        {
            Log.Failed(logger, row.QueueId, row.CorrelationId, row.BatchId, row.Provider, row.Model, row.Mode, row.Attempts, finished.Result.ErrorDetail?.ErrorCode);
        }
    }

    public void Recovered(IReadOnlyDictionary<string, int> byProvider)
    {
        ArgumentNullException.ThrowIfNull(byProvider);
        foreach (var (provider, count) in byProvider)
        {
            metrics.Increment("llm_provider_possible_duplicate_calls_total", "Calls retried after a lost lease (may have been billed twice)", count, ("provider", provider));
        }

        if (byProvider.Count > 0)
        {
            Log.LeasesRecovered(logger, byProvider.Values.Sum());
        }
    }

    public void Depth(long depth) =>
        metrics.Set("llm_provider_queue_depth", "Non-terminal requests in the queue", depth);
}
