using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cj.LlmProvider.Queue;

/// <summary>
/// The queue's one dispatcher per SQLite database (design §2). At start it returns every leased leg to the queue
/// (their process is gone); then, on every wake-up (an admission, a finished call) or poll interval, it expires
/// due requests, recovers lapsed leases, and claims as many legs as it has free slots
/// (<see cref="LlmProviderOptions.MaxConcurrency"/>), each run by the <see cref="LegProcessor"/>. On shutdown it
/// stops claiming; calls still running are cancelled and their legs released.
/// </summary>
internal sealed class Dispatcher(QueueStore store, LegProcessor processor, LlmProviderOptions options, QueueEvents events, ILogger logger)
    : BackgroundService
{
    private readonly string owner = Guid.NewGuid().ToString("N");
    private readonly ConcurrentDictionary<Task, byte> running = new();
    private DateTimeOffset lastSweep = DateTimeOffset.MinValue;
    private int active;

    /// <summary>The lease of a claimed leg: the call's timeout plus a minute.</summary>
    private TimeSpan Lease => options.RequestTimeout + TimeSpan.FromSeconds(60);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        events.Recovered(await store.RecoverLeasesAsync(all: true, stoppingToken).ConfigureAwait(false));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PassAsync(stoppingToken).ConfigureAwait(false);
                await events.Dispatcher.WaitAsync(options.PollInterval, store.Time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                Log.DispatcherError(logger, e);
                await Task.Delay(options.PollInterval, store.Time, stoppingToken).ConfigureAwait(false);
            }
        }

        await Task.WhenAll(running.Keys).ConfigureAwait(false);
    }

    private async Task PassAsync(CancellationToken stoppingToken)
    {
        var now = store.Time.GetUtcNow();
        if (now - lastSweep >= options.PollInterval)
        {
            lastSweep = now;
            foreach (var expired in await store.ExpireDueAsync(stoppingToken).ConfigureAwait(false))
            {
                events.Finished(expired, now);
            }

            events.Recovered(await store.RecoverLeasesAsync(all: false, stoppingToken).ConfigureAwait(false));
            events.Depth(store.Depth());
        }

        var free = options.MaxConcurrency - Volatile.Read(ref active);
        if (free <= 0)
        {
            return;
        }

        foreach (var row in await store.ClaimAsync(owner, free, Lease, stoppingToken).ConfigureAwait(false))
        {
            Interlocked.Increment(ref active);
            var task = RunAsync(row, stoppingToken);
            running.TryAdd(task, 0);
            _ = task.ContinueWith(t => running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task RunAsync(QueueRow row, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Yield();
            await processor.ProcessAsync(row, owner, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // The store failed while recording: the lease lapses and the leg is retried, never lost.
            Log.DispatcherError(logger, e);
        }
        finally
        {
            Interlocked.Decrement(ref active);
            events.Dispatcher.Set();
        }
    }
}
