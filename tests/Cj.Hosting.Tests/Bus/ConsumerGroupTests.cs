using System.Collections.Concurrent;
using Cj.Hosting.Bus;
using Cj.Hosting.Tests.Support;

namespace Cj.Hosting.Tests.Bus;

public sealed class ConsumerGroupTests
{
    private const string Topic = "huleedu.test.v1";

    [Fact]
    public async Task Two_subscribers_in_one_group_share_the_messages_each_message_going_to_one_of_them()
    {
        await using var bus = new InProcessEventBus();
        var seen = new ConcurrentDictionary<string, int>();
        var byA = new ConcurrentBag<string>();
        var byB = new ConcurrentBag<string>();
        var aStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Each subscriber holds its first message until the other has one too, so both must take part.
        Func<BusMessage, CancellationToken, Task> Handler(ConcurrentBag<string> mine, TaskCompletionSource me, TaskCompletionSource other) =>
            async (message, _) =>
            {
                me.TrySetResult();
                await Wait.For(other.Task);
                mine.Add(Messages.TextOf(message));
                seen.AddOrUpdate(Messages.TextOf(message), 1, (_, n) => n + 1);
            };

        await using var a = bus.Subscribe(Topic, "shared", Handler(byA, aStarted, bStarted));
        await using var b = bus.Subscribe(Topic, "shared", Handler(byB, bStarted, aStarted));
        var texts = Enumerable.Range(0, 40).Select(i => $"m{i}").ToArray();
        await Messages.PublishTexts(bus, Topic, texts);

        await Wait.Until(() => seen.Count == texts.Length && bus.CommittedOffset(Topic, "shared") == texts.Length, "all are handled");
        Assert.All(seen.Values, count => Assert.Equal(1, count));
        Assert.NotEmpty(byA);
        Assert.NotEmpty(byB);
        Assert.Equal(texts.Length, byA.Count + byB.Count);
    }

    [Fact]
    public async Task Messages_with_the_same_key_stay_in_order_and_one_at_a_time_in_a_shared_group()
    {
        await using var bus = new InProcessEventBus();
        var order = new ConcurrentQueue<string>();
        var inFlight = 0;
        var maxInFlight = 0;
        async Task Handle(BusMessage message, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            await Task.Yield();
            order.Enqueue(Messages.TextOf(message));
            Interlocked.Decrement(ref inFlight);
        }

        await using var a = bus.Subscribe(Topic, "shared", Handle);
        await using var b = bus.Subscribe(Topic, "shared", Handle);
        var texts = Enumerable.Range(0, 30).Select(i => $"m{i:D2}").ToArray();
        foreach (var text in texts)
        {
            await bus.PublishAsync(Messages.Text(Topic, "one-batch", text), CancellationToken.None);
        }

        await Wait.Until(() => order.Count == texts.Length, "all are handled");
        Assert.Equal(texts, order);
        Assert.Equal(1, maxInFlight);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current && Interlocked.CompareExchange(ref target, value, current) is var seen && seen != current)
        {
            current = seen;
        }
    }
}
