using System.Threading.Channels;
using Cj.Hosting.Store;
using Microsoft.Data.Sqlite;

namespace Cj.LlmProvider.Queue;

/// <summary>
/// The store's single writer with group commit. SQLite allows one writer at a time; instead of many connections
/// contending in SQLite's busy handler (which sleeps between tries), every write is queued here and one loop runs
/// whatever is queued (up to <see cref="MaxBatch"/>) in one transaction, each write in its own savepoint: a write
/// that throws is rolled back alone and its caller gets the exception; the others commit together. Callers
/// resume only after the commit, so a completed task means the write is durable. The loop keeps one connection
/// open between batches and opens a new one after a failed batch.
/// </summary>
internal sealed class WriteQueue : IDisposable
{
    private const int MaxBatch = 128;
    private readonly Channel<IWrite> channel = Channel.CreateUnbounded<IWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SqliteDatabase database;
    private readonly Task loop;

    /// <summary>The loop's connection, kept open between batches (only the loop touches it).</summary>
    private SqliteConnection? connection;

    public WriteQueue(SqliteDatabase database)
    {
        this.database = database;
        loop = Task.Run(LoopAsync);
    }

    private interface IWrite
    {
        void Run(SqliteConnection connection, SqliteTransaction transaction, int index);

        void Complete(Exception? batchFailure);
    }

    /// <summary>Runs <paramref name="write"/> inside the next batch transaction; the task ends after the commit.</summary>
    public Task<T> RunAsync<T>(Func<SqliteConnection, SqliteTransaction, T> write, CancellationToken ct)
    {
        var item = new Write<T>(write);
        ObjectDisposedException.ThrowIf(!channel.Writer.TryWrite(item), this);
        return item.Task.WaitAsync(ct);
    }

    /// <summary>Stops taking writes and waits for the queued ones to commit.</summary>
    public void Dispose()
    {
        channel.Writer.TryComplete();
        loop.GetAwaiter().GetResult();
    }

    private async Task LoopAsync()
    {
        var batch = new List<IWrite>(MaxBatch);
        while (await channel.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && channel.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            Execute(batch);
            batch.Clear();
        }

        connection?.Dispose();
    }

    private void Execute(List<IWrite> batch)
    {
        Exception? failure = null;
        try
        {
            connection ??= database.Open();
            using var transaction = connection.BeginTransaction();
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Run(connection, transaction, i);
            }

            transaction.Commit();
        }
        catch (Exception e)
        {
            // The batch did not commit (store unreachable, disk full…): every caller gets the failure; the loop goes on
            // with a fresh connection.
            failure = e;
            connection?.Dispose();
            connection = null;
        }

        foreach (var write in batch)
        {
            write.Complete(failure);
        }
    }

    private sealed class Write<T>(Func<SqliteConnection, SqliteTransaction, T> work) : IWrite
    {
        private readonly TaskCompletionSource<T> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? result;
        private Exception? error;

        public Task<T> Task => completion.Task;

        public void Run(SqliteConnection connection, SqliteTransaction transaction, int index)
        {
            var savepoint = "w" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            transaction.Save(savepoint);
            try
            {
                result = work(connection, transaction);
                transaction.Release(savepoint);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                transaction.Rollback(savepoint);
                transaction.Release(savepoint);
                error = e;
            }
        }

        public void Complete(Exception? batchFailure)
        {
            if (batchFailure is not null)
            {
                completion.TrySetException(batchFailure);
            }
            else if (error is not null)
            {
                completion.TrySetException(error);
            }
            else
            {
                completion.TrySetResult(result!);
            }
        }
    }
}
