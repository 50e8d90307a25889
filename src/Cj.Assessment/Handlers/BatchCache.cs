using Cj.Assessment.Store;
using Cj.Core.Workflow;
using Cj.Hosting.Store;
using Microsoft.Data.Sqlite;

namespace Cj.Assessment.Handlers;

/// <summary>A batch as loaded for one step: its status row (without the snapshots) and, while it runs, its state rebuilt from the event log.</summary>
internal sealed record LoadedBatch(BatchRow Row, BatchState State, long EventCount)
{
    public bool IsRunning => Row.State == BatchStatus.Running && State.Phase is BatchPhase.Running or BatchPhase.Empty;
}

/// <summary>
/// The states of running batches, rebuilt by replaying <c>batch_events</c> on first use and kept in memory so that a
/// callback costs one step, not a replay. Only touched under <see cref="Gate"/>; evicted when a step fails.
/// </summary>
internal sealed class BatchCache(SqliteDatabase database) : IDisposable
{
    private readonly Dictionary<string, LoadedBatch> batches = new(StringComparer.Ordinal);
    private SqliteConnection? writer;
    private bool disposed;

    /// <summary>Serialises every write of the service (SQLite has one writer anyway; waiting here costs no busy retries).</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>The one connection writes go through, kept open between steps. Call under <see cref="Gate"/>.</summary>
    public SqliteConnection Writer
    {
        get
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return writer ??= database.Open();
        }
    }

    /// <summary>
    /// Runs <paramref name="write"/> in one transaction of <see cref="Writer"/> under <see cref="Gate"/> (a
    /// <see cref="StoreWriter"/>: the outbox relay marks its rows sent here, so it never waits in SQLite's busy handler).
    /// </summary>
    public async Task WriteAsync(Action<SqliteConnection, SqliteTransaction> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        await Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var transaction = Writer.BeginTransaction();
            write(Writer, transaction);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            ResetWriter();
            throw;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Drops the writer connection after a failed step (a new one is opened on next use). Call under <see cref="Gate"/>.</summary>
    public void ResetWriter()
    {
        writer?.Dispose();
        writer = null;
    }

    /// <summary>Closes the writer once no step holds it (a step still running at disposal finishes first, up to 10 s).</summary>
    public void Dispose()
    {
        var entered = Gate.Wait(TimeSpan.FromSeconds(10));
        try
        {
            disposed = true;
            ResetWriter();
        }
        finally
        {
            if (entered)
            {
                Gate.Release();
            }
        }
    }

    /// <summary>The batch, or null when no such batch exists. Call under <see cref="Gate"/>.</summary>
    public LoadedBatch? Load(SqliteConnection connection, SqliteTransaction transaction, string batchId)
    {
        // Only steps change a running batch's row, under the gate, so a cached batch is current.
        if (batches.TryGetValue(batchId, out var current))
        {
            return current;
        }

        var row = BatchStore.GetStatus(connection, transaction, batchId);
        if (row is null)
        {
            batches.Remove(batchId);
            return null;
        }

        if (row.State != BatchStatus.Running)
        {
            batches.Remove(batchId);
            return new LoadedBatch(row, BatchState.Empty, 0);
        }

        var state = BatchState.Empty;
        var events = BatchStore.Events(connection, transaction, batchId);
        foreach (var @event in events)
        {
            state = BatchWorkflow.Next(state, @event).State;
        }

        var loaded = new LoadedBatch(row, state, events.Count);
        batches[batchId] = loaded;
        return loaded;
    }

    public void Store(LoadedBatch batch)
    {
        if (batch.State.Phase is BatchPhase.Completed or BatchPhase.Failed)
        {
            batches.Remove(batch.Row.BatchId);
        }
        else
        {
            batches[batch.Row.BatchId] = batch;
        }
    }

    public void Evict(string batchId) => batches.Remove(batchId);
}
