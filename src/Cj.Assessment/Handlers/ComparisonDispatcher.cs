using Cj.Assessment.Store;
using Cj.Core.Workflow;
using Cj.Hosting.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cj.Assessment.Handlers;

/// <summary>
/// Sends attempts to <c>POST /api/v1/comparison</c>. 202 means accepted (one callback will follow); 503, other 5xx and
/// connection errors are retried with the same correlation id and backoff; a 4xx, or running out of tries, settles the
/// attempt as failed (a 4xx is not retryable). Only pending attempts of running batches are sent.
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
            await foreach (var item in queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await SendAsync(item, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    context.Logger.DispatchFailed(item.RequestId, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: unsent attempts stay pending in the store and are re-sent on the next start.
        }
    }

    private async Task SendAsync(DispatchItem item, CancellationToken cancellationToken)
    {
        PendingAttempt? attempt;
        await using (var connection = await context.Database.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            attempt = ComparisonStore.GetPending(connection, null, item.RequestId);
        }

        if (attempt is null || await requests.BuildAsync(attempt, cancellationToken).ConfigureAwait(false) is not { } request)
        {
            return;
        }

        var time = context.Time;
        for (var tryNumber = 1; ; tryNumber++)
        {
            var outcome = await client.PostAsync(request, cancellationToken).ConfigureAwait(false);
            if (outcome.Accepted)
            {
                await steps.MarkSentAsync(item.RequestId, outcome.QueueId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                context.Metrics.LlmRequestSent(request.Metadata["cj_llm_batching_mode"]?.ToString() ?? "");
                return;
            }

            if (!outcome.Retryable || tryNumber >= context.Options.ProviderHttpTries)
            {
                context.Logger.AttemptRefused(item.RequestId, (int?)outcome.Status ?? 0, outcome.ErrorCode);
                await FailAsync(item, outcome.ErrorCode, outcome.Retryable, cancellationToken).ConfigureAwait(false);
                return;
            }

            var backoff = TimeSpan.FromTicks(context.Options.ProviderHttpMaxBackoff.Ticks / 32 << Math.Min(tryNumber - 1, 5));
            var delay = outcome.RetryAfter is { } after && after < context.Options.ProviderHttpMaxBackoff ? after : backoff;
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task FailAsync(DispatchItem item, string errorCode, bool retryable, CancellationToken cancellationToken)
    {
        var now = context.Time.GetUtcNow();
        return steps.ApplyAsync(item.BatchId, now, step =>
        {
            ComparisonStore.MarkSettled(step.Connection, step.Transaction, item.RequestId, ComparisonStore.Failed, errorCode, now);
            return new ComparisonFailed(now, item.RequestId, errorCode, retryable);
        }, cancellationToken);
    }
}

/// <summary>The dispatcher's shared services (kept together to keep its constructor small).</summary>
internal sealed record DispatcherContext(SqliteDatabase Database, CjAssessmentOptions Options, TimeProvider Time, AssessmentMetrics Metrics, ILogger<ComparisonDispatcher> Logger);
