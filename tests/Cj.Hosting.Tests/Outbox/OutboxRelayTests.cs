using Cj.Hosting.Bus;
using Cj.Hosting.Outbox;
using Cj.Hosting.Store;
using Cj.Hosting.Tests.Bus;
using Cj.Hosting.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cj.Hosting.Tests.Outbox;

public sealed class OutboxRelayTests : IDisposable
{
    private readonly OutboxStore store = new();
    private readonly ManualTime time = new();

    public void Dispose() => store.Dispose();

    [Fact]
    public async Task The_relay_publishes_each_event_once_and_in_order_when_the_bus_refuses_the_first_attempt()
    {
        await using var inner = new InProcessEventBus();
        var bus = new FlakyBus(inner, failures: 1);
        using var relay = new OutboxRelay(store.Database, bus, time);
        store.Enqueue("e-1", "e-2", "e-3", "e-4", "e-5");
        using var stop = new CancellationTokenSource();

        var running = relay.RunAsync(stop.Token);
        await Wait.Until(() => bus.Attempts == 1 && time.PendingTimers == 1, "the first pass failed and the relay waits");
        Assert.Empty(inner.Snapshot(OutboxStore.Topic));
        time.Advance(OutboxRelay.PollInterval);
        await Wait.Until(() => inner.Snapshot(OutboxStore.Topic).Count == 5, "the retry published every row");
        store.Enqueue("e-3", "e-6");
        relay.Signal();
        await Wait.Until(() => inner.Snapshot(OutboxStore.Topic).Count == 6, "the signal published the new row");
        await stop.CancelAsync();
        await Wait.For(running);

        Assert.Equal(["e-1", "e-2", "e-3", "e-4", "e-5", "e-6"], inner.Snapshot(OutboxStore.Topic).Select(Messages.TextOf));
        Assert.Equal(0, await relay.FlushAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_relay_wakes_on_a_signal_and_on_the_poll_interval()
    {
        await using var bus = new InProcessEventBus();
        using var relay = new OutboxRelay(store.Database, bus, time);
        using var stop = new CancellationTokenSource();
        var running = relay.RunAsync(stop.Token);
        await Wait.Until(() => time.PendingTimers == 1, "the relay is idle");

        store.Enqueue("e-1");
        relay.Signal();
        await Wait.Until(() => bus.Snapshot(OutboxStore.Topic).Count == 1, "the signal published e-1");
        await Wait.Until(() => time.PendingTimers == 1, "the relay is idle again");

        store.Enqueue("e-2");
        time.Advance(OutboxRelay.PollInterval - TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, time.PendingTimers);
        Assert.Single(bus.Snapshot(OutboxStore.Topic));
        time.Advance(TimeSpan.FromMilliseconds(1));
        await Wait.Until(() => bus.Snapshot(OutboxStore.Topic).Count == 2, "the poll published e-2");

        await stop.CancelAsync();
        await Wait.For(running);
    }

    [Fact]
    public async Task Given_the_store_writer_the_relay_marks_its_rows_sent_in_the_writers_transactions()
    {
        await using var bus = new InProcessEventBus();
        var writes = 0;
        StoreWriter writer = (write, cancellationToken) =>
        {
            using var connection = store.Database.Open();
            using var transaction = connection.BeginTransaction();
            write(connection, transaction);
            transaction.Commit();
            writes++;
            return Task.CompletedTask;
        };
        using var relay = new OutboxRelay(store.Database, bus, time, NullLogger<OutboxRelay>.Instance, writer);
        store.Enqueue("e-1", "e-2", "e-3");

        Assert.Equal(3, await relay.FlushAsync(CancellationToken.None));
        Assert.Equal(1, writes);
        Assert.Equal(0, await relay.FlushAsync(CancellationToken.None));
        Assert.Equal(1, writes);
        Assert.Equal(["e-1", "e-2", "e-3"], bus.Snapshot(OutboxStore.Topic).Select(Messages.TextOf));
    }
}
