using Cj.Assessment.Store;
using Cj.Contracts;
using Cj.Core.Workflow;
using Cj.Hosting.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cj.Assessment.Handlers;

/// <summary>
/// Sends attempts to the provider, a chunk of the <see cref="DispatchQueue"/> per call (<c>POST /api/v1/comparisons</c>,
/// or <c>POST /api/v1/comparison</c> for a single one). 202 means accepted (one callback will follow); 503, other 5xx
/// and connection errors are retried with the same correlation id and backoff; a 4xx, or running out of tries,
/// settles the attempt as failed (a 4xx is not retryable). Only pending attempts of running batches are sent.
/// </summary>
internal sealed class ComparisonDispatcher(
    ProviderClient client, DispatchQueue queue, ComparisonRequests requests, BatchSteps steps, DispatcherContext context) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, context.Options.ProviderHttpConcurrency).Select(_ => WorkAsync(stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var items in queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await SendAsync(items, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    foreach (var item in items)
                    {
                        context.Logger.DispatchFailed(item.RequestId, ex);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: unsent attempts stay pending in the store and are re-sent on the next start.
        }
    }

    private async Task SendAsync(IReadOnlyList<DispatchItem> items, CancellationToken cancellationToken)
    {
        var work = new List<(DispatchItem Item, LlmComparisonRequest Request)>(items.Count);
        await using (var connection = await context.Database.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in items)
            {
                if (ComparisonStore.GetPending(connection, null, item.RequestId) is { } attempt
                    && await requests.BuildAsync(attempt, cancellationToken).ConfigureAwait(false) is { } request)
                {
                    work.Add((item, request));
                }
            }
        }

        var time = context.Time;
        for (var tryNumber = 1; work.Count > 0; tryNumber++)
        {
            var outcomes = await client.PostAsync([.. work.Select(w => w.Request)], cancellationToken).ConfigureAwait(false);
            var sent = new List<(string RequestId, string? QueueId)>();
            var again = new List<(DispatchItem Item, LlmComparisonRequest Request)>();
            TimeSpan? retryAfter = null;
            for (var i = 0; i < work.Count; i++)
            {
                var (item, request) = work[i];
                var outcome = outcomes[i];
                if (outcome.Accepted)
                {
                    sent.Add((item.RequestId, outcome.QueueId));
                    context.Metrics.LlmRequestSent(request.Metadata["cj_llm_batching_mode"]?.ToString() ?? "");
                }
                else if (!outcome.Retryable || tryNumber >= context.Options.ProviderHttpTries)
                {
                    context.Logger.AttemptRefused(item.RequestId, (int?)outcome.Status ?? 0, outcome.ErrorCode);
                    await FailAsync(item, outcome.ErrorCode, outcome.Retryable, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    again.Add(work[i]);
                    retryAfter = outcome.RetryAfter is { } after && (retryAfter is null || after > retryAfter) ? after : retryAfter;
                }
            }

            if (sent.Count > 0)
            {
                await RecordAsync(sent.Select(s => s.RequestId), () => steps.MarkSentAsync(sent, time.GetUtcNow(), cancellationToken)).ConfigureAwait(false);
            }

            work = again;
            if (work.Count > 0)
            {
                var backoff = TimeSpan.FromTicks(context.Options.ProviderHttpMaxBackoff.Ticks / 32 << Math.Min(tryNumber - 1, 5));
                var delay = retryAfter is { } after && after < context.Options.ProviderHttpMaxBackoff ? after : backoff;
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private Task FailAsync(DispatchItem item, string errorCode, bool retryable, CancellationToken cancellationToken)
    {
        var now = context.Time.GetUtcNow();
        return RecordAsync([item.RequestId], () => steps.ApplyAsync(item.BatchId, now, step =>
        {
            ComparisonStore.MarkSettled(step.Connection, step.Transaction, item.RequestId, ComparisonStore.Failed, errorCode, now);
            return new ComparisonFailed(now, item.RequestId, errorCode, retryable);
        }, cancellationToken));
    }

    /// <summary>
    /// Runs a store write of the chunk; a failure is logged for its attempts and does not stop the rest of the chunk
    /// (an attempt left pending is re-sent after its deadline, or on the next start).
    /// </summary>
    private async Task RecordAsync(IEnumerable<string> requestIds, Func<Task> write)
    {
        try
        {
            await write().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            foreach (var requestId in requestIds)
            {
                context.Logger.DispatchFailed(requestId, ex);
            }
        }
    }
}

/// <summary>The dispatcher's shared services (kept together to keep its constructor small).</summary>
internal sealed record DispatcherContext(SqliteDatabase Database, CjAssessmentOptions Options, TimeProvider Time, AssessmentMetrics Metrics, ILogger<ComparisonDispatcher> Logger);
