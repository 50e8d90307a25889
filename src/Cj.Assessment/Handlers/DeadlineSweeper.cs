using Cj.Assessment.Store;
using Cj.Core.Workflow;
using Cj.Hosting.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cj.Assessment.Handlers;

/// <summary>
/// The batch timer: turns attempts past their deadline into <see cref="ComparisonTimedOut"/> and batches past
/// <c>BATCH_TIMEOUT_HOURS</c> into <see cref="BatchDeadlineReached"/>, checking every <c>DEADLINE_CHECK_INTERVAL_SECONDS</c>.
/// </summary>
internal sealed class DeadlineSweeper(SqliteDatabase database, BatchSteps steps, CjAssessmentOptions options, TimeProvider time, ILogger<DeadlineSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.DeadlineCheckInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await SweepAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.SweepFailed(ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>One pass over the store at the current time.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        IReadOnlyList<PendingAttempt> attempts;
        IReadOnlyList<string> batches;
        await using (var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            attempts = ComparisonStore.PastDeadline(connection, now);
            batches = BatchStore.PastDeadline(connection, now);
        }

        foreach (var attempt in attempts)
        {
            await steps.ApplyAsync(attempt.BatchId, now, step =>
            {
                if (ComparisonStore.GetPending(step.Connection, step.Transaction, attempt.RequestId) is null)
                {
                    return null;
                }

                ComparisonStore.MarkSettled(step.Connection, step.Transaction, attempt.RequestId, ComparisonStore.TimedOut, "TIMEOUT", now);
                logger.AttemptTimedOut(attempt.RequestId);
                return new ComparisonTimedOut(now, attempt.RequestId);
            }, cancellationToken).ConfigureAwait(false);
        }

        foreach (var batchId in batches)
        {
            logger.BatchDeadline(batchId);
            await steps.ApplyAsync(batchId, now, _ => new BatchDeadlineReached(now), cancellationToken).ConfigureAwait(false);
        }
    }
}
