namespace Cj.Hosting.Bus;

/// <summary>
/// One subscriber of the in-process bus: a single delivery loop that claims the group's next message, hands it to
/// the handler and completes it; a handler exception gets the same message again after a backoff of 10 ms doubling
/// to 1 s. Disposing stops the loop, waits for the handler in flight and releases an unfinished message.
/// </summary>
internal sealed class InProcessSubscription : IAsyncDisposable
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(1);

    private readonly InProcessTopic topic;
    private readonly string topicName;
    private readonly string group;
    private readonly Func<BusMessage, CancellationToken, Task> handler;
    private readonly InProcessEventBus bus;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task loop;
    private int disposed;

    public InProcessSubscription(InProcessTopic topic, string topicName, string group, Func<BusMessage, CancellationToken, Task> handler, InProcessEventBus bus)
    {
        (this.topic, this.topicName, this.group, this.handler, this.bus) = (topic, topicName, group, handler, bus);
        loop = Task.Run(() => RunAsync(stopping.Token));
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            await stopping.CancelAsync().ConfigureAwait(false);
        }

        await loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        bus.Forget(this);
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            if (topic.TryClaim(group, out var offset, out var message, out var nextChange))
            {
                await DeliverAsync(offset, message!, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await nextChange.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task DeliverAsync(int offset, BusMessage message, CancellationToken cancellationToken)
    {
        var backoff = FirstBackoff;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (await TryHandleAsync(offset, message, backoff, cancellationToken).ConfigureAwait(false))
            {
                topic.Complete(group, offset);
                return;
            }

            await Task.Delay(backoff, bus.Time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }

        topic.Release(group, offset);
    }

    private async Task<bool> TryHandleAsync(int offset, BusMessage message, TimeSpan backoff, CancellationToken cancellationToken)
    {
        try
        {
            await handler(message, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) // any handler failure means "deliver again": the loop must survive it
        {
            if (!cancellationToken.IsCancellationRequested)
            {
                bus.CountRedelivery();
                BusLog.HandlerFailed(bus.Logger, topicName, group, offset, backoff.TotalMilliseconds, ex);
            }

            return false;
        }
    }
}
