using System.Threading.Channels;
using Cj.Hosting.Bus;
using Cj.Hosting.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cj.Hosting.Outbox;

/// <summary>
/// Publishes a store's unsent outbox rows to the bus in id order, marking each sent only after the bus accepted it.
/// A crash between the two publishes the row again on restart (consumers dedupe by <c>event_id</c>); a bus failure
/// stops the pass at that row, so order is kept, and the next pass retries it.
/// </summary>
public sealed class OutboxRelay : IDisposable
{
    /// <summary>How long <see cref="RunAsync"/> waits between passes when nobody calls <see cref="Signal"/>.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private const int PageSize = 100;

    private readonly SqliteDatabase database;
    private readonly IEventBus bus;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly StoreWriter? writer;
    private readonly Channel<bool> signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SemaphoreSlim passes = new(1, 1);

    /// <summary>A relay from <paramref name="database"/>'s outbox to <paramref name="bus"/>, polling on <paramref name="time"/>.</summary>
    public OutboxRelay(SqliteDatabase database, IEventBus bus, TimeProvider time)
        : this(database, bus, time, NullLogger<OutboxRelay>.Instance)
    {
    }

    /// <summary>As the three-argument constructor, logging bus failures to <paramref name="logger"/>.</summary>
    public OutboxRelay(SqliteDatabase database, IEventBus bus, TimeProvider time, ILogger<OutboxRelay> logger)
        : this(database, bus, time, logger, null)
    {
    }

    /// <summary>
    /// As the four-argument constructor; rows are marked sent through <paramref name="writer"/>, the store's own writer,
    /// when given (otherwise in a transaction of the relay's connection).
    /// </summary>
    public OutboxRelay(SqliteDatabase database, IEventBus bus, TimeProvider time, ILogger<OutboxRelay> logger, StoreWriter? writer)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        (this.database, this.bus, this.time, this.logger, this.writer) = (database, bus, time, logger, writer);
    }

    /// <summary>
    /// Publishes until <paramref name="cancellationToken"/> is cancelled (then returns normally): a pass now, then
    /// one after every <see cref="Signal"/> or <see cref="PollInterval"/>. A failing pass is logged and retried.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) // the bus or the store failed: keep the row, try again on the next pass
            {
                OutboxLog.PublishFailed(logger, database.Path, PollInterval.TotalMilliseconds, ex);
            }

            await WaitForWorkAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Wakes <see cref="RunAsync"/> for a pass now (call after committing outbox rows); never blocks.</summary>
    public void Signal() => signals.Writer.TryWrite(true);

    /// <summary>Publishes every row unsent now, in id order; returns how many. A bus exception propagates.</summary>
    public async Task<int> FlushAsync(CancellationToken cancellationToken)
    {
        await passes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            var published = 0;
            while (OutboxRows.ReadUnsent(connection, PageSize) is { Count: > 0 } rows)
            {
                // A page is published in one call and marked sent in one transaction after the bus accepted all of
                // it: a crash before the mark publishes it again (consumers dedupe), a bus failure keeps it unsent.
                await bus.PublishAsync([.. rows.Select(r => r.Message)], cancellationToken).ConfigureAwait(false);
                long[] ids = [.. rows.Select(r => r.Id)];
                var now = time.GetUtcNow();
                if (writer is null)
                {
                    OutboxRows.MarkSent(connection, ids, now);
                }
                else
                {
                    await writer((c, tx) => OutboxRows.MarkSent(c, tx, ids, now), cancellationToken).ConfigureAwait(false);
                }

                published += rows.Count;
            }

            return published;
        }
        finally
        {
            passes.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => passes.Dispose();

    private async Task WaitForWorkAsync(CancellationToken cancellationToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var signalled = signals.Reader.WaitToReadAsync(waiting.Token).AsTask();
        var polled = Task.Delay(PollInterval, time, waiting.Token);
        await Task.WhenAny(signalled, polled).ConfigureAwait(false);
        await waiting.CancelAsync().ConfigureAwait(false);
        signals.Reader.TryRead(out _);
    }
}
