namespace Cj.Hosting.Bus;

/// <summary>
/// One subscriber of the in-process bus: a single delivery loop that claims the group's next messages (up to its
/// batch size, in order), hands them to the handler and completes them; a handler exception gets the same messages
/// again after a backoff of 10 ms doubling to 1 s. Disposing stops the loop, waits for the handler in flight and
/// releases unfinished messages.
/// </summary>
internal sealed class InProcessSubscription : IAsyncDisposable
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(1);

    private readonly InProcessTopic topic;
    private readonly string topicName;
    private readonly string group;
    private readonly int maxBatch;
    private readonly Func<IReadOnlyList<BusMessage>, CancellationToken, Task> handler;
    private readonly InProcessEventBus bus;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task loop;
    private int disposed;

    public InProcessSubscription(
        InProcessTopic topic, string topicName, string group, int maxBatch, Func<IReadOnlyList<BusMessage>, CancellationToken, Task> handler, InProcessEventBus bus)
    {
        (this.topic, this.topicName, this.group, this.maxBatch, this.handler, this.bus) = (topic, topicName, group, maxBatch, handler, bus);
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
        var offsets = new List<int>(maxBatch);
        var messages = new List<BusMessage>(maxBatch);
        while (!cancellationToken.IsCancellationRequested)
        {
            if (topic.TryClaim(group, maxBatch, offsets, messages, out var nextChange))
            {
                await DeliverAsync(offsets, messages, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await nextChange.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task DeliverAsync(List<int> offsets, List<BusMessage> messages, CancellationToken cancellationToken)
    {
        var backoff = FirstBackoff;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (await TryHandleAsync(offsets[0], messages, backoff, cancellationToken).ConfigureAwait(false))
            {
                topic.Complete(group, offsets);
                return;
            }

            await Task.Delay(backoff, bus.Time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }

        topic.Release(group, offsets);
    }

    private async Task<bool> TryHandleAsync(int offset, List<BusMessage> messages, TimeSpan backoff, CancellationToken cancellationToken)
    {
        try
        {
            await handler(messages, cancellationToken).ConfigureAwait(false);
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
