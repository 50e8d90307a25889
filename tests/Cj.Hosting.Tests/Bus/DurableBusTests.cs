using Cj.Hosting.Bus;
using Cj.Hosting.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cj.Hosting.Tests.Bus;

public sealed class DurableBusTests
{
    private const string Topic = "huleedu.test.v1";

    [Fact]
    public async Task A_reopened_journal_redelivers_to_a_group_only_what_it_had_not_committed()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "bus.db");
        var bus = Open(path);
        await Messages.PublishTexts(bus, Topic, "a", "b", "c");
        var handled = 0;
        var subscription = bus.Subscribe(Topic, "g", (_, _) =>
            Interlocked.Increment(ref handled) <= 2 ? Task.CompletedTask : throw new InvalidOperationException("crash before c is handled"));
        await Wait.Until(() => bus.CommittedOffset(Topic, "g") == 2 && Volatile.Read(ref handled) >= 3, "a and b committed, c failing");
        await subscription.DisposeAsync();
        await bus.DisposeAsync();

        await using var reopened = Open(path);
        await Messages.PublishTexts(reopened, Topic, "d");
        var (again, againReceived) = Messages.Recorder();
        var (fresh, freshReceived) = Messages.Recorder();
        await using var resumed = reopened.Subscribe(Topic, "g", again);
        await using var other = reopened.Subscribe(Topic, "new-group", fresh);

        Assert.Equal(["c", "d"], await Wait.ForItems(againReceived, 2));
        Assert.Equal(["a", "b", "c", "d"], await Wait.ForItems(freshReceived, 4));
        Assert.Equal(["a", "b", "c", "d"], reopened.Snapshot(Topic).Select(Messages.TextOf));
        Assert.Equal("c", reopened.Snapshot(Topic)[2].Headers["event_id"]);
    }

    [Fact]
    public async Task A_journal_that_was_never_closed_still_holds_every_accepted_message()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "bus.db");
        var abandoned = Open(path);
        await Messages.PublishTexts(abandoned, Topic, "x", "y");

        // A second process opening the same file (as after kill -9) sees both messages, in order.
        await using var reopened = Open(path);
        Assert.Equal(["x", "y"], reopened.Snapshot(Topic).Select(Messages.TextOf));
        await abandoned.DisposeAsync();
    }

    private static InProcessEventBus Open(string path) =>
        InProcessEventBus.OpenDurable(path, TimeProvider.System, NullLogger<InProcessEventBus>.Instance);
}
