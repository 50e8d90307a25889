using System.Collections.Concurrent;
using Cj.Hosting.Bus;
using Cj.Hosting.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cj.Hosting.Tests.Bus;

/// <summary>Batch subscriptions and batch publishing of the in-process bus.</summary>
public sealed class BatchDeliveryTests
{
    private const string Topic = "huleedu.test.v1";

    [Fact]
    public async Task A_batch_subscriber_gets_the_waiting_messages_together_in_order_and_commits_them_together()
    {
        await using var bus = new InProcessEventBus();
        var texts = Enumerable.Range(0, 25).Select(i => $"m{i:D2}").ToArray();
        await bus.PublishAsync([.. texts.Select(t => Messages.Text(Topic, "same-batch", t))], CancellationToken.None);
        var batches = new ConcurrentQueue<string[]>();

        await using var subscription = bus.SubscribeBatch(Topic, "g", 10, (messages, _) =>
        {
            batches.Enqueue([.. messages.Select(Messages.TextOf)]);
            return Task.CompletedTask;
        });

        await Wait.Until(() => bus.CommittedOffset(Topic, "g") == 25, "all 25 are committed");
        Assert.Equal([10, 10, 5], batches.Select(b => b.Length));
        Assert.Equal(texts, batches.SelectMany(b => b));
    }

    [Fact]
    public async Task A_failing_batch_is_delivered_again_whole_and_nothing_of_it_is_committed_until_it_succeeds()
    {
        await using var bus = new InProcessEventBus();
        await bus.PublishAsync([Messages.Text(Topic, "k", "a"), Messages.Text(Topic, "k", "b"), Messages.Text(Topic, "k", "c")], CancellationToken.None);
        var deliveries = new ConcurrentQueue<string>();
        var calls = 0;

        await using var subscription = bus.SubscribeBatch(Topic, "g", 10, (messages, _) =>
        {
            deliveries.Enqueue(string.Concat(messages.Select(Messages.TextOf)));
            return Interlocked.Increment(ref calls) == 1 ? throw new InvalidOperationException("first try fails") : Task.CompletedTask;
        });

        await Wait.Until(() => bus.CommittedOffset(Topic, "g") == 3, "a, b and c are committed");
        Assert.Equal(["abc", "abc"], deliveries);
        Assert.Equal(1, bus.RedeliveryCount);
    }

    [Fact]
    public async Task Two_batch_subscribers_of_one_group_never_hold_messages_of_the_same_key_at_once()
    {
        await using var bus = new InProcessEventBus();
        var inFlight = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var overlaps = 0;
        var handled = new ConcurrentQueue<string>();
        Task Handler(IReadOnlyList<BusMessage> messages, CancellationToken cancellationToken) => HandleAsync(messages);
        async Task HandleAsync(IReadOnlyList<BusMessage> messages)
        {
            var keys = messages.Select(m => m.Key).Distinct(StringComparer.Ordinal).ToArray();
            foreach (var key in keys)
            {
                if (inFlight.AddOrUpdate(key, 1, (_, n) => n + 1) > 1)
                {
                    Interlocked.Increment(ref overlaps);
                }
            }

            await Task.Yield();
            foreach (var message in messages)
            {
                handled.Enqueue(Messages.TextOf(message));
            }

            foreach (var key in keys)
            {
                inFlight.AddOrUpdate(key, 0, (_, n) => n - 1);
            }
        }

        await using var first = bus.SubscribeBatch(Topic, "g", 4, Handler);
        await using var second = bus.SubscribeBatch(Topic, "g", 4, Handler);
        for (var i = 0; i < 60; i++)
        {
            await bus.PublishAsync(Messages.Text(Topic, $"key-{i % 3}", $"m{i:D2}"), CancellationToken.None);
        }

        await Wait.Until(() => bus.CommittedOffset(Topic, "g") == 60, "all 60 are committed");
        Assert.Equal(0, overlaps);
        Assert.Equal(60, handled.Distinct(StringComparer.Ordinal).Count());
        for (var key = 0; key < 3; key++)
        {
            var ofKey = handled.Where(t => int.Parse(t[1..], System.Globalization.CultureInfo.InvariantCulture) % 3 == key).ToArray();
            Assert.Equal(ofKey.Order(StringComparer.Ordinal), ofKey);
        }
    }

    [Fact]
    public async Task A_batch_published_to_a_durable_bus_is_journalled_and_reopened_in_order_per_topic()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "bus.db");
        var bus = InProcessEventBus.OpenDurable(path, TimeProvider.System, NullLogger<InProcessEventBus>.Instance);
        await bus.PublishAsync([Messages.Text(Topic, "k", "a"), Messages.Text("huleedu.other.v1", "k", "x"), Messages.Text(Topic, "k", "b")], CancellationToken.None);
        await bus.DisposeAsync();

        await using var reopened = InProcessEventBus.OpenDurable(path, TimeProvider.System, NullLogger<InProcessEventBus>.Instance);
        Assert.Equal(["a", "b"], reopened.Snapshot(Topic).Select(Messages.TextOf));
        Assert.Equal(["x"], reopened.Snapshot("huleedu.other.v1").Select(Messages.TextOf));
    }

    [Fact]
    public async Task A_bus_without_batch_support_hands_a_batch_subscriber_one_message_at_a_time()
    {
        await using var inner = new InProcessEventBus();
        IEventBus bus = new SingleOnlyBus(inner);
        var sizes = new ConcurrentQueue<int>();
        await bus.PublishAsync([Messages.Text(Topic, "k", "a"), Messages.Text(Topic, "k", "b")], CancellationToken.None);

        await using var subscription = bus.SubscribeBatch(Topic, "g", 10, (messages, _) =>
        {
            sizes.Enqueue(messages.Count);
            return Task.CompletedTask;
        });

        await Wait.Until(() => sizes.Count == 2, "both messages are handled");
        Assert.Equal([1, 1], sizes);
    }

    /// <summary>A bus that implements only the two required members, as a third-party bus would.</summary>
    private sealed class SingleOnlyBus(InProcessEventBus inner) : IEventBus
    {
        public Task PublishAsync(BusMessage message, CancellationToken cancellationToken) => inner.PublishAsync(message, cancellationToken);

        public IAsyncDisposable Subscribe(string topic, string group, Func<BusMessage, CancellationToken, Task> handler) => inner.Subscribe(topic, group, handler);
    }
}
