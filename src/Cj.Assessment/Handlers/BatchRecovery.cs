using Cj.Assessment.Store;
using Cj.Hosting.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cj.Assessment.Handlers;

/// <summary>
/// Restart safety: at start-up every running batch is rebuilt from its event log and its pending attempts are sent
/// again with their original request ids (the provider service dedupes on the correlation id, so nothing is paid twice).
/// </summary>
internal sealed class BatchRecovery(SqliteDatabase database, BatchSteps steps, DispatchQueue dispatch, TimeProvider time, ILogger<BatchRecovery> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<string> running;
        await using (var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            running = BatchStore.Running(connection);
        }

        foreach (var batchId in running)
        {
            // Loading replays the log into the cache; a batch whose replay throws is ended by the step itself.
            await steps.ApplyAsync(batchId, time.GetUtcNow(), _ => null, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<PendingAttempt> pending;
            await using (var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false))
            {
                pending = ComparisonStore.PendingOf(connection, batchId);
            }

            logger.BatchResumed(batchId, pending.Count);
            dispatch.Enqueue(pending.Select(p => new DispatchItem(batchId, p.RequestId)));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
