using Cj.Assessment.Store;
using Cj.Core.Workflow;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Cj.Assessment.Handlers;

/// <summary>One step: the batch it belongs to and the decision that records its input and returns the event to apply.</summary>
internal sealed record Step(string BatchId, Func<StepContext, BatchEvent?> Decide);

/// <summary>What a step's decision sees: the open transaction, the batch (null when unknown) and the time.</summary>
internal sealed record StepContext(SqliteConnection Connection, SqliteTransaction Transaction, LoadedBatch? Batch, DateTimeOffset Now);

/// <summary>
/// One step of a batch, the shell around <see cref="BatchWorkflow.Next"/>: in one transaction it lets the caller
/// record its input, applies the event, appends it to the log, records the attempts to send and writes terminal
/// events to the outbox; after the commit it hands the attempts to the dispatcher.
/// </summary>
internal sealed class BatchSteps(BatchCache cache, DispatchQueue dispatch, OutcomeWriter outcomes, ILogger<BatchSteps> logger)
{
    /// <summary>Runs <paramref name="decide"/> and applies the event it returns (none: only its own writes commit).</summary>
    public Task ApplyAsync(string batchId, DateTimeOffset now, Func<StepContext, BatchEvent?> decide, CancellationToken cancellationToken) =>
        ApplyAsync([new Step(batchId, decide)], now, cancellationToken);

    /// <summary>
    /// Runs the <paramref name="steps"/> in order in one transaction, each seeing the batch as the steps before it
    /// left it; all commit together or, when one throws, none does.
    /// </summary>
    public async Task ApplyAsync(IReadOnlyList<Step> steps, DateTimeOffset now, CancellationToken cancellationToken)
    {
        List<DispatchItem> sends = [];
        var ended = false;
        var changed = new Dictionary<string, LoadedBatch>(StringComparer.Ordinal);
        await cache.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = cache.Writer;
            await using var transaction = connection.BeginTransaction();
            var stale = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (batchId, decide) in steps)
            {
                var batch = changed.TryGetValue(batchId, out var current) ? current : cache.Load(connection, transaction, batchId);
                var @event = decide(new StepContext(connection, transaction, batch, now));
                batch ??= @event is null ? null : cache.Load(connection, transaction, batchId);
                if (@event is not null && batch is { IsRunning: true })
                {
                    var (next, end, changes) = Apply(connection, transaction, batch, @event, now, sends, stale);
                    changed[batchId] = next;
                    ended |= end;
                    if (changes)
                    {
                        stale.Add(batchId);
                    }
                }
            }

            // The status row is a summary of the state: written once per batch and transaction, from its last state.
            foreach (var batchId in stale)
            {
                BatchStore.UpdateStatus(connection, transaction, changed[batchId].State, now);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            foreach (var next in changed.Values)
            {
                cache.Store(next);
            }
        }
        catch
        {
            foreach (var step in steps)
            {
                cache.Evict(step.BatchId);
            }

            cache.ResetWriter();
            throw;
        }
        finally
        {
            cache.Gate.Release();
        }

        dispatch.Enqueue(sends);
        if (ended)
        {
            outcomes.Signal();
        }
    }

    /// <summary>Records that the provider accepted these attempts, in one transaction under the same writer gate as the steps (one writer, no busy waits).</summary>
    public Task MarkSentAsync(IReadOnlyList<(string RequestId, string? QueueId)> sent, DateTimeOffset now, CancellationToken cancellationToken) =>
        cache.WriteAsync(
            (connection, transaction) =>
            {
                foreach (var (requestId, queueId) in sent)
                {
                    ComparisonStore.MarkSent(connection, transaction, requestId, queueId, now);
                }
            },
            cancellationToken);

    /// <summary>
    /// Applies one event; <c>Stale</c> when the status row must be written from the new state at the end of the
    /// transaction (<paramref name="stale"/> names the batches whose row is already pending).
    /// </summary>
    private (LoadedBatch Next, bool Ended, bool Stale) Apply(
        SqliteConnection connection,
        SqliteTransaction transaction,
        LoadedBatch batch,
        BatchEvent @event,
        DateTimeOffset now,
        List<DispatchItem> sends,
        HashSet<string> stale)
    {
        BatchState state;
        System.Collections.Immutable.ImmutableArray<BatchAction> actions;
        try
        {
            (state, actions) = BatchWorkflow.Next(batch.State, @event);
        }
        catch (Exception ex) when (ex is ArithmeticException or ArgumentException or InvalidOperationException)
        {
            // A batch whose step throws would throw again on every redelivery: end it with the failure event.
            logger.StepFailed(batch.Row.BatchId, ex);
            if (stale.Remove(batch.Row.BatchId))
            {
                BatchStore.UpdateStatus(connection, transaction, batch.State, now); // the counts of the steps before this one
            }

            BatchStore.MarkFailed(connection, transaction, batch.Row.BatchId, "scoring_failed", now);
            ComparisonStore.CancelPending(connection, transaction, batch.Row.BatchId, now);
            outcomes.WriteFailed(connection, transaction, batch.Row, "scoring_failed", ex.GetType().Name, batch.State, now);
            return (batch with { State = batch.State with { Phase = BatchPhase.Failed } }, true, false);
        }

        if (ReferenceEquals(state, batch.State))
        {
            return (batch, false, false);
        }

        BatchStore.AppendEvent(connection, transaction, batch.Row.BatchId, batch.EventCount, @event, now);
        var ended = false;
        foreach (var action in actions)
        {
            switch (action)
            {
                case RequestComparisons request:
                    ComparisonStore.InsertAttempts(connection, transaction, batch.Row.BatchId, request, now);
                    sends.AddRange(request.Requests.Select(r => new DispatchItem(batch.Row.BatchId, r.RequestId)));
                    break;
                case Finalise finalise:
                    ComparisonStore.CancelPending(connection, transaction, batch.Row.BatchId, now);
                    outcomes.WriteCompleted(connection, transaction, batch.Row, state, finalise, now);
                    ended = true;
                    break;
                case Fail fail:
                    ComparisonStore.CancelPending(connection, transaction, batch.Row.BatchId, now);
                    outcomes.WriteFailed(connection, transaction, batch.Row, fail.Reason, fail.Details, state, now, fail.PartialResult);
                    ended = true;
                    break;
                case WaveScored scored:
                    logger.WaveScored(batch.Row.BatchId, scored.Wave, scored.Summary.Successes, scored.Summary.MaxScoreChange);
                    break;
            }
        }

        return (batch with { State = state, EventCount = batch.EventCount + 1 }, ended, true);
    }
}
