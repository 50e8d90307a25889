using Cj.Hosting.Bus;
using Cj.Hosting.Tests.Support;

namespace Cj.Hosting.Tests.Bus;

public sealed class SubscriptionDisposalTests
{
    private const string Topic = "huleedu.test.v1";

    [Fact]
    public async Task Disposing_a_subscription_waits_for_the_handler_in_flight()
    {
        await using var bus = new InProcessEventBus();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = false;
        var subscription = bus.Subscribe(Topic, "g", async (_, _) =>
        {
            started.SetResult();
            await release.Task;
            finished = true;
        });
        await Messages.PublishTexts(bus, Topic, "a");
        await Wait.For(started.Task);

        var disposing = subscription.DisposeAsync().AsTask();
        Assert.False(disposing.IsCompleted);
        release.SetResult();
        await Wait.For(disposing);

        Assert.True(finished);
        Assert.Equal(1, bus.CommittedOffset(Topic, "g"));
    }

    [Fact]
    public async Task A_message_whose_handler_was_stopped_goes_to_the_next_subscriber_of_the_group()
    {
        await using var bus = new InProcessEventBus();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stopped = bus.Subscribe(Topic, "g", async (_, cancellationToken) =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        });
        await Messages.PublishTexts(bus, Topic, "a", "b");
        await Wait.For(started.Task);
        await stopped.DisposeAsync();

        var (handler, received) = Messages.Recorder();
        await using var next = bus.Subscribe(Topic, "g", handler);

        Assert.Equal(["a", "b"], await Wait.ForItems(received, 2));
        Assert.Equal(0, bus.RedeliveryCount);
    }

    [Fact]
    public async Task A_disposed_bus_stops_its_subscriptions_and_refuses_to_publish()
    {
        var bus = new InProcessEventBus();
        var (handler, _) = Messages.Recorder();
        bus.Subscribe(Topic, "g", handler);

        await bus.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => Messages.PublishTexts(bus, Topic, "late"));
    }
}
