using Cj.Hosting.Bus;
using Cj.Hosting.Tests.Support;

namespace Cj.Hosting.Tests.Bus;

public sealed class InProcessEventBusTests
{
    private const string Topic = "huleedu.test.v1";

    [Fact]
    public async Task A_subscriber_receives_the_messages_of_its_topic_in_publish_order()
    {
        await using var bus = new InProcessEventBus();
        var (handler, received) = Messages.Recorder();
        await using var subscription = bus.Subscribe(Topic, "g", handler);
        var texts = Enumerable.Range(0, 50).Select(i => $"m{i:D2}").ToArray();
        await Messages.PublishTexts(bus, Topic, texts);
        await Messages.PublishTexts(bus, "huleedu.other.v1", "elsewhere");

        Assert.Equal(texts, await Wait.ForItems(received, texts.Length));
        await Wait.Until(() => bus.CommittedOffset(Topic, "g") == 50, "all 50 are committed");
        Assert.False(received.TryRead(out _));
    }

    [Fact]
    public async Task A_new_group_starts_at_the_earliest_message()
    {
        await using var bus = new InProcessEventBus();
        await Messages.PublishTexts(bus, Topic, "a", "b", "c");
        var (handler, received) = Messages.Recorder();

        await using var subscription = bus.Subscribe(Topic, "late-group", handler);

        Assert.Equal(["a", "b", "c"], await Wait.ForItems(received, 3));
    }

    [Fact]
    public async Task A_group_resumes_at_its_committed_offset_while_another_group_reads_everything()
    {
        await using var bus = new InProcessEventBus();
        await Messages.PublishTexts(bus, Topic, "a", "b");
        var (first, firstReceived) = Messages.Recorder();
        var subscription = bus.Subscribe(Topic, "g", first);
        await Wait.ForItems(firstReceived, 2);
        await Wait.Until(() => bus.CommittedOffset(Topic, "g") == 2, "a and b are committed");
        await subscription.DisposeAsync();

        await Messages.PublishTexts(bus, Topic, "c", "d");
        var (again, againReceived) = Messages.Recorder();
        var (other, otherReceived) = Messages.Recorder();
        await using var resumed = bus.Subscribe(Topic, "g", again);
        await using var fresh = bus.Subscribe(Topic, "other", other);

        Assert.Equal(["c", "d"], await Wait.ForItems(againReceived, 2));
        Assert.Equal(["a", "b", "c", "d"], await Wait.ForItems(otherReceived, 4));
    }

    [Fact]
    public async Task A_failing_handler_gets_the_same_message_again_before_any_later_one_and_failures_are_counted()
    {
        await using var bus = new InProcessEventBus();
        var attempts = new List<string>();
        var failuresLeft = 2;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var subscription = bus.Subscribe(Topic, "g", (message, _) =>
        {
            var text = Messages.TextOf(message);
            attempts.Add(text);
            if (text == "b" && failuresLeft-- > 0)
            {
                throw new InvalidOperationException("transient");
            }

            if (text == "c")
            {
                done.SetResult();
            }

            return Task.CompletedTask;
        });

        await Messages.PublishTexts(bus, Topic, "a", "b", "c");
        await Wait.For(done.Task);

        Assert.Equal(["a", "b", "b", "b", "c"], attempts);
        Assert.Equal(2, bus.RedeliveryCount);
    }

    [Fact]
    public async Task Caught_up_waits_for_the_group_to_commit_what_was_published_before_the_call_and_no_more()
    {
        await using var bus = new InProcessEventBus();
        using var gate = new SemaphoreSlim(0);
        var (record, received) = Messages.Recorder();
        await using var subscription = bus.Subscribe(Topic, "g", async (message, cancellationToken) =>
        {
            await gate.WaitAsync(cancellationToken);
            await record(message, cancellationToken);
        });
        await Messages.PublishTexts(bus, Topic, "a", "b");

        var caughtUp = bus.CaughtUpAsync(Topic, "g", CancellationToken.None)!;
        await Messages.PublishTexts(bus, Topic, "c"); // after the call: not waited for
        Assert.False(caughtUp.IsCompleted);
        gate.Release();
        Assert.Equal(["a"], await Wait.ForItems(received, 1));
        Assert.False(caughtUp.IsCompleted);

        gate.Release();
        await Wait.For(caughtUp);
        Assert.Equal(2, bus.CommittedOffset(Topic, "g"));
        Assert.True(bus.CaughtUpAsync("huleedu.other.v1", "g", CancellationToken.None)!.IsCompleted); // nothing to read there
        gate.Release();
    }

    [Fact]
    public async Task Disposing_the_bus_ends_a_wait_for_a_group_that_will_never_catch_up()
    {
        var bus = new InProcessEventBus();
        await Messages.PublishTexts(bus, Topic, "a");
        var caughtUp = bus.CaughtUpAsync(Topic, "nobody-reads", CancellationToken.None)!;
        Assert.False(caughtUp.IsCompleted);

        await bus.DisposeAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Wait.For(caughtUp));
        Assert.Throws<ObjectDisposedException>(() => { _ = bus.CaughtUpAsync(Topic, "nobody-reads", CancellationToken.None); });
    }
}
