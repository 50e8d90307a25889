using Cj.Hosting.Bus;

namespace Cj.Hosting.Tests.Outbox;

/// <summary>An in-process bus that refuses the first <c>failures</c> publishes, as a broker that is briefly down.</summary>
internal sealed class FlakyBus(InProcessEventBus inner, int failures) : IEventBus
{
    private int attempts;

    public int Attempts => Volatile.Read(ref attempts);

    public Task PublishAsync(BusMessage message, CancellationToken cancellationToken) =>
        Interlocked.Increment(ref attempts) <= failures
            ? throw new InvalidOperationException("broker unavailable")
            : inner.PublishAsync(message, cancellationToken);

    public IAsyncDisposable Subscribe(string topic, string group, Func<BusMessage, CancellationToken, Task> handler) =>
        inner.Subscribe(topic, group, handler);
}
